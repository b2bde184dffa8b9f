/** The toolbar badge: text and colour by risk (text too, so colour is never the only cue). */
import browser from "webextension-polyfill";
import type { TabState } from "../shared/tab-state.ts";
import type { Risk } from "../shared/verdict.ts";

export const BADGE: Record<Risk, { text: string; color: string; title: string }> = {
  high: { text: "HIGH", color: "#b91c1c", title: "High risk of counterfeit" },
  medium: { text: "MED", color: "#b45309", title: "Medium risk of counterfeit" },
  low: { text: "LOW", color: "#15803d", title: "Low risk" },
  unknown: { text: "?", color: "#6b7280", title: "No brand claim found" },
};

export async function showBadge(tabId: number, state: TabState): Promise<void> {
  if (state.status !== "verdict") {
    await browser.action.setBadgeText({ tabId, text: "" });
    await browser.action.setTitle({ tabId, title: "Copycatch" });
    return;
  }
  const badge = BADGE[state.verdict.risk];
  await browser.action.setBadgeText({ tabId, text: badge.text });
  await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await browser.action.setTitle({ tabId, title: `Copycatch: ${badge.title} (${state.verdict.score}/100)` });
}
