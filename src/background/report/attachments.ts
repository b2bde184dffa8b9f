/**
 * Profile documents (letters of authorisation, registration certificates),
 * stored once: the bytes in the settings store under "attachment:<sha256>",
 * the reference in the profile. Every case filed afterwards carries them in
 * its bundle. Added and removed in one transaction with the profile, so a
 * reference never points at missing bytes.
 */
import { sha256Hex } from "../../shared/hash.ts";
import {
  type AttachmentKind,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type ProfileAttachment,
  safeFileName,
  validateProfile,
} from "../../shared/profile.ts";
import { SaidError, said } from "../../shared/said.ts";
import { db } from "../db.ts";
import { getProfile } from "./settings.ts";

const key = (id: string) => `attachment:${id}`;

export interface NewAttachment {
  kind: AttachmentKind;
  name: string;
  mime: string;
  registration: string;
  bytes: Uint8Array;
}

export async function addAttachment(input: NewAttachment): Promise<ProfileAttachment> {
  if (input.bytes.length === 0) throw new SaidError(said("attachment_empty"));
  if (input.bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new SaidError(said("attachment_too_large", { megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
  }
  const id = await sha256Hex(input.bytes);
  const ref: ProfileAttachment = {
    id,
    kind: input.kind,
    name: safeFileName(input.name),
    mime: input.mime.slice(0, 100) || "application/octet-stream",
    bytes: input.bytes.length,
    registration: input.registration.trim().slice(0, 100),
  };
  const profile = await getProfile();
  const others = profile.attachments.filter((a) => !(a.id === id && a.kind === ref.kind));
  if (others.length >= MAX_ATTACHMENTS) throw new SaidError(said("attachment_too_many", { count: MAX_ATTACHMENTS }));
  const next = validateProfile({ ...profile, attachments: [...others, ref] });
  const tx = (await db()).transaction("settings", "readwrite");
  const store = tx.objectStore("settings");
  await Promise.all([store.put({ mime: ref.mime, bytes: input.bytes }, key(id)), store.put(next, "profile"), tx.done]);
  return ref;
}

export async function removeAttachment(id: string): Promise<void> {
  const profile = await getProfile();
  const attachments = profile.attachments.filter((a) => a.id !== id);
  const tx = (await db()).transaction("settings", "readwrite");
  const store = tx.objectStore("settings");
  await Promise.all([store.put({ ...profile, attachments }, "profile"), store.delete(key(id)), tx.done]);
}

/** The bytes of the profile's attachments; a missing one is reported, not fatal. */
export async function attachmentBytes(
  refs: readonly ProfileAttachment[],
): Promise<{ found: { ref: ProfileAttachment; bytes: Uint8Array }[]; missing: string[] }> {
  const database = await db();
  const found: { ref: ProfileAttachment; bytes: Uint8Array }[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    const stored = (await database.get("settings", key(ref.id))) as { bytes?: unknown } | undefined;
    if (stored?.bytes instanceof Uint8Array) found.push({ ref, bytes: stored.bytes });
    else missing.push(`${ref.name}: the stored document is missing; add it again in the profile`);
  }
  return { found, missing };
}
