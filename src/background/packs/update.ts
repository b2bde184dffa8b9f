/**
 * Checking one subscription: fetch → signature → validation → expiry →
 * replay → compile and store in one step (commitPacks). Any failure leaves the
 * previous pack active and records the error, its time and advice on the
 * subscription. A lease marks the check as running; a worker that stops
 * mid-check leaves a stale lease that the next worker clears (listeners.ts).
 */
import { JsonTextError, parseJsonAsync } from "../../shared/pack-json.ts";
import { importPublicKey, replayProblem, sha256Hex, verifyPackBytes } from "../../shared/pack-signature.ts";
import {
  isExpired,
  PackError,
  packErrorSaid,
  type ValidatedPack,
  validatePackAsync,
} from "../../shared/pack-validate.ts";
import { said } from "../../shared/said.ts";
import { slicePause } from "../../shared/slice-pause.ts";
import type { Subscription } from "../../shared/subscription.ts";
import { db } from "../db.ts";
import { commitPacks } from "../rules.ts";
import { scheduleAlarm } from "./alarms.ts";
import { asFeedError, feedErrors } from "./feed-error.ts";
import { DEFAULT_FETCH_POLICY, type FetchPolicy, fetchFeed } from "./fetch-feed.ts";
import { checking, failed, succeeded } from "./status.ts";
import { getSubscription, patchSubscription } from "./subscription-store.ts";

/** Optional override in `settings` (slow networks; the browser tests shorten the timeout). */
export const FETCH_POLICY_SETTING = "rules:fetch-policy";

/** Warnings kept on a subscription: enough to find the broken entries, not a copy of a hostile pack's. */
const MAX_STORED_WARNINGS = 50;

const inFlight = new Map<string, Promise<Subscription>>();
let ready: Promise<unknown> = Promise.resolve();

/** Checks wait for the start-up recovery of interrupted checks, so it cannot clobber a new one. */
export function setUpdatesReady(p: Promise<unknown>): void {
  ready = p.catch(() => undefined);
}

export async function fetchPolicy(): Promise<FetchPolicy> {
  const raw = (await (await db()).get("settings", FETCH_POLICY_SETTING)) as Partial<FetchPolicy> | undefined;
  const pick = (v: unknown, d: number, min: number, max: number) =>
    typeof v === "number" && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : d;
  const d = DEFAULT_FETCH_POLICY;
  return {
    timeoutMs: pick(raw?.timeoutMs, d.timeoutMs, 100, 120_000),
    retries: Math.round(pick(raw?.retries, d.retries, 0, 5)),
    retryBaseMs: pick(raw?.retryBaseMs, d.retryBaseMs, 10, 60_000),
    maxBytes: pick(raw?.maxBytes, d.maxBytes, 1, d.maxBytes),
  };
}

function leaseMs(p: FetchPolicy): number {
  let delays = 0;
  for (let i = 0; i < p.retries; i++) delays += p.retryBaseMs * 2 ** i;
  // Pack and signature per try, plus retry pauses, plus time to compile and store.
  return 2 * p.timeoutMs * (p.retries + 1) + delays + 60_000;
}

/** Checks a feed now. Concurrent calls for the same feed share one check. */
export function updateSubscription(id: string): Promise<Subscription> {
  const running = inFlight.get(id);
  if (running) return running;
  const run = runUpdate(id).finally(() => inFlight.delete(id));
  inFlight.set(id, run);
  return run;
}

async function runUpdate(id: string): Promise<Subscription> {
  await ready;
  const policy = await fetchPolicy();
  const at = new Date();
  const sub = await patchSubscription(id, (s) => checking(s, at, leaseMs(policy)));
  if (!sub) throw new Error("No such subscription");
  let result: Subscription;
  try {
    result = await check(sub, policy, at);
  } catch (error) {
    const problem = asFeedError(error);
    console.warn(`[copycatch] feed ${sub.url}: ${problem.message}`);
    result = (await patchSubscription(id, (s) => failed(s, at, problem))) ?? sub;
  }
  await scheduleAlarm(result);
  return result;
}

/** Decoded, parsed and validated in slices: a large pack does not hold up verdicts meanwhile. */
async function parsePack(bytes: Uint8Array, now: Date): Promise<ValidatedPack> {
  const pause = slicePause();
  let raw: unknown;
  try {
    raw = await parseJsonAsync(bytes, pause);
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error;
    throw feedErrors.invalid(said("pack_not_json"));
  }
  try {
    return await validatePackAsync(raw, { now: now.toISOString(), pause });
  } catch (error) {
    if (error instanceof PackError) throw feedErrors.invalid(packErrorSaid(error));
    throw error;
  }
}

async function check(sub: Subscription, policy: FetchPolicy, at: Date): Promise<Subscription> {
  const feed = await fetchFeed(sub, policy);
  if (feed.kind === "not-modified") return done(sub.id, at, {});
  if (sub.publicKey !== null) {
    if (feed.signature === null) throw feedErrors.missingSignature();
    const { key } = await importPublicKey(sub.publicKey);
    if (!(await verifyPackBytes(feed.bytes, feed.signature, key))) {
      throw feedErrors.badSignature(sub.keyFingerprint ?? "");
    }
  }
  const { pack, warnings, warningsSaid } = await parsePack(feed.bytes, at);
  if (isExpired(pack, at)) throw feedErrors.expired(pack.expires ?? "");
  const sha256 = await sha256Hex(feed.bytes);
  const previous =
    sub.packId !== null && sub.packVersion !== null && sub.packSha256 !== null
      ? { id: sub.packId, version: sub.packVersion, sha256: sub.packSha256 }
      : null;
  const problem = replayProblem(previous, { id: pack.id, version: pack.version, sha256 });
  if (problem) throw feedErrors.replay(problem);
  const validators = { etag: feed.etag, lastModified: feed.lastModified };
  if (previous && previous.version === pack.version) return done(sub.id, at, validators); // same bytes: nothing new
  const existing = await (await db()).get("packs", pack.id);
  if (existing && existing.subscriptionId !== sub.id) throw feedErrors.conflict(pack.id, existing.origin);
  const fields: Partial<Subscription> = {
    ...validators,
    packId: pack.id,
    packVersion: pack.version,
    packSha256: sha256,
    warnings: warnings.slice(0, MAX_STORED_WARNINGS),
    warningsSaid: warningsSaid.slice(0, MAX_STORED_WARNINGS),
  };
  await commitPacks({
    put: { id: pack.id, pack, origin: "subscription", installedAt: at.toISOString(), subscriptionId: sub.id },
    subscription: { id: sub.id, patch: (s) => succeeded(s, at, fields) },
  });
  const stored = await getSubscription(sub.id);
  if (!stored) throw feedErrors.removed();
  return stored;
}

async function done(id: string, at: Date, fields: Partial<Subscription>): Promise<Subscription> {
  const next = await patchSubscription(id, (s) => succeeded(s, at, fields));
  if (!next) throw feedErrors.removed();
  return next;
}
