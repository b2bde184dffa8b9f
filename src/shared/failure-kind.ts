/**
 * What kind of failure the browser's or a runtime's own error text tells
 * (src/shared/failure-texts.json): a request that could not reach its server,
 * timed out or was cancelled, a certificate or a redirect refused, a capture
 * the browser did not allow. The pages word each kind in the user's language
 * (`failureSaid`, src/shared/said.ts) and keep the text itself as a detail.
 */

import { errorMessage } from "./error-message.ts";
import TEXTS from "./failure-texts.json" with { type: "json" };

export type FailureKind = keyof typeof TEXTS.kinds;

/** Longest detail kept: the start of a browser's sentence, never a whole response. */
const MAX_DETAIL = 300;

const KINDS = Object.entries(TEXTS.kinds).map(
  ([kind, texts]) => [kind as FailureKind, texts.map((t) => t.toLowerCase())] as const,
);

function field(o: unknown, key: string): unknown {
  return typeof o === "object" && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

/** The text of something thrown, with its cause's (Node's fetch: "fetch failed" caused by "connect ECONNREFUSED …"). */
export function failureText(error: unknown): string {
  const message = errorMessage(error).trim();
  const cause = field(error, "cause");
  const causeText = cause === undefined || cause === null ? "" : errorMessage(cause).trim();
  const code = field(cause, "code");
  const more = [causeText, typeof code === "string" && !causeText.includes(code) ? code : ""].filter(Boolean);
  const name = field(error, "name");
  const base = message || (typeof name === "string" ? name : "");
  return (more.length > 0 ? `${base} (${more.join(", ")})` : base).slice(0, MAX_DETAIL);
}

/** The kind a thrown error's name, message and cause tell, null when they tell none of ours. */
export function failureKind(error: unknown): FailureKind | null {
  const name = field(error, "name");
  const haystack = `${typeof name === "string" ? name : ""} ${failureText(error)}`.toLowerCase();
  for (const [kind, texts] of KINDS) if (texts.some((t) => haystack.includes(t))) return kind;
  return null;
}
