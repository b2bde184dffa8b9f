import browser from "webextension-polyfill";

/**
 * The tab the popup describes: `?tab=ID` when given (browser tests open the
 * popup as a normal page, where "the active tab" would be the popup itself),
 * otherwise the active tab of the current window.
 */
export async function describedTab(search: string): Promise<{ id: number; url: string | null }> {
  const param = new URLSearchParams(search).get("tab");
  if (param !== null && /^\d+$/.test(param)) {
    const tab = await browser.tabs.get(Number(param));
    return { id: Number(param), url: tab.url ?? null };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error("No active tab.");
  return { id: tab.id, url: tab.url ?? null };
}
