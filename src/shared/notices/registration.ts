/**
 * Which of the profile's trademark registrations a notice cites: the one of
 * the jurisdiction the portal or the listing's site asks for, never an
 * expired one while a valid one exists, and a warning when none fits.
 */
import { hostEntry, REGISTRY } from "../marketplaces.ts";
import type { TrademarkRegistration } from "../profile.ts";
import { type Said, said } from "../said.ts";
import type { NoticeCase } from "./types.ts";

/** A registration's jurisdiction: as saved, else from its office ("EUIPO" → "EU"), else "". */
export function jurisdictionOf(mark: TrademarkRegistration): string {
  if (mark.jurisdiction) return mark.jurisdiction.toUpperCase();
  const office = mark.office.trim().toUpperCase();
  const hit = Object.entries(REGISTRY.offices).find(([name]) => name.toUpperCase() === office);
  return hit?.[1] ?? "";
}

/** The jurisdiction a portal wants for a case: fixed by the portal, the listing's site, or null (any). */
export function caseJurisdiction(portal: { jurisdiction: { value: string | null } }, c: NoticeCase): string | null {
  const wanted = portal.jurisdiction.value;
  if (wanted !== "host") return wanted;
  try {
    return hostEntry(c.marketplace, new URL(c.url).hostname)?.jurisdiction ?? null;
  } catch {
    return null;
  }
}

export interface Chosen {
  mark: TrademarkRegistration | null;
  /** What the agent should know about the registration cited. */
  warnings: Said[];
}

function label(m: TrademarkRegistration): string {
  return `${m.office || jurisdictionOf(m) || "registration"} ${m.number}`.trim();
}

export function chooseRegistration(
  marks: readonly TrademarkRegistration[],
  jurisdiction: string | null,
  onDate: string,
): Chosen {
  if (marks.length === 0) return { mark: null, warnings: [] };
  const day = onDate.slice(0, 10);
  const valid = marks.filter((m) => m.expiry === "" || m.expiry >= day);
  const pool = valid.length > 0 ? valid : marks;
  const oldest = pool[0] as TrademarkRegistration;
  const warnings =
    valid.length === 0
      ? [said("notice_registrations_expired", { registration: label(oldest), date: oldest.expiry })]
      : [];
  if (jurisdiction === null) return { mark: pool[0] ?? null, warnings };
  const exact = pool.find((m) => jurisdictionOf(m) === jurisdiction);
  if (exact) return { mark: exact, warnings };
  if (REGISTRY.euMembers.includes(jurisdiction)) {
    const eu = pool.find((m) => jurisdictionOf(m) === "EU");
    if (eu) return { mark: eu, warnings };
  }
  const first = pool[0] as TrademarkRegistration;
  return {
    mark: first,
    warnings: [...warnings, said("notice_no_registration_for", { jurisdiction, registration: label(first) })],
  };
}
