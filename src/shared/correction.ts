/** A user's correction of a verdict ("This verdict is wrong"), kept locally and exported for pack authors. */
import { failWith, isHttpUrl, obj, optString } from "./validate.ts";
import type { Risk } from "./verdict.ts";

/** The database keeps three answers; details (wrong brand, not a listing, ...) go in the note. */
export type UserSays = "genuine" | "counterfeit" | "other";

export const USER_SAYS: Record<UserSays, string> = {
  genuine: "It is genuine: the risk is too high",
  counterfeit: "It is a counterfeit: the risk is too low",
  other: "Something else is wrong (wrong brand, not a listing, …)",
};

export interface Correction {
  id?: number;
  /** UTC, ISO 8601. */
  at: string;
  url: string;
  risk: Risk;
  score: number;
  brandId: string | null;
  userSays: UserSays;
  note: string | null;
  title: string | null;
}

export function isUserSays(raw: unknown): raw is UserSays {
  return typeof raw === "string" && Object.hasOwn(USER_SAYS, raw);
}

const RISKS: readonly Risk[] = ["high", "medium", "low", "unknown"];
const fail = failWith(TypeError);

/** Rebuilds a correction sent by the popup: known fields only, bounded lengths, an http(s) URL. */
export function validateCorrection(raw: unknown): Omit<Correction, "id" | "at"> {
  const r = obj(raw, "correction", fail);
  const url = optString(r.url, "correction.url", 4000, fail);
  if (url === null || !isHttpUrl(url)) fail("correction.url", "expected an http(s) URL");
  if (!RISKS.includes(r.risk as Risk)) fail("correction.risk", "unknown risk");
  if (typeof r.score !== "number" || !Number.isFinite(r.score)) fail("correction.score", "expected a number");
  if (!isUserSays(r.userSays)) fail("correction.userSays", "unknown answer");
  return {
    url: url as string,
    risk: r.risk as Risk,
    score: r.score as number,
    brandId: optString(r.brandId, "correction.brandId", 200, fail),
    userSays: r.userSays as UserSays,
    note: optString(r.note, "correction.note", 2000, fail),
    title: optString(r.title, "correction.title", 500, fail),
  };
}
