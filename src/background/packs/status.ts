/** Pure transitions of a subscription's status after a check. */
import type { Subscription } from "../../shared/subscription.ts";
import type { FeedError } from "./feed-error.ts";
import { nextCheckAt } from "./schedule.ts";

export function checking(s: Subscription, at: Date, leaseMs: number): Subscription {
  return {
    ...s,
    status: "updating",
    lastCheckAt: at.toISOString(),
    leaseUntil: new Date(at.getTime() + leaseMs).toISOString(),
  };
}

export function succeeded(s: Subscription, at: Date, fields: Partial<Subscription> = {}): Subscription {
  return {
    ...s,
    ...fields,
    status: "ok",
    failures: 0,
    error: null,
    leaseUntil: null,
    lastSuccessAt: at.toISOString(),
    nextCheckAt: nextCheckAt(at, s.intervalMinutes, 0).toISOString(),
  };
}

/** A failure: the pack it had stays; transient failures retry with backoff, others at the next regular check. */
export function failed(s: Subscription, at: Date, error: FeedError): Subscription {
  const failures = s.failures + 1;
  return {
    ...s,
    status: "error",
    failures,
    leaseUntil: null,
    error: { message: error.message, advice: error.advice, at: at.toISOString() },
    nextCheckAt: nextCheckAt(at, s.intervalMinutes, error.retryable ? failures : 0).toISOString(),
  };
}

/** An "updating" record found when a worker starts was left by a worker that stopped mid-update. */
export function interrupted(s: Subscription, now: Date): Subscription {
  return {
    ...s,
    status: "error",
    leaseUntil: null,
    error: {
      message: "The last update was interrupted (the browser stopped Copycatch's background worker).",
      advice: "Your current rules stay active. Copycatch retries in a moment; nothing to do.",
      at: now.toISOString(),
    },
    nextCheckAt: now.toISOString(),
  };
}
