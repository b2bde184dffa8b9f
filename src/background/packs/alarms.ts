/**
 * One chrome.alarms alarm per subscription, fired at its next check. Alarms
 * survive the worker stopping but not every browser restart or extension
 * update, so the worker re-creates missing ones each time it starts.
 */
import browser from "webextension-polyfill";
import type { Subscription } from "../../shared/subscription.ts";
import { ALARM_PREFIX, alarmName, alarmTime } from "./schedule.ts";
import { allSubscriptions } from "./subscription-store.ts";

export async function scheduleAlarm(sub: Pick<Subscription, "id" | "nextCheckAt">): Promise<void> {
  await browser.alarms.create(alarmName(sub.id), { when: alarmTime(sub.nextCheckAt, new Date()) });
}

export async function clearAlarm(id: string): Promise<void> {
  await browser.alarms.clear(alarmName(id));
}

/** Creates the missing alarms and drops those of removed subscriptions. */
export async function ensureAlarms(): Promise<void> {
  const [subs, alarms] = await Promise.all([allSubscriptions(), browser.alarms.getAll()]);
  const existing = new Set(alarms.map((a) => a.name));
  const wanted = new Set(subs.map((s) => alarmName(s.id)));
  for (const a of alarms)
    if (a.name.startsWith(ALARM_PREFIX) && !wanted.has(a.name)) await browser.alarms.clear(a.name);
  for (const s of subs) if (!existing.has(alarmName(s.id))) await scheduleAlarm(s);
}
