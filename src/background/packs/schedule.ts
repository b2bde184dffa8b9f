/**
 * When a subscription is checked next: pure arithmetic, tested without a
 * browser. A good check schedules the next one an interval later; a failed one
 * retries sooner with exponential backoff, never later than the interval.
 */

export const MIN_INTERVAL_MINUTES = 15;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;
export const DEFAULT_INTERVAL_MINUTES = 24 * 60;

/** First retry after a failure; doubles with each further failure. */
export const FIRST_RETRY_MS = 5 * 60_000;

/** Alarm names carry the subscription id so one alarm serves one feed. */
export const ALARM_PREFIX = "copycatch:feed:";

export function alarmName(subscriptionId: string): string {
  return `${ALARM_PREFIX}${subscriptionId}`;
}

export function subscriptionIdOfAlarm(name: string): string | null {
  return name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : null;
}

export function clampInterval(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_INTERVAL_MINUTES;
  return Math.min(MAX_INTERVAL_MINUTES, Math.max(MIN_INTERVAL_MINUTES, Math.round(minutes)));
}

/** Delay before the next try after `failures` consecutive failures (1, 2, ...): 5 min, 10, 20, ... capped by the interval. */
export function backoffMs(failures: number, intervalMinutes: number): number {
  const interval = clampInterval(intervalMinutes) * 60_000;
  if (failures <= 0) return interval;
  return Math.min(interval, FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 20));
}

/** The time of the next check after a check at `checkedAt` that left `failures` consecutive failures. */
export function nextCheckAt(checkedAt: Date, intervalMinutes: number, failures: number): Date {
  return new Date(checkedAt.getTime() + backoffMs(failures, intervalMinutes));
}

/**
 * When the alarm of a subscription should fire, as the worker (re)creates it
 * on start: the stored next check, or soon when that time has passed (the
 * browser was closed) or is unknown (never checked).
 */
export function alarmTime(next: string | null, now: Date, soonMs = 5_000): number {
  const t = next === null ? Number.NaN : Date.parse(next);
  if (Number.isNaN(t) || t <= now.getTime()) return now.getTime() + soonMs;
  return t;
}

/** Retries inside one check (network errors, 5xx, timeouts): 1 s, 2 s, 4 s ... */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** attempt;
}
