/**
 * The senders a message handler test plays: this extension's id and origin, a content script in a listing's
 * tab, and the extension's own pages. One set for every Node test of the worker's message handling.
 */

/** A fixed extension id of the right shape (32 letters a–p). */
export const EXTENSION_ID = "abcdefghijklmnopabcdefghijklmnop";
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

/** The worker's own identity, as dispatch() compares senders with it. */
export const SELF = { id: EXTENSION_ID, origin: EXTENSION_ORIGIN };

/** A content script in the top frame of tab 7, on the page `url`. */
export function contentSender(url = "https://www.amazon.com/dp/B07SRDX1Z1") {
  return { id: EXTENSION_ID, url, tab: { id: 7 }, frameId: 0 };
}

/** One of the extension's pages ("src/popup/index.html?tab=7", "src/options/index.html"). */
export function pageSender(path: string) {
  return { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}${path}` };
}

/**
 * What the webextension-polyfill module is replaced with in Node tests: the real one refuses to load outside an
 * extension, and these tests reach no browser API (or add the ones they need through `extra`).
 * Use as `vi.mock("webextension-polyfill", async () => (await import("…/test-support/senders.ts")).polyfillStub())`.
 */
export function polyfillStub(extra: Record<string, unknown> = {}) {
  return { default: { runtime: {}, storage: {}, action: {}, ...extra } };
}
