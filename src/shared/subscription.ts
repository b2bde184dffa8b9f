/**
 * A rule-feed subscription: where a pack comes from, the key it
 * must be signed with, and how its last update went. Stored in IndexedDB
 * (`subscriptions`), shown on the options page.
 */

import { english, type Said } from "./said.ts";

export type SubscriptionStatus =
  /** Added, nothing fetched yet. */
  | "pending"
  /** A fetch is running (with a lease, so a stopped worker cannot leave it stuck). */
  | "updating"
  /** The last check succeeded (new pack, or 304 / same pack). */
  | "ok"
  /** The last check failed; the previous pack, if any, stays active. */
  | "error"
  /** The pack it delivered is past its expiry date and is no longer used. */
  | "expired";

export interface SubscriptionError {
  message: string;
  /** When it happened, ISO 8601. */
  at: string;
  /** What the user can do about it. */
  advice: string;
  /** The message and the advice as keys and params, for the options page to word (absent on older records). */
  said?: Said;
  adviceSaid?: Said | null;
}

/** A subscription's error, told as keys and params, with its English kept for the record and the log. */
export function subscriptionError(problem: Said, advice: Said | null, at: string): SubscriptionError {
  return { message: english(problem), advice: advice ? english(advice) : "", at, said: problem, adviceSaid: advice };
}

export interface Subscription {
  /** Random UUID. */
  id: string;
  /** HTTPS URL of the pack file (its signature is at URL + ".sig"); loopback http is allowed for tests. */
  url: string;
  /** Minutes between checks. */
  intervalMinutes: number;
  /** The user accepts unsigned packs from this feed (only then may `publicKey` be null). */
  allowUnsigned: boolean;
  /** The user says this feed is the brand's own: its signed pack takes precedence over community packs. */
  brandOwner: boolean;
  /** The publisher's ECDSA P-256 public key, SPKI, base64; pinned when the subscription is added. */
  publicKey: string | null;
  /** SHA-256 of the SPKI, hex in groups of four, for the user to compare with the publisher's. */
  keyFingerprint: string | null;
  /** The pack this feed delivered last: its id is pinned after the first update. */
  packId: string | null;
  packVersion: number | null;
  /** SHA-256 (hex) of the exact bytes of the last accepted pack: same version, different bytes is a replay. */
  packSha256: string | null;
  /** Validators of the last good response, for conditional requests. */
  etag: string | null;
  lastModified: string | null;
  addedAt: string;
  lastCheckAt: string | null;
  lastSuccessAt: string | null;
  nextCheckAt: string | null;
  /** Consecutive failed checks: drives the backoff. */
  failures: number;
  status: SubscriptionStatus;
  /** While "updating": the time after which the update is presumed dead (worker stopped) and may be retried. */
  leaseUntil: string | null;
  error: SubscriptionError | null;
  /** Warnings of the last accepted pack (skipped entries), capped, in English. */
  warnings: string[];
  /** The same warnings as keys and params, for the options page to word (absent on older records). */
  warningsSaid?: Said[];
}
