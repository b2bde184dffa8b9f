/**
 * Content script: extract the listing of this page and hand it to the
 * background. Built as one IIFE file (no loader, no web-accessible resource),
 * so the same file also serves `scripting.executeScript` for "Check this page".
 *
 * - Never throws into the page: every entry point is wrapped; failures are
 *   logged at debug level and the popup shows "no verdict".
 * - Bounded: extraction runs with a time budget (partial listing + warning).
 * - A background stopped before it answered (Firefox stops an idle event
 *   page even while a reply is pending; a worker killed mid-message) gets the
 *   listing again, three more times, while the page still shows its URL.
 * - Seller badges the page hides (checked in dom.ts isHidden) or injects
 *   late as a small isolated node are not trusted (see `trusted`).
 * - Single-page navigation (History API, which the isolated world cannot
 *   hook): the Navigation API's events where available, popstate/hashchange,
 *   and a cheap URL poll. On a URL change the old verdict is cleared at once
 *   (not-listing), then extraction waits for the DOM to settle and refuses
 *   to send a listing identical to the previous URL's (the DOM still shows
 *   the old item).
 */
import type { Listing } from "../shared/listing.ts";
import { send, sendRetrying } from "../shared/messages/send.ts";
import { extractListing } from "./pipeline.ts";

const BUDGET_MS = 150;
const SETTLE_MS = 400;
const MAX_WAIT_MS = 5000;
const POLL_MS = 1000;
/**
 * Extractions cut short by the time budget (a busy machine: twenty tabs
 * loading at once) are tried again this many times: before anything said
 * "listing", before the page is reported as not a listing; after, so the
 * partial listing's verdict is replaced by the whole listing's. Each try has
 * twice the budget of the one before (150, 300, 600, 1200 ms): the budget is
 * wall-clock time, and while other processes hold the cores the same work
 * takes several times longer, every try alike (twenty tabs on a loaded 2-core
 * machine kept eBay listings cut short, without their brand, through three
 * tries of 150 ms).
 */
const CUT_SHORT_RETRIES = 3;
/** An insertion after load whose subtree is this small is a badge-sized injection, not a re-render of the listing. */
const SMALL_INJECTION = 25;

interface State {
  lastUrl: string;
  lastSent: { url: string; fingerprint: string } | null;
  timer: ReturnType<typeof setTimeout> | null;
  changedAt: number;
  lastMutation: number;
  injected: WeakSet<Node>;
  loaded: boolean;
  /** Extractions of the current URL cut short by the budget so far. */
  cutShort: number;
}

/**
 * The "already injected" marker. Content scripts run in an isolated world:
 * its globals are not the page's, but the page's DOM still shows through
 * named properties (`<div id="x">` makes `window.x` an element in every
 * world), so a string-named window property can be forged by markup. A
 * symbol-keyed property cannot: no element id is a symbol, and the page's
 * own scripts never see this world's globals. `Symbol.for` is per world, so a
 * second injection ("Check this page") into the same isolated world finds the
 * same key.
 */
const STATE_KEY = Symbol.for("copycatch.content-state");

function existingState(): State | null {
  const v = (globalThis as Record<symbol, unknown>)[STATE_KEY];
  return typeof v === "object" && v !== null && (v as Partial<State>).injected instanceof WeakSet ? (v as State) : null;
}

function debug(...args: unknown[]): void {
  try {
    console.debug("[copycatch]", ...args);
  } catch {
    // console may be replaced by the page
  }
}

function fingerprint(l: Listing): string {
  return JSON.stringify([l.title, l.sku, l.price?.amount, l.images[0] ?? null]);
}

function trustedFor(state: State): (el: Element) => boolean {
  return (el) => {
    for (let n: Node | null = el; n; n = n.parentNode) if (state.injected.has(n)) return false;
    return true;
  };
}

function extractNow(state: State): { listing: Listing | null; cutShort: boolean; ms: number } {
  const t0 = performance.now();
  const { isListing, listing, cutShort } = extractListing(document, location.href, {
    budgetMs: BUDGET_MS * 2 ** state.cutShort,
    trusted: trustedFor(state),
  });
  return {
    listing: isListing ? listing : null,
    cutShort: cutShort === true,
    ms: Math.round((performance.now() - t0) * 100) / 100,
  };
}

