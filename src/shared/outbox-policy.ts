/**
 * When to send a queued case again: pure functions, so the retry schedule
 * and the lease can be tested without a browser. Exponential backoff with
 * "equal jitter" (half fixed, half random): workers that fail together do
 * not retry together, and no retry comes sooner than half the backoff.
 */
import type { Delivery, OutboxEntry } from "./case.ts";

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

export function newEntry(caseId: string, now: number): OutboxEntry {
  return { caseId, attempts: 0, nextAttemptAt: now, leaseUntil: 0, lastError: null };
}

export function isDue(entry: OutboxEntry, now: number): boolean {
  return entry.nextAttemptAt <= now && entry.leaseUntil <= now;
}

/** The leased row, or null when it is not due or someone else holds it. */
export function takeLease(entry: OutboxEntry, now: number, policy: RetryPolicy): OutboxEntry | null {
  if (!isDue(entry, now)) return null;
  return { ...entry, leaseUntil: now + policy.leaseMs, attempts: entry.attempts + 1 };
}

/** After a failed send: the row to keep (null: give up) and the case's delivery state. */
export function afterFailure(
  entry: OutboxEntry,
  delivery: Delivery,
  error: string,
  now: number,
  policy: RetryPolicy,
  random: () => number,
): { entry: OutboxEntry | null; delivery: Delivery } {
  const lastAttemptAt = new Date(now).toISOString();
  const lastError = error.slice(0, 500);
  if (entry.attempts >= policy.maxAttempts) {
    return {
      entry: null,
      delivery: {
        ...delivery,
        state: "failed",
        attempts: entry.attempts,
        lastError,
        lastAttemptAt,
        nextAttemptAt: null,
      },
    };
  }
  const next = now + backoffMs(entry.attempts, policy, random);
  return {
    entry: { ...entry, leaseUntil: 0, nextAttemptAt: next, lastError },
    delivery: {
      ...delivery,
      state: "queued",
      attempts: entry.attempts,
      lastError,
      lastAttemptAt,
      nextAttemptAt: new Date(next).toISOString(),
    },
  };
}

export function afterSuccess(entry: OutboxEntry, delivery: Delivery, now: number): Delivery {
  const at = new Date(now).toISOString();
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
export function nextWake(entries: OutboxEntry[]): number | null {
  let wake: number | null = null;
  for (const e of entries) {
    const at = Math.max(e.nextAttemptAt, e.leaseUntil);
    if (wake === null || at < wake) wake = at;
  }
  return wake;
}
