/**
 * The user's role and, for agents, the rights-holder profile that fills the
 * notices. Stored in the extension's IndexedDB (settings store).
 */
import { failWith, formText, obj } from "./validate.ts";

export type Role = "shopper" | "agent";

export interface TrademarkRegistration {
  /** Registering office: "USPTO", "EUIPO", "CNIPA", "WIPO (Madrid)", ... */
  office: string;
  number: string;
  /** Nice classes as written: "25" or "18, 25". */
  classes: string;
  /** Where the registration applies: ISO 3166 country, "EU" or "WO"; "" = from the office (registry's office table). */
  jurisdiction: string;
  /** Expiry date, "YYYY-MM-DD", or "" when not given. */
  expiry: string;
}

/** A document stored once in the profile (its bytes in IndexedDB) and added to every case bundle. */
export interface ProfileAttachment {
  /** SHA-256 of the bytes: also the storage key ("attachment:<id>"). */
  id: string;
  kind: AttachmentKind;
  /** File name as chosen by the user, made safe for a ZIP entry. */
  name: string;
  mime: string;
  bytes: number;
  /** For a registration certificate: the registration number it proves ("" when not said). */
  registration: string;
}

export const ATTACHMENT_KINDS = ["authorisation", "certificate"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const MAX_ATTACHMENTS = 20;
/** Per file: a scanned letter or certificate fits; a video does not. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface RightsHolderProfile {
  /** The person filing the notice. */
  name: string;
  /** The rights owner (or the agency acting for it). */
  company: string;
  email: string;
  phone: string;
  address: string;
  trademarks: TrademarkRegistration[];
  /** Reference of the letter of authorisation when filing for a brand as its agent. */
  authorisationRef: string;
  /** Letters of authorisation and registration certificates (bytes stored apart, see ProfileAttachment). */
  attachments: ProfileAttachment[];
}

export const MAX_TRADEMARKS = 50;
const FIELD_MAX = 500;

export function emptyProfile(): RightsHolderProfile {
  return {
    name: "",
    company: "",
    email: "",
    phone: "",
    address: "",
    trademarks: [],
    authorisationRef: "",
    attachments: [],
  };
}

const fail = failWith(TypeError);
const text = (raw: unknown, path: string, max = FIELD_MAX) => formText(raw, path, max, fail);

/** Rebuild a profile from untrusted input (a message, an import): unknown keys dropped, lengths capped. */
export function validateProfile(raw: unknown): RightsHolderProfile {
  const r = obj(raw, "profile", fail);
  const marks = r.trademarks ?? [];
  if (!Array.isArray(marks)) throw new TypeError("profile.trademarks: expected a list");
  if (marks.length > MAX_TRADEMARKS) throw new TypeError(`profile.trademarks: at most ${MAX_TRADEMARKS}`);
  return {
    name: text(r.name, "profile.name"),
    company: text(r.company, "profile.company"),
    email: text(r.email, "profile.email"),
    phone: text(r.phone, "profile.phone"),
    address: text(r.address, "profile.address", 2000),
    authorisationRef: text(r.authorisationRef, "profile.authorisationRef"),
    trademarks: marks.map((m, i) => {
      const t = obj(m, `profile.trademarks[${i}]`, fail);
      return {
        office: text(t.office, `profile.trademarks[${i}].office`, 100),
        number: text(t.number, `profile.trademarks[${i}].number`, 100),
        classes: text(t.classes, `profile.trademarks[${i}].classes`, 100),
        jurisdiction: text(t.jurisdiction, `profile.trademarks[${i}].jurisdiction`, 10).toUpperCase(),
        expiry: expiryDate(t.expiry, `profile.trademarks[${i}].expiry`),
      };
    }),
    attachments: validateAttachments(r.attachments),
  };
}

function expiryDate(raw: unknown, path: string): string {
  const value = text(raw, path, 10);
  if (value !== "" && !/^\d{4}-\d\d-\d\d$/.test(value)) throw new TypeError(`${path}: expected YYYY-MM-DD`);
  return value;
}

/** A name safe as a ZIP entry under attachments/: no path, no control characters. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\p{Cc}/gu, "_")
    .replace(/^\.+/, "")
    .slice(0, 120);
  return cleaned || "document";
}

function validateAttachments(raw: unknown): ProfileAttachment[] {
  const list = raw ?? [];
  if (!Array.isArray(list)) throw new TypeError("profile.attachments: expected a list");
  if (list.length > MAX_ATTACHMENTS) throw new TypeError(`profile.attachments: at most ${MAX_ATTACHMENTS}`);
  return list.map((a, i) => {
    const path = `profile.attachments[${i}]`;
    if (typeof a !== "object" || a === null) throw new TypeError(`${path}: expected an object`);
    const t = a as Record<string, unknown>;
    if (typeof t.id !== "string" || !/^[0-9a-f]{64}$/.test(t.id)) throw new TypeError(`${path}.id: expected a SHA-256`);
    if (!(ATTACHMENT_KINDS as readonly unknown[]).includes(t.kind)) throw new TypeError(`${path}.kind: unknown`);
    const bytes = t.bytes;
    if (typeof bytes !== "number" || !Number.isInteger(bytes) || bytes < 0 || bytes > MAX_ATTACHMENT_BYTES) {
      throw new TypeError(`${path}.bytes: expected a size up to ${MAX_ATTACHMENT_BYTES}`);
    }
    return {
      id: t.id,
      kind: t.kind as AttachmentKind,
      name: safeFileName(text(t.name, `${path}.name`, 200)),
      mime: text(t.mime, `${path}.mime`, 100) || "application/octet-stream",
      bytes,
      registration: text(t.registration, `${path}.registration`, 100),
    };
  });
}

export function isRole(raw: unknown): raw is Role {
  return raw === "shopper" || raw === "agent";
}

/** The attachment's file name inside a case bundle. */
export function attachmentEntryName(a: ProfileAttachment): string {
  return `attachments/${a.kind}-${a.id.slice(0, 8)}-${a.name}`;
}
