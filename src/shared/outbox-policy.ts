/**
 * When to send a queued case again: pure functions, so the retry schedule
 * and the lease can be tested without a browser. Exponential backoff with
 * "equal jitter" (half fixed, half random): workers that fail together do
 * not retry together, and no retry comes sooner than half the backoff.
 */
import type { Delivery, OutboxEntry } from "./case.ts";
import { english, type Said } from "./said.ts";

export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
  /** How long a send may hold its row; longer than the request timeout so a live send is never overtaken. */
  leaseMs: number;
  timeoutMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = {
  baseMs: 30_000,
  capMs: 6 * 60 * 60 * 1000,
  maxAttempts: 12,
  leaseMs: 90_000,
  timeoutMs: 30_000,
};

/** Delay after the n-th failed attempt (n ≥ 1). `random` returns [0, 1). */
export function backoffMs(attempts: number, policy: RetryPolicy, random: () => number): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Rows hold ISO strings (readable in the database); the policy computes in epoch ms. An unreadable time counts as now. */
const ms = (text: string | null, fallback: number) => {
  if (text === null) return fallback;
  const t = Date.parse(text);
  return Number.isNaN(t) ? fallback : t;
};

export function newEntry(caseId: string, now: number): OutboxEntry {
  return { caseId, attempts: 0, nextAttemptAt: iso(now), leaseUntil: null, lastError: null };
}

export function isDue(entry: OutboxEntry, now: number): boolean {
  return ms(entry.nextAttemptAt, now) <= now && ms(entry.leaseUntil, 0) <= now;
}

/** The leased row, or null when it is not due or someone else holds it. */
export function takeLease(entry: OutboxEntry, now: number, policy: RetryPolicy): OutboxEntry | null {
  if (!isDue(entry, now)) return null;
  return { ...entry, leaseUntil: iso(now + policy.leaseMs), attempts: entry.attempts + 1 };
}

/** After a failed send: the row to keep (null: give up) and the case's delivery state. */
export function afterFailure(
  entry: OutboxEntry,
  delivery: Delivery,
  error: Said,
  now: number,
  policy: RetryPolicy,
  random: () => number,
): { entry: OutboxEntry | null; delivery: Delivery } {
  const lastAttemptAt = iso(now);
  const lastError = english(error).slice(0, 500);
  if (entry.attempts >= policy.maxAttempts) {
    return {
      entry: null,
      delivery: {
        ...delivery,
        state: "failed",
        attempts: entry.attempts,
        lastError,
        lastErrorSaid: error,
        lastAttemptAt,
        nextAttemptAt: null,
      },
    };
  }
  const next = now + backoffMs(entry.attempts, policy, random);
  return {
    entry: { ...entry, leaseUntil: null, nextAttemptAt: iso(next), lastError },
    delivery: {
      ...delivery,
      state: "queued",
      attempts: entry.attempts,
      lastError,
      lastErrorSaid: error,
      lastAttemptAt,
      nextAttemptAt: iso(next),
    },
  };
}

export function afterSuccess(entry: OutboxEntry, { lastErrorSaid: _, ...delivery }: Delivery, now: number): Delivery {
  const at = iso(now);
  return {
    ...delivery,
    state: "delivered",
    attempts: entry.attempts,
    lastError: null,
    lastAttemptAt: at,
    nextAttemptAt: null,
    deliveredAt: at,
  };
}

/** When the alarm should next fire: the earliest moment any row becomes due (a held lease counts as its expiry). */
export function nextWake(entries: OutboxEntry[], now: number): number | null {
  let wake: number | null = null;
  for (const e of entries) {
    const at = Math.max(ms(e.nextAttemptAt, now), ms(e.leaseUntil, 0));
    if (wake === null || at < wake) wake = at;
  }
  return wake;
}

/**
 * The outbox alarm for these rows, or null when there are none. It fires first at the next wake (never sooner than
 * 50 ms from now) and then again every lease, until a finished run replaces or clears it: a one-shot alarm is gone
 * once fired, so a worker stopped after its alarm fired and before it armed the next one (possibly holding a fresh
 * lease) would otherwise never be woken again.
 */
export function outboxAlarm(
  entries: OutboxEntry[],
  now: number,
  policy: RetryPolicy,
): { when: number; periodInMinutes: number } | null {
  const wake = nextWake(entries, now);
  if (wake === null) return null;
  return { when: Math.max(wake, now + 50), periodInMinutes: policy.leaseMs / 60_000 };
}