async function run(state: State): Promise<void> {
  try {
    const href = location.href;
    const { listing, cutShort, ms } = extractNow(state);
    if (location.href !== href) return; // navigated while extracting: the next run covers it
    if (!listing && cutShort && state.cutShort < CUT_SHORT_RETRIES) {
      state.cutShort++;
      schedule(state); // the budget ran out before the page said what it is: try again, not "not a listing"
      return;
    }
    // A background stopped before it answered (idle timeout, slow first rule load) would lose this page's verdict:
    // sent again while the page still shows this URL.
    const wanted = (): boolean => location.href === href;
    if (!listing) {
      await sendRetrying({ type: "not-listing", url: href }, { wanted });
      return;
    }
    const fp = fingerprint(listing);
    const prev = state.lastSent;
    if (prev && prev.url !== href && prev.fingerprint === fp && performance.now() - state.changedAt < MAX_WAIT_MS) {
      schedule(state); // the DOM still shows the previous listing: wait for the new one
      return;
    }
    if (prev && prev.url !== href && prev.fingerprint === fp) {
      // Gave up waiting: better no verdict than the previous listing's verdict on this URL.
      await sendRetrying({ type: "not-listing", url: href }, { wanted });
      return;
    }
    state.lastSent = { url: href, fingerprint: fp };
    await sendRetrying({ type: "listing", listing, extractMs: ms }, { wanted });
    if (cutShort && state.cutShort < CUT_SHORT_RETRIES) {
      // A verdict now from what was read in time, then the whole listing once the machine has room for it.
      state.cutShort++;
      schedule(state);
    }
  } catch (error) {
    debug("extraction failed", error);
  }
}

/** Debounced: runs once the DOM has been quiet for SETTLE_MS (or MAX_WAIT_MS after the change). */
function schedule(state: State): void {
  if (state.timer) clearTimeout(state.timer);
  const tick = (): void => {
    state.timer = null;
    const now = performance.now();
    if (now - state.lastMutation < SETTLE_MS && now - state.changedAt < MAX_WAIT_MS) {
      state.timer = setTimeout(tick, SETTLE_MS);
      return;
    }
    void run(state);
  };
  state.timer = setTimeout(tick, SETTLE_MS);
}

function onPossibleNavigation(state: State): void {
  try {
    if (state.lastUrl === location.href) return;
    state.lastUrl = location.href;
    state.changedAt = performance.now();
    state.cutShort = 0;
    // Clear the old verdict at once; the new one follows when the DOM shows the new listing.
    void send({ type: "not-listing", url: location.href }).catch(() => undefined);
    schedule(state);
  } catch (error) {
    debug("navigation check failed", error);
  }
}

function countNodes(node: Node, limit: number): number {
  if (!(node instanceof Element)) return 1;
  return Math.min(limit, node.getElementsByTagName("*").length + 1);
}

function watch(state: State): void {
  const observer = new MutationObserver((records) => {
    try {
      state.lastMutation = performance.now();
      if (!state.loaded) return;
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (countNodes(n, SMALL_INJECTION + 1) <= SMALL_INJECTION) state.injected.add(n);
        }
      }
    } catch {
      // never let our observer throw into the page's mutation delivery
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  const markLoaded = (): void => {
    // Give the page's own first render a moment before counting insertions as injections.
    setTimeout(() => {
      state.loaded = true;
    }, 1000);
  };
  if (document.readyState === "complete") markLoaded();
  else window.addEventListener("load", markLoaded, { once: true });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener("navigatesuccess", () => onPossibleNavigation(state));
  nav?.addEventListener("currententrychange", () => onPossibleNavigation(state));
  window.addEventListener("popstate", () => onPossibleNavigation(state));
  window.addEventListener("hashchange", () => onPossibleNavigation(state));
  setInterval(() => onPossibleNavigation(state), POLL_MS);
}

function start(): void {
  try {
    const existing = existingState();
    if (existing) {
      // Injected again ("Check this page"): just extract once more.
      void run(existing);
      return;
    }
    const state: State = {
      lastUrl: location.href,
      lastSent: null,
      timer: null,
      changedAt: performance.now(),
      lastMutation: 0,
      injected: new WeakSet(),
      loaded: false,
      cutShort: 0,
    };
    (globalThis as Record<symbol, unknown>)[STATE_KEY] = state;
    watch(state);
    void run(state);
  } catch (error) {
    debug("start failed", error);
  }
}

start();
