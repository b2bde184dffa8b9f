/**
 * Uncaught errors in the worker are kept (the last 20, in storage.session) so
 * the options page and the browser tests can see them; a worker that dies
 * silently is the hardest bug to report.
 */
import browser from "webextension-polyfill";
import { errorMessage } from "../shared/error-message.ts";

const KEY = "diagnostics:errors";
const STARTS = "diagnostics:starts";
const LIMIT = 20;

async function remember(message: string): Promise<void> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  const list = Array.isArray(stored) ? (stored as string[]) : [];
  await browser.storage.session.set({ [KEY]: [...list, message].slice(-LIMIT) });
}

export function recordUncaughtErrors(scope: { addEventListener: typeof globalThis.addEventListener }): void {
  scope.addEventListener("error", (event) => {
    const e = event as ErrorEvent;
    void remember(`error: ${e.message}`);
  });
  scope.addEventListener("unhandledrejection", (event) => {
    const reason = (event as PromiseRejectionEvent).reason;
    void remember(`unhandled rejection: ${errorMessage(reason)}`);
  });
}

/**
 * Counts worker starts in this browser session (storage.session): a worker
 * (or Firefox event page) that was stopped and woken again shows as a new
 * start, which the browser tests read to prove a restart happened.
 */
export async function recordStart(): Promise<void> {
  const stored = (await browser.storage.session.get(STARTS))[STARTS];
  await browser.storage.session.set({ [STARTS]: (typeof stored === "number" ? stored : 0) + 1 });
}
