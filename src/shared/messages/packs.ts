/** Rule-pack management messages: extension pages only, never content scripts. */
import type { Said } from "../said.ts";
import type { Subscription } from "../subscription.ts";

export type PackOriginKind = "bundled" | "file" | "subscription";
export type PackPrecedence = "default" | "community" | "brand-owner";

/** One installed pack as the options page shows it. */
export interface PackInfo {
  id: string;
  name: string;
  version: number;
  publisher: string;
  brandCount: number;
  issued: string;
  expires: string | null;
  origin: PackOriginKind;
  precedence: PackPrecedence;
  subscriptionId: string | null;
  installedAt: string;
  /** Used for verdicts now (false when expired). */
  active: boolean;
}

/**
 * A stored pack that failed re-validation when the rules were compiled: either
 * the whole pack is set aside (`reason`), or some of its rules are (`missing`,
 * each with its JSON path). The record is kept; the other packs still score.
 */
export interface DamagedPack {
  id: string;
  name: string | null;
  origin: PackOriginKind;
  /** Why the whole pack is left out, in English (null: only some rules are). */
  reason: string | null;
  /** The rules left out, in English (the validator's warnings), the last line counting those not listed. */
  missing: string[];
  /** The reason as a key and params, for the pages; absent in records written before. */
  reasonSaid?: Said;
  /** The rules left out as keys and params, in the same order; absent in records written before. */
  missingSaid?: Said[];
}

export interface RulesOverview {
  /** When the service worker answering started (ISO): tells a restarted worker from a living one. */
  workerStartedAt: string;
  packs: PackInfo[];
  /** Packs or rules left out of the active rules because their stored record is damaged. */
  damaged: DamagedPack[];
  subscriptions: Subscription[];
  /** How the active matcher was last loaded in this worker, for diagnostics and the cold-start measurement. */
  lastLoad: RulesLoad | null;
  /**
   * How long the first listing this worker scored waited for the rules (ms): near zero when the rules were
   * warmed as the listing's page started loading, the whole load when the listing's message started it.
   */
  firstListingWaitMs: number | null;
}

/** One load of the active rules in a worker. */
export interface RulesLoad {
  ms: number;
  /** Of `ms`, the time spent reading IndexedDB (the rest is deserialising or compiling). */
  readMs: number;
  /** performance.now() when the load finished: in a worker, time since the worker started. */
  sinceWorkerStartMs: number;
  from: "compiled-cache" | "compiled-now";
  /** What asked first: a marketplace page starting to load in a tab (warm-up), or a request needing the rules. */
  trigger: "page-loading" | "request";
  at: string;
}

export interface SubscribeRequest {
  url: string;
  intervalMinutes: number;
  allowUnsigned: boolean;
  brandOwner: boolean;
  /** SPKI (PEM or base64) or JWK; null only with allowUnsigned. */
  publicKey: string | null;
}

export type PackProtocol = {
  "rules-overview": { request: Record<never, never>; response: RulesOverview };
  /** What the active rules lack (damaged stored packs), for the popup: cheap, read from the loaded rules. */
  "rules-health": { request: Record<never, never>; response: { damaged: DamagedPack[] } };
  /** Adds a subscription and runs its first update; the subscription is kept (with its error) even if that fails. */
  subscribe: { request: SubscribeRequest; response: Subscription };
  /** Checks a feed now; resolves when the check is done (or already running elsewhere). */
  "update-subscription": { request: { id: string }; response: Subscription };
  /** Removes a subscription and its pack, in one step. */
  unsubscribe: { request: { id: string }; response: { ok: true } };
  /** Installs a pack file chosen on the options page (its text, checked like a feed: size, then validation). */
  "import-pack": {
    request: { text: string };
    /** The skipped entries in English, and the same as keys and params for the page to word. */
    response: { pack: PackInfo; warnings: string[]; warningsSaid: Said[] };
  };
  /** Removes an imported pack (the bundled default cannot be removed). */
  "remove-pack": { request: { id: string }; response: { ok: true } };
};
