/**
 * The test build (COPYCATCH_TEST_BUILD=1, written to dist-test/) retries the
 * webhook within seconds instead of minutes, and can hold a report between
 * capture and save, or a listing before its verdict, so a browser test can
 * stop the worker exactly there.
 * `__COPYCATCH_TEST_BUILD__` is replaced by vite's `define`; unit tests and
 * the release build see false.
 */
import browser from "webextension-polyfill";
import { DEFAULT_POLICY, type RetryPolicy } from "../../shared/outbox-policy.ts";

declare const __COPYCATCH_TEST_BUILD__: boolean | undefined;

export const TEST_BUILD = typeof __COPYCATCH_TEST_BUILD__ !== "undefined" && __COPYCATCH_TEST_BUILD__ === true;

export const RETRY_POLICY: RetryPolicy = TEST_BUILD
  ? { baseMs: 400, capMs: 5000, maxAttempts: 10, leaseMs: 8000, timeoutMs: 3000 }
  : DEFAULT_POLICY;

/**
 * How long a webhook send may take: RETRY_POLICY's timeout; in the test build, storage.local
 * "test:webhook-timeout-ms" may raise it for one browser test (a refused connection, answered at once on a quiet
 * machine, once took over the test build's 3 s beside other jobs, and read as a timeout).
 */
export async function webhookTimeoutMs(): Promise<number> {
  if (!TEST_BUILD) return RETRY_POLICY.timeoutMs;
  const key = "test:webhook-timeout-ms";
  const ms = (await browser.storage.local.get(key))[key];
  return typeof ms === "number" && ms > 0 ? ms : RETRY_POLICY.timeoutMs;
}

/**
 * Test build only: when storage.local "test:pause-<phase>" holds a number of milliseconds, remove it (one hold per
 * setting), say in storage.session ("test:reached-<phase>") that the phase was reached and wait that long, so a
 * browser test can stop the background exactly there and nothing it does afterwards (a storage change wakes a
 * stopped worker) is needed to let the next run through. Without a pause set it costs one storage read, and
 * nothing in the release build.
 */
export async function testPause(phase: string): Promise<void> {
  if (!TEST_BUILD) return;
  const key = `test:pause-${phase}`;
  const ms = (await browser.storage.local.get(key))[key];
  if (typeof ms !== "number" || ms <= 0) return;
  await browser.storage.local.remove(key);
  await browser.storage.session.set({ [`test:reached-${phase}`]: true });
  await new Promise((r) => setTimeout(r, ms));
}

/**
 * Test build in Firefox only: open the options page once installed. WebDriver
 * BiDi (the Firefox browser tests' driver) may not navigate to moz-extension:
 * pages, but it can script one the extension opened itself; the tests reach
 * every other extension page from there. The release build never does this.
 */
export async function openHarnessPage(): Promise<void> {
  if (!TEST_BUILD || !browser.runtime.getURL("").startsWith("moz-extension:")) return;
  await browser.runtime.openOptionsPage();
}
