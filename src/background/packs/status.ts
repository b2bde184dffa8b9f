/** Pure transitions of a subscription's status after a check. */
import { said } from "../../shared/said.ts";
import { type Subscription, subscriptionError } from "../../shared/subscription.ts";
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
    error: subscriptionError(error.said, error.adviceSaid, at.toISOString()),
    nextCheckAt: nextCheckAt(at, s.intervalMinutes, error.retryable ? failures : 0).toISOString(),
  };
}

/** An "updating" record found when a worker starts was left by a worker that stopped mid-update. */
export function interrupted(s: Subscription, now: Date): Subscription {
  return {
    ...s,
    status: "error",
    leaseUntil: null,
    error: subscriptionError(said("feed_interrupted"), said("feed_advice_interrupted"), now.toISOString()),
    nextCheckAt: now.toISOString(),
  };
}
