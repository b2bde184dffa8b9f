/**
 * The service worker. Every listener is registered synchronously at top
 * level, so events that wake a stopped worker find their listener
 * (developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
 * No state lives only in module variables: verdicts are in storage.session,
 * rules in IndexedDB; in-memory caches are rebuilt on wake.
 */
import browser from "webextension-polyfill";
import { runsContentScript } from "../shared/marketplace-sites.ts";
import { listenForLanguage } from "./badge.ts";
import { recordStart, recordUncaughtErrors } from "./diagnostics.ts";
import { dispatch } from "./dispatch.ts";
import { HANDLERS } from "./handlers/index.ts";
import { registerPackListeners } from "./packs/listeners.ts";
import { registerReportListeners } from "./report/listeners.ts";
import { openHarnessPage } from "./report/test-build.ts";
import { getRules, installBundledPack, warmRules } from "./rules.ts";
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

// A page starts loading in a tab. A listing on it will want the rules: a cold worker (woken by this very event)
// starts reading them now, while the page loads, instead of after the listing arrives. Without the "tabs"
// permission Chromium gives no URL here, so any page warms them (a read of a few milliseconds, kept until the
// idle worker stops); with a URL, only the pages the content script runs on. When the URL is known, the old
// verdict no longer applies.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== "loading") return;
  if (change.url) void clearTabState(tabId);
  if (!change.url || runsContentScript(change.url)) warmRules();
});

registerPackListeners();
registerReportListeners();
listenForLanguage();
