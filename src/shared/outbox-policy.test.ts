import { describe, expect, it } from "vitest";
import { localDelivery } from "./case.ts";
import {
  afterFailure,
  afterSuccess,
  backoffMs,
  DEFAULT_POLICY,
  isDue,
  newEntry,
  nextWake,
  outboxAlarm,
  type RetryPolicy,
  takeLease,
} from "./outbox-policy.ts";
import { httpSaid, said } from "./said.ts";

const P: RetryPolicy = { baseMs: 1000, capMs: 60_000, maxAttempts: 4, leaseMs: 5000, timeoutMs: 2000 };

describe("backoff", () => {
  it("doubles per attempt between half and all of the exponential step", () => {
    for (const n of [1, 2, 3, 4]) {
      const step = 1000 * 2 ** (n - 1);
      expect(backoffMs(n, P, () => 0)).toBe(step / 2);
      expect(backoffMs(n, P, () => 0.999999)).toBeLessThanOrEqual(step);
      expect(backoffMs(n, P, () => 0.999999)).toBeGreaterThan(step * 0.99);
    }
  });
  it("is capped", () => {
    expect(backoffMs(40, P, () => 0.999999)).toBeLessThanOrEqual(P.capMs);
  });
  it("spreads retries: different random draws, different delays", () => {
    const delays = new Set([0.1, 0.4, 0.7].map((r) => backoffMs(3, P, () => r)));
    expect(delays.size).toBe(3);
  });
  it("keeps the production lease longer than the request timeout", () => {
    expect(DEFAULT_POLICY.leaseMs).toBeGreaterThan(DEFAULT_POLICY.timeoutMs);
  });
});

describe("lease", () => {
  it("is taken once: a second taker sees it held until it expires", () => {
    const entry = newEntry("c", 100);
    const held = takeLease(entry, 100, P);
    expect(held).toMatchObject({ attempts: 1, leaseUntil: new Date(5100).toISOString() });
    expect(held && takeLease(held, 200, P)).toBeNull();
    expect(held && takeLease(held, 5100, P)).toMatchObject({ attempts: 2, leaseUntil: new Date(10_100).toISOString() });
  });
  it("is not taken before the row is due", () => {
    expect(takeLease({ ...newEntry("c", 0), nextAttemptAt: new Date(500).toISOString() }, 499, P)).toBeNull();
    expect(isDue({ ...newEntry("c", 0), nextAttemptAt: new Date(500).toISOString() }, 500)).toBe(true);
  });
});

describe("after a send", () => {
  it("a failure frees the lease, schedules with backoff and records the error in the case", () => {
    const held = takeLease(newEntry("c", 0), 0, P);
    if (!held) throw new Error("no lease");
    const { entry, delivery } = afterFailure(held, localDelivery(), httpSaid(500), 1000, P, () => 0);
    expect(entry).toMatchObject({
      leaseUntil: null,
      nextAttemptAt: new Date(1500).toISOString(),
      lastError: "the server answered 500 (server error)",
      attempts: 1,
    });
    expect(delivery).toMatchObject({
      state: "queued",
      attempts: 1,
      lastError: "the server answered 500 (server error)",
      lastErrorSaid: httpSaid(500),
    });
    expect(delivery.nextAttemptAt).toBe(new Date(1500).toISOString());
  });
  it("gives up after the last attempt", () => {
    const spent = { ...newEntry("c", 0), attempts: P.maxAttempts };
    const timeout = said("failure_timeout_after", { seconds: 3 });
    const { entry, delivery } = afterFailure(spent, localDelivery(), timeout, 0, P, Math.random);
    expect(entry).toBeNull();
    expect(delivery).toMatchObject({ state: "failed", lastError: "the server did not answer within 3 s" });
  });
  it("a success marks the case delivered", () => {
    const failed = { ...localDelivery(), lastError: "x", lastErrorSaid: httpSaid(503) };
    const d = afterSuccess({ ...newEntry("c", 0), attempts: 3 }, failed, 2000);
    expect(d).toMatchObject({ state: "delivered", attempts: 3, lastError: null });
    expect(d).not.toHaveProperty("lastErrorSaid");
    expect(d.deliveredAt).toBe(new Date(2000).toISOString());
  });
  it("wakes at the earliest due row, counting a held lease as its expiry", () => {
    expect(nextWake([], 0)).toBeNull();
    expect(
      nextWake(
        [
          { ...newEntry("a", 900), lastError: null },
          { ...newEntry("b", 100), leaseUntil: new Date(700).toISOString() },
        ],
        0,
      ),
    ).toBe(700);
  });
  it("arms an alarm that repeats every lease, so a run stopped before re-arming is woken again", () => {
    expect(outboxAlarm([], 0, P)).toBeNull();
    const held = { ...newEntry("b", 100), leaseUntil: new Date(7000).toISOString() };
    expect(outboxAlarm([held], 1000, P)).toEqual({ when: 7000, periodInMinutes: 5000 / 60_000 });
    // A row already due fires soon, never in the past.
    expect(outboxAlarm([newEntry("a", 0)], 1000, P)).toEqual({ when: 1050, periodInMinutes: 5000 / 60_000 });
  });
  it("treats an unreadable time as due now rather than never", () => {
    expect(isDue({ ...newEntry("c", 0), nextAttemptAt: "garbage" }, 10)).toBe(true);
  });
});
