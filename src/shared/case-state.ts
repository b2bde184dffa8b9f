/**
 * The follow-up of a case: its state (draft → filed → removed / rejected /
 * relisted) and the dated history of every change, agent's or re-check's.
 * Pure functions: the store applies them inside one transaction.
 */
import type { PortalId } from "./report-portals.ts";
import type { Said } from "./said.ts";

export const CASE_STATES = ["draft", "filed", "removed", "rejected", "relisted"] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** What a takedown re-check saw at the listing's URL. */
export type CheckResult = "live" | "changed" | "removed" | "unreachable";

export interface CheckObservation {
  result: CheckResult;
  /** HTTP status, null when the request failed. */
  status: number | null;
  /** The URL the response came from (after redirects). */
  finalUrl: string;
  /** Lowercase hex SHA-256 of the body as received (null when none). */
  sha256: string | null;
  bytes: number;
  /** Why this result, in English words (the record's). */
  detail: string;
  /** The same as a key and params, for the workspace to word (absent on older checks). */
  said?: Said;
  /** The response came after a redirect (`detail` says so in English). */
  redirected?: boolean;
}

export type CaseEventBy = "agent" | "recheck" | "browsing" | "capture";

export interface CaseEvent {
  /** UTC, ISO 8601. */
  at: string;
  kind: "created" | "state" | "note" | "check" | "timestamp";
  by: CaseEventBy;
  /** The case's state after this event. */
  state: CaseState;
  portal: PortalId | null;
  /** The portal's own reference for a filed notice. */
  reference: string | null;
  note: string | null;
  check: CheckObservation | null;
  /** Where a relisting was seen, when it was at another URL. */
  url: string | null;
}

export interface FollowUp {
  state: CaseState;
  /** Oldest first; never rewritten, only appended. */
  history: CaseEvent[];
  /** The agent's notes, free text. */
  notes: string;
}

/** The moves an agent may make by hand. */
export const NEXT_STATES: Record<CaseState, CaseState[]> = {
  draft: ["filed"],
  filed: ["removed", "rejected"],
  removed: ["relisted"],
  rejected: ["filed"],
  relisted: ["filed", "removed"],
};

export const STATE_LABEL: Record<CaseState, string> = {
  draft: "Draft",
  filed: "Filed",
  removed: "Removed",
  rejected: "Rejected",
  relisted: "Relisted",
};

export const NOTES_MAX = 20_000;
export const REFERENCE_MAX = 200;

export function isCaseState(raw: unknown): raw is CaseState {
  return typeof raw === "string" && (CASE_STATES as readonly string[]).includes(raw);
}

function event(at: string, state: CaseState, over: Partial<CaseEvent>): CaseEvent {
  return {
    at,
    kind: "state",
    by: "agent",
    state,
    portal: null,
    reference: null,
    note: null,
    check: null,
    url: null,
    ...over,
  };
}

export function newFollowUp(createdAt: string): FollowUp {
  return { state: "draft", history: [event(createdAt, "draft", { kind: "created", by: "capture" })], notes: "" };
}

export interface StateChange {
  to: CaseState;
  portal: PortalId | null;
  reference: string | null;
  note: string | null;
}

/** An agent's change of state; throws on a move the table does not allow, or "filed" without a portal. */
export function changeState(f: FollowUp, change: StateChange, now: Date): FollowUp {
  if (!NEXT_STATES[f.state].includes(change.to)) {
    throw new Error(`A ${STATE_LABEL[f.state].toLowerCase()} case cannot become ${change.to}`);
  }
  if (change.to === "filed" && !change.portal) throw new Error("Filed: say at which portal");
  const e = event(now.toISOString(), change.to, {
    portal: change.portal,
    reference: change.reference,
    note: change.note,
  });
  return { ...f, state: change.to, history: [...f.history, e] };
}

export function setNotes(f: FollowUp, notes: string, now: Date): FollowUp {
  if (notes.length > NOTES_MAX) throw new Error(`Notes: at most ${NOTES_MAX} characters`);
  return {
    ...f,
    notes,
    history: [...f.history, event(now.toISOString(), f.state, { kind: "note", note: "notes edited" })],
  };
}

/**
 * A re-check result: a filed or relisted listing found removed becomes
 * "removed"; a removed one found live (or changed) again becomes "relisted".
 * Other states only record the observation.
 */
export function recordCheck(f: FollowUp, check: CheckObservation, now: Date): FollowUp {
  let state = f.state;
  if (check.result === "removed" && (state === "filed" || state === "relisted")) state = "removed";
  else if ((check.result === "live" || check.result === "changed") && state === "removed") state = "relisted";
  const e = event(now.toISOString(), state, { kind: "check", by: "recheck", check });
  return { ...f, state, history: [...f.history, e] };
}

/** The same seller's same title seen while browsing (at `url`, the case's own or a new one): a removed case is relisted. */
export function recordRelistingSeen(f: FollowUp, url: string, now: Date): FollowUp | null {
  if (f.state !== "removed") return null;
  const e = event(now.toISOString(), "relisted", {
    by: "browsing",
    url,
    note: "same seller, same title, seen while browsing",
  });
  return { ...f, state: "relisted", history: [...f.history, e] };
}

export function recordTimestamp(f: FollowUp, genTime: string, authority: string): FollowUp {
  const e = event(genTime, f.state, { kind: "timestamp", by: "capture", note: `manifest stamped by ${authority}` });
  return { ...f, history: [...f.history, e] };
}

/** When the case entered its current state: the first of the trailing events in that state. */
export function stateSince(f: FollowUp): string {
  let at = f.history.at(-1)?.at ?? "";
  for (let i = f.history.length - 1; i >= 0; i--) {
    const e = f.history[i];
    if (!e || e.state !== f.state) break;
    at = e.at;
  }
  return at;
}

/** The filing: the last "filed" event's date, portal and reference. */
export function filing(f: FollowUp): { at: string; portal: PortalId | null; reference: string | null } | null {
  const e = f.history.findLast((x) => x.kind === "state" && x.state === "filed");
  return e ? { at: e.at, portal: e.portal, reference: e.reference } : null;
}

export function lastCheck(f: FollowUp): (CheckObservation & { at: string }) | null {
  const e = f.history.findLast((x) => x.kind === "check");
  return e?.check ? { ...e.check, at: e.at } : null;
}
