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
}

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
}

export const MAX_TRADEMARKS = 50;
const FIELD_MAX = 500;

export function emptyProfile(): RightsHolderProfile {
  return { name: "", company: "", email: "", phone: "", address: "", trademarks: [], authorisationRef: "" };
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
      };
    }),
  };
}

export function isRole(raw: unknown): raw is Role {
  return raw === "shopper" || raw === "agent";
}
