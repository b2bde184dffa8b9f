/**
 * Playwright fixtures: `context` (Chromium with dist/ loaded) and
 * `extensionId`, plus `sw` helpers that run code inside the extension's
 * service worker (tab ids, badge, stopping the worker through CDP). The
 * fixture builds nothing: `npm test` builds before the browser tests.
 */
import { type BrowserContext, test as base, type Page, type Worker } from "@playwright/test";
import { DIST_TEST, type ExtensionBrowser, launchWithExtension, reportedTabId } from "../scripts/lib/browser.ts";
import { type HttpsSite, startHttpsSite } from "./support/https-site.ts";

export interface SwTools {
  worker(): Promise<Worker>;
  tabIdOf(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** Stop every service worker through CDP, as Chrome does after 30 s idle. */
  stop(page: Page): Promise<void>;
  /** Console errors and uncaught exceptions the worker logged during the test. */
  errors: string[];
}

export const test = base.extend<{ ext: ExtensionBrowser; context: BrowserContext; extensionId: string; sw: SwTools }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
  ext: async ({}, use) => {
    const ext = await launchWithExtension();
    await use(ext);
    await ext.close();
  },
  context: async ({ ext }, use) => use(ext.context),
  extensionId: async ({ ext }, use) => use(ext.extensionId),
  sw: async ({ ext }, use) => {
    const errors: string[] = [];
    const watch = (w: Worker) => {
      w.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
    };
    watch(await ext.serviceWorker());
    ext.context.on("serviceworker", watch);
    const tools: SwTools = {
      worker: () => ext.serviceWorker(),
      tabIdOf: (page) => reportedTabId(ext, page),
      async badgeText(tabId) {
        const w = await ext.serviceWorker();
        return w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
      },
      async stop(page) {
        const cdp = await ext.context.newCDPSession(page);
        await cdp.send("ServiceWorker.enable");
        await cdp.send("ServiceWorker.stopAllWorkers");
        await cdp.detach();
      },
      errors,
    };
    await use(tools);
    // Uncaught errors the worker recorded itself (see src/background/diagnostics.ts).
    const w = await ext.serviceWorker();
    const recorded = await w.evaluate(
      async () => (await chrome.storage.session.get("diagnostics:errors"))["diagnostics:errors"] ?? [],
    );
    errors.push(...(recorded as string[]));
  },
});

/**
 * The same fixtures on the test build (dist-test/: <all_urls> granted, fast webhook retries, the pause hook), for
 * what a toolbar click would otherwise grant: capture, executeScript, re-checks.
 */
export const testOnTestBuild = test.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
  ext: async ({}, use) => {
    const ext = await launchWithExtension({ dist: DIST_TEST });
    await use(ext);
    await ext.close();
  },
});

/**
 * The test build with every host name resolved to a loopback HTTPS server (`site`, e2e/support/https-site.ts):
 * for pages context.route cannot serve, or not fast enough.
 */
export const testOnHttpsSite = testOnTestBuild.extend<{ site: HttpsSite }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
  site: async ({}, use) => {
    const site = await startHttpsSite();
    await use(site);
    await site.close();
  },
  ext: async ({ site }, use) => {
    const ext = await launchWithExtension({ dist: DIST_TEST, args: site.browserArgs() });
    await use(ext);
    await ext.close();
  },
});

export { expect } from "@playwright/test";
