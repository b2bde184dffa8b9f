/**
 * Top-level listeners of the report flow, registered synchronously from
 * src/background/index.ts so an alarm that wakes a stopped worker finds its
 * listener. Every wake (and browser start) re-arms the outbox alarm from the
 * outbox rows in IndexedDB, so a stop between two retries loses nothing.
 */
import browser from "webextension-polyfill";
import { armAlarm, drainOutbox, OUTBOX_ALARM } from "./outbox.ts";
import { armRecheck, RECHECK_ALARM, recheckAll } from "./recheck.ts";

function rearm(): void {
  void armAlarm().catch((error: unknown) => console.warn("[copycatch] could not arm the outbox alarm", error));
  void armRecheck().catch((error: unknown) => console.warn("[copycatch] could not arm the re-check alarm", error));
}

export function registerReportListeners(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void drainOutbox().catch((e: unknown) => console.warn("[copycatch] outbox", e));
    if (alarm.name === RECHECK_ALARM) void recheckAll().catch((e: unknown) => console.warn("[copycatch] re-check", e));
  });
  browser.runtime.onStartup.addListener(rearm);
  rearm();
}
