import browser from "webextension-polyfill";
import { score } from "../../engine/index.ts";
import type { CoreProtocol } from "../../shared/messages/core.ts";
import { english, said } from "../../shared/said.ts";
import type { TabState } from "../../shared/tab-state.ts";
import { validateListing } from "../../shared/validate-listing.ts";
import { showBadge } from "../badge.ts";
import { noteBrowsedListing } from "../report/recheck.ts";
import { testPause } from "../report/test-build.ts";
import { rulesForListing } from "../rules.ts";
import { getTabState, setTabState } from "../tab-states.ts";
import type { Handlers, Sender } from "./types.ts";

export class BadRequest extends Error {
  override name = "BadRequest";
}

export function tabIdOf(raw: Record<string, unknown>): number {
  const id = raw.tabId;
  if (typeof id !== "number" || !Number.isInteger(id) || id < 0) throw new BadRequest("tabId: expected a tab id");
  return id;
}

function senderTab(sender: Sender): number {
  if (sender.tabId === null) throw new BadRequest("content message without a tab");
  return sender.tabId;
}

/** A content script may only describe the page it runs in. */
function sameOrigin(a: string, b: string | null): boolean {
  try {
    return b !== null && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

const CANNOT_CHECK = said("page_cannot_check", { scheme: "chrome://" });

function unavailable(at: string): TabState {
  return { status: "unavailable", message: english(CANNOT_CHECK), said: CANNOT_CHECK, at };
}

async function record(tabId: number, state: TabState): Promise<void> {
  await setTabState(tabId, state);
  await showBadge(tabId, state).catch(() => undefined); // the tab may be gone already
}

function extractMsOf(raw: unknown): number | null {
  return typeof raw === "number" && Number.isFinite(raw) && raw >= 0 ? raw : null;
}

/** Wait for the content script injected by "Check this page" to report. */
async function awaitReport(tabId: number, since: string, timeoutMs: number): Promise<TabState> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await getTabState(tabId);
    if (state.status !== "none" && "at" in state && state.at >= since) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  const late = said("page_no_answer");
  return { status: "error", message: english(late), said: late, at: new Date().toISOString() };
}

export const coreHandlers: Handlers<keyof CoreProtocol> = {
  listing: {
    from: ["content"],
    validate: (raw) => ({
      type: "listing",
      listing: validateListing(raw.listing),
      extractMs: extractMsOf(raw.extractMs),
    }),
    async handle(request, sender) {
      const tabId = senderTab(sender);
      if (!sameOrigin(request.listing.url, sender.url)) throw new BadRequest("listing.url is not the sender's page");
      await testPause("listing");
      const { matcher } = await rulesForListing();
      const at = new Date().toISOString();
      const verdict = score(request.listing, matcher, at);
      await record(tabId, {
        status: "verdict",
        url: request.listing.url,
        listing: request.listing,
        verdict,
        at,
        extractMs: request.extractMs,
      });
      // Agents: a removed case's listing seen again at a new URL is relisted (no request is made).
      void noteBrowsedListing(request.listing).catch((e: unknown) => console.warn("[copycatch] relisting check", e));
      return { ok: true };
    },
  },
  "not-listing": {
    from: ["content"],
    validate: (raw) => {
      if (typeof raw.url !== "string") throw new BadRequest("url: expected a string");
      return { type: "not-listing", url: raw.url.slice(0, 4000) };
    },
    async handle(request, sender) {
      const tabId = senderTab(sender);
      if (!sameOrigin(request.url, sender.url)) throw new BadRequest("url is not the sender's page");
      await record(tabId, { status: "not-listing", url: request.url, at: new Date().toISOString() });
      return { ok: true };
    },
  },
  "get-tab-state": {
    from: ["extension-page"],
    validate: (raw) => ({ type: "get-tab-state", tabId: tabIdOf(raw) }),
    handle: (request) => getTabState(request.tabId),
  },
  "check-page": {
    from: ["extension-page"],
    validate: (raw) => ({ type: "check-page", tabId: tabIdOf(raw) }),
    async handle(request) {
      const file = browser.runtime.getManifest().content_scripts?.[0]?.js?.[0];
      if (!file) throw new Error("The content script is missing from the build.");
      const since = new Date().toISOString();
      // Only web pages are listings: a file from disk (where the browser grants file access) is not checked.
      const shown = await browser.tabs.get(request.tabId).catch(() => null);
      if (shown?.url && !/^https?:/i.test(shown.url)) {
        return unavailable(since);
      }
      try {
        // A document the browser shows in a viewer (a PDF, an image) is no product page.
        const [probe] = await browser.scripting.executeScript({
          target: { tabId: request.tabId },
          func: () => document.contentType,
        });
        if (!/^(text\/html|application\/xhtml\+xml)$/i.test(String(probe?.result ?? ""))) {
          return unavailable(since);
        }
        await browser.scripting.executeScript({ target: { tabId: request.tabId }, files: [file] });
      } catch (error) {
        // The browser refuses scripts on its own pages, the extension store, files without file access and
        // other protected pages: say that plainly instead of a raw error.
        console.warn("[copycatch] check-page refused", error);
        return unavailable(since);
      }
      return awaitReport(request.tabId, since, 5000);
    },
  },
};
