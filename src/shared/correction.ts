/** A user's correction of a verdict ("This verdict is wrong"), kept locally and exported for pack authors. */
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
