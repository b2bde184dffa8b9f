import type { Listing } from "./listing.ts";
import type { Verdict } from "./verdict.ts";

/** What the background knows about one tab; kept in storage.session so it survives the worker stopping. */
export type TabState =
  | { status: "verdict"; url: string; listing: Listing; verdict: Verdict; at: string; extractMs: number | null }
  | { status: "not-listing"; url: string; at: string }
  | { status: "none" }
  | { status: "error"; message: string; at: string };
