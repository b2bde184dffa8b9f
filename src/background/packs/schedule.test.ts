import { describe, expect, it } from "vitest";
import {
  alarmName,
  alarmTime,
  backoffMs,
  clampInterval,
  nextCheckAt,
  retryDelayMs,
  subscriptionIdOfAlarm,
} from "./schedule.ts";

const T0 = new Date("2026-05-01T12:00:00.000Z");
const MIN = 60_000;

describe("subscription schedule", () => {
  it("checks an interval after a good check", () => {
    expect(nextCheckAt(T0, 60, 0).toISOString()).toBe("2026-05-01T13:00:00.000Z");
    expect(nextCheckAt(T0, 24 * 60, 0).toISOString()).toBe("2026-05-02T12:00:00.000Z");
  });

  it("backs off exponentially after failures, capped by the interval", () => {
    expect([1, 2, 3, 4, 5, 6].map((f) => backoffMs(f, 24 * 60) / MIN)).toEqual([5, 10, 20, 40, 80, 160]);
    expect(backoffMs(10, 60)).toBe(60 * MIN);
    expect(backoffMs(1000, 60)).toBe(60 * MIN);
    expect(nextCheckAt(T0, 24 * 60, 2).toISOString()).toBe("2026-05-01T12:10:00.000Z");
  });

  it("keeps intervals within 15 minutes and 7 days", () => {
    expect(clampInterval(1)).toBe(15);
    expect(clampInterval(60 * 24 * 30)).toBe(7 * 24 * 60);
    expect(clampInterval(Number.NaN)).toBe(24 * 60);
    expect(nextCheckAt(T0, 1, 0).getTime() - T0.getTime()).toBe(15 * MIN);
  });

  it("fires a missed or unknown check soon after the worker starts, a future one on time", () => {
    expect(alarmTime("2026-05-01T11:00:00.000Z", T0)).toBe(T0.getTime() + 5000);
    expect(alarmTime(null, T0)).toBe(T0.getTime() + 5000);
    expect(alarmTime("garbage", T0)).toBe(T0.getTime() + 5000);
    expect(alarmTime("2026-05-01T18:00:00.000Z", T0)).toBe(Date.parse("2026-05-01T18:00:00.000Z"));
  });

  it("retries within a check at 1x, 2x, 4x the base delay", () => {
    expect([0, 1, 2].map((a) => retryDelayMs(a, 1000))).toEqual([1000, 2000, 4000]);
  });

  it("names one alarm per subscription and reads the id back", () => {
    expect(subscriptionIdOfAlarm(alarmName("abc-123"))).toBe("abc-123");
    expect(subscriptionIdOfAlarm("outbox")).toBeNull();
  });
});
