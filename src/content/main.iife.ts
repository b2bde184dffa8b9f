/**
 * Content script: extract the listing of this page and hand it to the
 * background. Built as one IIFE file (no loader, no web-accessible resource),
 * so the same file also serves `scripting.executeScript` for "Check this page".
 * It never throws into the page and never touches the page's JavaScript world.
 */
import { send } from "../shared/messages/send.ts";
import { extractListing } from "./extract/extract.ts";

declare global {
  interface Window {
    __copycatch?: { lastUrl: string };
  }
}

async function run(): Promise<void> {
  const started = performance.now();
  try {
    const { isListing, listing } = extractListing(document, location.href);
    const extractMs = Math.round((performance.now() - started) * 100) / 100;
    if (isListing && listing) await send({ type: "listing", listing, extractMs });
    else await send({ type: "not-listing", url: location.href });
  } catch (error) {
    // The page must never see our failures; the popup shows "no verdict" instead.
    console.debug("[copycatch] extraction failed", error);
  }
}

function watchNavigation(): void {
  // Single-page marketplaces change listing through the History API, which an
  // isolated world cannot hook; compare the URL instead (cheap, once a second).
  setInterval(() => {
    const state = window.__copycatch;
    if (state && state.lastUrl !== location.href) {
      state.lastUrl = location.href;
      void run();
    }
  }, 1000);
}

if (!window.__copycatch) {
  window.__copycatch = { lastUrl: location.href };
  watchNavigation();
}
void run();
