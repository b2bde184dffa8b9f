/**
 * Per-tab verdicts live in storage.session: they survive the service worker
 * stopping and are gone when the browser closes (DESIGN.md, "Where state lives").
 * storage.session is only readable by trusted extension contexts by default;
 * `restrictSessionStorage` sets that level explicitly on every worker start,
 * so a default changed by the browser, or code that widened it, cannot expose
 * verdicts to content scripts.
 */
import browser from "webextension-polyfill";
import type { TabState } from "../shared/tab-state.ts";

const key = (tabId: number) => `tab:${tabId}`;

export async function getTabState(tabId: number): Promise<TabState> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as TabState | undefined) ?? { status: "none" };
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
}

/** Every tab's stored state (the badges to redraw when the UI language changes). */
export async function allTabStates(): Promise<[number, TabState][]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all).flatMap(([k, v]) => (/^tab:\d+$/.test(k) ? [[Number(k.slice(4)), v as TabState]] : []));
}

export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

interface SessionArea {
  setAccessLevel?: (options: { accessLevel: "TRUSTED_CONTEXTS" | "TRUSTED_AND_UNTRUSTED_CONTEXTS" }) => Promise<void>;
}

/** storage.session for the worker and the extension's pages only, never content scripts (where the API exists). */
export async function restrictSessionStorage(
  session: SessionArea | undefined = (globalThis as { chrome?: { storage?: { session?: SessionArea } } }).chrome
    ?.storage?.session,
): Promise<boolean> {
  if (typeof session?.setAccessLevel !== "function") return false;
  await session.setAccessLevel({ accessLevel: "TRUSTED_CONTEXTS" });
  return true;
}
