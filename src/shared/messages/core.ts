import type { Listing } from "../listing.ts";
import type { TabState } from "../tab-state.ts";

/** Core messages: listing extraction and verdict lookup. */
export interface CoreProtocol {
  /** Content script → background: the listing of the sender's tab (sender.tab.id, never a tab id in the payload). */
  listing: { request: { listing: Listing; extractMs: number | null }; response: { ok: true } };
  /** Content script → background: the sender's tab shows no listing. */
  "not-listing": { request: { url: string }; response: { ok: true } };
  /** Extension page → background: what is known about a tab. */
  "get-tab-state": { request: { tabId: number }; response: TabState };
  /** Extension page → background: run extraction on a tab the content script does not cover (activeTab + scripting). */
  "check-page": { request: { tabId: number }; response: TabState };
}
