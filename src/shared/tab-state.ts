import type { Listing } from "./listing.ts";
import type { Said } from "./said.ts";
import type { Verdict } from "./verdict.ts";

/** What the background knows about one tab; kept in storage.session so it survives the worker stopping. */
export type TabState =
  | { status: "verdict"; url: string; listing: Listing; verdict: Verdict; at: string; extractMs: number | null }
  | { status: "not-listing"; url: string; at: string }
  | { status: "none" }
  /** `message` in English; `said` (when the worker told it so) for the popup to word. */
  | { status: "error"; message: string; said?: Said; at: string }
  /** The browser closes this page to extensions (browser pages, the extension store, files, PDF viewer). */
  | { status: "unavailable"; message: string; said?: Said; at: string };

/**
 * Whether the tab still shows the page a state was recorded for. A state
 * belongs to one URL; after a single-page navigation the tab shows another
 * listing until the content script reports it, and the old verdict must not
 * be shown (or filed) for it. An unknown tab URL is not the same page.
 */
export function showsPageOf(state: TabState, tabUrl: string | null | undefined): boolean {
  if (!("url" in state)) return true;
  return typeof tabUrl === "string" && tabUrl === state.url;
}

/** What the popup may show for a tab now: the stored state, or "rechecking" when the tab has moved on. */
export type ShownState = TabState | { status: "rechecking"; url: string };

/**
 * The popup's view of a tab. Opened from the toolbar, the popup gets the
 * tab's URL (activeTab); where the browser withholds it (a popup page opened
 * without that grant) nothing can be compared and the stored state is shown.
 * Filing a case is stricter: see showsPageOf.
 */
export function stateForTab(state: TabState, tabUrl: string | null | undefined): ShownState {
  if (typeof tabUrl !== "string" || showsPageOf(state, tabUrl)) return state;
  return { status: "rechecking", url: tabUrl };
}
