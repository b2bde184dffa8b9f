/**
 * Per-tab verdicts live in storage.session: they survive the service worker
 * stopping and are gone when the browser closes (DESIGN.md, "Where state lives").
 * storage.session is only readable by trusted extension contexts by default.
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

export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
