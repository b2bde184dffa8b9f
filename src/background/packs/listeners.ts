/**
 * Top-level listeners of the rule store, registered synchronously from
 * src/background/index.ts so an alarm that wakes a stopped worker finds its
 * listener. Each start of the worker also clears checks left "updating" by a
 * worker that stopped mid-check and re-creates missing alarms.
 */
import browser from "webextension-polyfill";
import { ensureAlarms, scheduleAlarm } from "./alarms.ts";
import { subscriptionIdOfAlarm } from "./schedule.ts";
import { interrupted } from "./status.ts";
import { allSubscriptions, patchSubscription } from "./subscription-store.ts";
import { setUpdatesReady, updateSubscription } from "./update.ts";

/** Only one worker runs at a time: any "updating" record at start belongs to a worker that is gone. */
async function recoverInterrupted(): Promise<void> {
  const now = new Date();
  for (const s of await allSubscriptions()) {
    if (s.status !== "updating") continue;
    const next = await patchSubscription(s.id, (cur) => (cur.status === "updating" ? interrupted(cur, now) : cur));
    if (next) await scheduleAlarm(next); // retry soon rather than at the next regular check
  }
}

async function onWorkerStart(): Promise<void> {
  try {
    await recoverInterrupted();
  } finally {
    await ensureAlarms();
  }
}

export function registerPackListeners(): void {
  const started = onWorkerStart().catch((error: unknown) => console.error("[copycatch] rule feeds start-up", error));
  setUpdatesReady(started);
  browser.alarms.onAlarm.addListener((alarm) => {
    const id = subscriptionIdOfAlarm(alarm.name);
    if (id !== null)
      void updateSubscription(id).catch((error: unknown) => console.warn("[copycatch] feed check", error));
  });
  // Alarms can be lost across browser restarts and extension updates: re-create them.
  browser.runtime.onStartup.addListener(() => void ensureAlarms().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => void ensureAlarms().catch(() => undefined));
}
