/**
 * A case: one report of one listing, with its evidence (issue #6). Saved in
 * IndexedDB in one transaction, hashes first; never half-saved.
 */
import type { CaseDetails } from "./case-details.ts";
import type { Listing, MarketplaceId } from "./listing.ts";
import type { Verdict } from "./verdict.ts";

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
  lastError: string | null;
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
  delivery: Delivery;
  /** Where the infringement appears and the test-buy orders, as the agent gave them (absent on older cases). */
  details?: CaseDetails;
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
