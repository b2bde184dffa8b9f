/**
 * Playwright fixtures: `context` (Chromium with dist/ loaded) and
 * `extensionId`, plus `sw` helpers that run code inside the extension's
 * service worker (tab ids, badge, stopping the worker through CDP). The
 * fixture builds nothing: `npm test` builds before the browser tests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type BrowserContext, test as base, type Page, type Worker } from "@playwright/test";
import { DIST, type ExtensionBrowser, launchWithExtension } from "./browser.ts";

export interface SwTools {
  worker(): Promise<Worker>;
  tabIdOf(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** Stop every service worker through CDP, as Chrome does after 30 s idle. */
  stop(page: Page): Promise<void>;
  /** Console errors and uncaught exceptions the worker logged during the test. */
  errors: string[];
}

export function builtPath(kind: "popup" | "options"): string {
  const manifest = JSON.parse(readFileSync(join(DIST, "manifest.json"), "utf8"));
  const path = kind === "popup" ? manifest.action?.default_popup : manifest.options_ui?.page;
  if (typeof path !== "string") throw new Error(`No ${kind} page in dist/manifest.json`);
  return path;
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
      async tabIdOf(page) {
        // Without the "tabs" permission tab URLs are hidden from the extension, so
        // find the tab through the state its content script reported for this URL.
        const url = page.url();
        const w = await ext.serviceWorker();
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          const id = await w.evaluate(async (u) => {
            const all = await chrome.storage.session.get(null);
            const hit = Object.entries(all).find(([k, v]) => k.startsWith("tab:") && (v as { url?: string }).url === u);
            return hit ? Number(hit[0].slice(4)) : null;
          }, url);
          if (id !== null) return id;
          await page.waitForTimeout(100);
        }
        throw new Error(`No tab state reported for ${url}`);
      },
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

export { expect } from "@playwright/test";
