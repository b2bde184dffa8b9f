/**
 * Letters of authorisation and registration certificates, stored once in the
 * extension (IndexedDB) and added to every case bundle filed afterwards.
 */
import { useState } from "preact/hooks";
import { base64Encode } from "../../shared/hash.ts";
import { send } from "../../shared/messages/send.ts";
import {
  type AttachmentKind,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type ProfileAttachment,
} from "../../shared/profile.ts";

const KIND_LABEL: Record<AttachmentKind, string> = {
  authorisation: "Letter of authorisation",
  certificate: "Registration certificate",
};

export function ProfileDocuments({ initial }: { initial: ProfileAttachment[] }) {
  const [docs, setDocs] = useState(initial);
  const [kind, setKind] = useState<AttachmentKind>("authorisation");
  const [registration, setRegistration] = useState("");
  const [status, setStatus] = useState("");
  const add = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setStatus(`Not added: ${file.name} is over ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
      return;
    }
    try {
      const base64 = base64Encode(new Uint8Array(await file.arrayBuffer()));
      const mime = file.type || "application/octet-stream";
      const { attachment } = await send({ type: "add-attachment", kind, name: file.name, mime, registration, base64 });
      setDocs([...docs.filter((d) => !(d.id === attachment.id && d.kind === attachment.kind)), attachment]);
      setStatus(`${attachment.name} added.`);
      input.value = "";
    } catch (error) {
      setStatus(`Not added: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const remove = async (doc: ProfileAttachment) => {
    try {
      await send({ type: "remove-attachment", id: doc.id });
      setDocs(docs.filter((d) => d.id !== doc.id));
      setStatus(`${doc.name} removed.`);
    } catch (error) {
      setStatus(`Not removed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <fieldset class="profile-documents">
      <legend>Documents added to every case</legend>
      {docs.length === 0 ? <p class="muted">No documents yet.</p> : null}
      <ul class="documents">
        {docs.map((d) => (
          <li key={`${d.kind}-${d.id}`} class="document" data-kind={d.kind} data-name={d.name}>
            {KIND_LABEL[d.kind]}: <span class="document-name">{d.name}</span>
            {d.registration ? ` (registration ${d.registration})` : ""}, {Math.ceil(d.bytes / 1024)} KB{" "}
            <button type="button" class="secondary" aria-label={`Remove ${d.name}`} onClick={() => remove(d)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div class="grid">
        <label class="stacked">
          Kind
          <select name="document-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as AttachmentKind)}>
            <option value="authorisation">{KIND_LABEL.authorisation}</option>
            <option value="certificate">{KIND_LABEL.certificate}</option>
          </select>
        </label>
        {kind === "certificate" ? (
          <label class="stacked">
            Registration number it proves
            <input
              type="text"
              name="document-registration"
              value={registration}
              onInput={(e) => setRegistration(e.currentTarget.value)}
            />
          </label>
        ) : null}
        <label class="stacked">
          File (PDF or image)
          <input
            type="file"
            name="document-file"
            accept="application/pdf,image/*"
            disabled={docs.length >= MAX_ATTACHMENTS}
            onChange={(e) => add(e.currentTarget)}
          />
        </label>
      </div>
      <span role="status" class="documents-status">
        {status}
      </span>
    </fieldset>
  );
}
