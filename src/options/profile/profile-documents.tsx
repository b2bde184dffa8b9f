/**
 * Letters of authorisation and registration certificates, stored once in the
 * extension (IndexedDB) and added to every case bundle filed afterwards.
 */
import { useState } from "preact/hooks";
import { base64Encode } from "../../shared/hash.ts";
import { t } from "../../shared/i18n.ts";
import { send } from "../../shared/messages/send.ts";
import {
  type AttachmentKind,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type ProfileAttachment,
} from "../../shared/profile.ts";
import { errorText } from "../../shared/said.ts";

function kindLabel(kind: AttachmentKind): string {
  return t(`document_${kind}`);
}

export function ProfileDocuments({ initial }: { initial: ProfileAttachment[] }) {
  const [docs, setDocs] = useState(initial);
  const [kind, setKind] = useState<AttachmentKind>("authorisation");
  const [registration, setRegistration] = useState("");
  const [status, setStatus] = useState("");
  const add = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setStatus(t("document_too_large", { name: file.name, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
      return;
    }
    try {
      const base64 = base64Encode(new Uint8Array(await file.arrayBuffer()));
      const mime = file.type || "application/octet-stream";
      const { attachment } = await send({ type: "add-attachment", kind, name: file.name, mime, registration, base64 });
      setDocs([...docs.filter((d) => !(d.id === attachment.id && d.kind === attachment.kind)), attachment]);
      setStatus(t("document_added", { name: attachment.name }));
      input.value = "";
    } catch (error) {
      setStatus(t("document_not_added", { error: errorText(error) }));
    }
  };
  const remove = async (doc: ProfileAttachment) => {
    try {
      await send({ type: "remove-attachment", id: doc.id });
      setDocs(docs.filter((d) => d.id !== doc.id));
      setStatus(t("document_removed", { name: doc.name }));
    } catch (error) {
      setStatus(t("document_not_removed", { error: errorText(error) }));
    }
  };
  return (
    <fieldset class="profile-documents">
      <legend>{t("documents_legend")}</legend>
      {docs.length === 0 ? <p class="muted">{t("documents_none")}</p> : null}
      <ul class="documents">
        {docs.map((d) => (
          <li key={`${d.kind}-${d.id}`} class="document" data-kind={d.kind} data-name={d.name}>
            {kindLabel(d.kind)}:{" "}
            <span class="document-name">
              <bdi>{d.name}</bdi>
            </span>
            {d.registration ? ` ${t("document_registration", { number: d.registration })}` : ""}
            {" · "}
            {t("size_kb", { kb: Math.ceil(d.bytes / 1024) })}{" "}
            <button
              type="button"
              class="secondary"
              aria-label={t("remove_named", { name: d.name })}
              onClick={() => remove(d)}
            >
              {t("remove")}
            </button>
          </li>
        ))}
      </ul>
      <div class="grid">
        <label class="stacked">
          {t("document_kind")}
          <select name="document-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as AttachmentKind)}>
            <option value="authorisation">{kindLabel("authorisation")}</option>
            <option value="certificate">{kindLabel("certificate")}</option>
          </select>
        </label>
        {kind === "certificate" ? (
          <label class="stacked">
            {t("document_proves")}
            <input
              type="text"
              name="document-registration"
              value={registration}
              onInput={(e) => setRegistration(e.currentTarget.value)}
            />
          </label>
        ) : null}
        <label class="stacked">
          {t("document_file")}
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
