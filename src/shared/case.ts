/**
 * A case: one report of one listing, with its evidence. Saved in
 * IndexedDB in one transaction, hashes first; never half-saved.
 */
import type { CaseDetails } from "./case-details.ts";

import type { SellerKey } from "./case-seller.ts";
import { type CaseState, type CheckResult, type FollowUp, lastCheck, stateSince } from "./case-state.ts";
import type { Listing, MarketplaceId } from "./listing.ts";
import type { Said } from "./said.ts";
import type { Risk, Verdict } from "./verdict.ts";

export type ArtefactKind =
  | "screenshot"
  | "mhtml"
  | "listing"
  | "verdict"
  | "notice"
  | "manifest"
  | "details"
  | "attachment";

export interface ArtefactRef {
  /** File name inside the case bundle: "screenshot.png", "page.mhtml", "listing.json", ... */
  name: string;
  kind: ArtefactKind;
  mime: string;
  bytes: number;
  /** Lowercase hex SHA-256 of the artefact's bytes. */
  sha256: string;
}

export type DeliveryState = "local" | "queued" | "sending" | "delivered" | "failed";

export interface Delivery {
  state: DeliveryState;
  attempts: number;
  /** The last failure in English (what exports and the CLI read). */
  lastError: string | null;
  /** The same failure as a key and params, for the pages; absent in records written before, and with no error. */
  lastErrorSaid?: Said;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface CaseRecord {
  /** Random UUID; also the webhook Idempotency-Key. */
  id: string;
  /** UTC, ISO 8601. */
  createdAt: string;
  url: string;
  marketplace: MarketplaceId;
  brandId: string | null;
  brandName: string | null;
  sellerName: string | null;
  listing: Listing;
  verdict: Verdict;
  packs: { id: string; version: number }[];
  extensionVersion: string;
  artefacts: ArtefactRef[];
  /** SHA-256 of the canonical manifest (artefact names and hashes, metadata). */
  manifestSha256: string;
  /** Captures that failed, with the reason; the case is still saved. */
  captureErrors: string[];
  /** The same failures as keys and params, for the pages to word (absent on older cases). */
  captureSaid?: Said[];
  delivery: Delivery;
  /** Where the infringement appears and the test-buy orders, as the agent gave them (absent on older cases). */
  details?: CaseDetails;
  /** State (draft → filed → removed / rejected / relisted), its dated history and the agent's notes. */
  followUp: FollowUp;
  /** Repeat-offender keys of the seller (case-seller.ts); a multiEntry index. */
  sellerKeys: SellerKey[];
  /** RFC 3161 stamp of the manifest hash (the token is the evidence file TIMESTAMP_NAME), null when none. */
  timestamp: CaseTimestamp | null;
  /** Chain of custody: who captured (null for cases saved before it was recorded). */
  capturedBy: CapturedBy | null;
}

/** The agent who captured a case, as their profile said then. */
export interface CapturedBy {
  name: string;
  company: string;
  email: string;
}

export interface CaseTimestamp {
  /** The authority's time (genTime), UTC ISO 8601. */
  genTime: string;
  /** The authority's URL as configured. */
  authority: string;
  /** The signer certificate's subject, as the token carries it. */
  signer: string;
}

/** The time-stamp reply is kept beside the manifest in the evidence store and the bundle. */
export const TIMESTAMP_NAME = "manifest.tsr";
/** The follow-up history in an exported bundle (written at export; not covered by the manifest). */
export const HISTORY_NAME = "case-history.json";

/** What the workspace lists: small enough to hold thousands in a page. */
export interface CaseSummary {
  id: string;
  createdAt: string;
  marketplace: MarketplaceId;
  brandName: string | null;
  sellerName: string | null;
  sellerKeys: SellerKey[];
  title: string | null;
  url: string;
  risk: Risk;
  score: number;
  state: CaseState;
  stateSince: string;
  delivery: DeliveryState;
  lastCheck: { at: string; result: CheckResult } | null;
  timestamped: boolean;
}

export function summarise(c: CaseRecord): CaseSummary {
  const check = lastCheck(c.followUp);
  return {
    id: c.id,
    createdAt: c.createdAt,
    marketplace: c.marketplace,
    brandName: c.brandName,
    sellerName: c.sellerName,
    sellerKeys: c.sellerKeys,
    title: c.listing.title,
    url: c.url,
    risk: c.verdict.risk,
    score: c.verdict.score,
    state: c.followUp.state,
    stateSince: stateSince(c.followUp),
    delivery: c.delivery.state,
    lastCheck: check ? { at: check.at, result: check.result } : null,
    timestamped: c.timestamp !== null,
  };
}

/** A case waiting for the webhook: one row per case in the outbox store, keyed by caseId. */
export interface OutboxEntry {
  caseId: string;
  /** Sends tried so far. */
  attempts: number;
  /** UTC ISO 8601: not before. */
  nextAttemptAt: string;
  /** UTC ISO 8601: a worker holds the row until then (null: free). Taken in a transaction, so two sends never overlap. */
  leaseUntil: string | null;
  lastError: string | null;
}

/** An evidence file of a case, as stored (the evidence store, keyed by [caseId, name]). */
export interface EvidenceRecord {
  caseId: string;
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export function localDelivery(): Delivery {
  return { state: "local", attempts: 0, lastError: null, lastAttemptAt: null, nextAttemptAt: null, deliveredAt: null };
}
