/**
 * The service worker. Every listener is registered synchronously at top
 * level, so events that wake a stopped worker find their listener
 * (developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
 * No state lives only in module variables: verdicts are in storage.session,
 * rules in IndexedDB; in-memory caches are rebuilt on wake.
 */
import browser from "webextension-polyfill";
import { listenForLanguage } from "./badge.ts";
import { recordStart, recordUncaughtErrors } from "./diagnostics.ts";
import { dispatch } from "./dispatch.ts";
import { HANDLERS } from "./handlers/index.ts";
import { registerPackListeners } from "./packs/listeners.ts";
import { registerReportListeners } from "./report/listeners.ts";
import { openHarnessPage } from "./report/test-build.ts";
import { getRules, installBundledPack } from "./rules.ts";
import { clearTabState, restrictSessionStorage } from "./tab-states.ts";

recordUncaughtErrors(globalThis);
void recordStart().catch((error: unknown) => console.warn("[copycatch] could not count the worker start", error));
restrictSessionStorage().catch((error: unknown) =>
  console.error("[copycatch] could not restrict storage.session to trusted contexts", error),
);

const self = { id: browser.runtime.id, origin: browser.runtime.getURL("") };

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  dispatch(HANDLERS, message, sender, self),
);

browser.runtime.onInstalled.addListener(async () => {
  try {
    await installBundledPack();
    await getRules();
  } catch (error) {
    console.error("[copycatch] could not install the bundled rules", error);
  }
  await openHarnessPage();
});

browser.tabs.onRemoved.addListener((tabId) => {
  void clearTabState(tabId);
});

// A new page in the tab: the old verdict no longer applies.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === "loading" && change.url) void clearTabState(tabId);
});

registerPackListeners();
registerReportListeners();
listenForLanguage();
