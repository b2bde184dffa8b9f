/** A user's correction of a verdict ("This verdict is wrong"), kept locally and exported for pack authors. */
import type { Risk } from "./verdict.ts";

export type UserSays = "genuine" | "counterfeit" | "not-a-listing" | "wrong-brand";

export const USER_SAYS: Record<UserSays, string> = {
  genuine: "It is genuine (risk too high)",
  counterfeit: "It is a counterfeit (risk too low)",
  "wrong-brand": "The brand is wrong",
  "not-a-listing": "This is not a product listing",
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
  note: string;
  title: string | null;
}

export function isUserSays(raw: unknown): raw is UserSays {
  return typeof raw === "string" && Object.hasOwn(USER_SAYS, raw);
}
