/**
 * Uncaught errors in the worker are kept (the last 20, in storage.session) so
 * the options page and the browser tests can see them; a worker that dies
 * silently is the hardest bug to report.
 */
import browser from "webextension-polyfill";
import { errorMessage } from "../shared/error-message.ts";

const KEY = "diagnostics:errors";
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
