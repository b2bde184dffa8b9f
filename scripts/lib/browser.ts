/**
 * Launching Chromium with the built extension: shared by the Playwright
 * fixtures (e2e/) and the demo (`npm start`), which must not import e2e/. It builds nothing: run `npm run build`
 * first. Debian's Chromium by default; CHROMIUM_PATH points elsewhere.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page, type Worker } from "@playwright/test";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const DIST = join(ROOT, "dist");
/** The test build (COPYCATCH_TEST_BUILD=1 npm run build): <all_urls> granted, fast webhook retries. */
export const DIST_TEST = join(ROOT, "dist-test");

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return path;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * `userDataDir`: a profile to reuse (a browser restart with the same profile); the caller owns it and it is
 * kept on close. Without it, a fresh temporary profile, deleted on close. `args`: more Chromium switches.
 */
export async function launchWithExtension(
  opts: { headed?: boolean; dist?: string; userDataDir?: string; args?: string[] } = {},
): Promise<ExtensionBrowser> {
  const dist = opts.dist ?? DIST;
  if (!existsSync(join(dist, "manifest.json"))) throw new Error(`${dist} is missing: run \`npm run build\` first.`);
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), "copycatch-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: !opts.headed,
    viewport: { width: 1280, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // The browser's UI language, whatever the machine's: Copycatch's pages follow it (the tests set others in the options).
      "--lang=en-US",
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      ...(opts.args ?? []),
    ],
  });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const worker = await serviceWorker();
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The tab id of a page, found through the state its content script reported
 * for the page's URL: without the "tabs" permission the extension cannot see
 * tab URLs, and Playwright does not know Chrome's tab ids.
 */
export async function reportedTabId(ext: ExtensionBrowser, page: Page, timeoutMs = 10_000): Promise<number> {
  const url = page.url();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const worker = await ext.serviceWorker();
    const id = await worker.evaluate(async (u) => {
      const all = await chrome.storage.session.get(null);
      const hit = Object.entries(all).find(([k, v]) => k.startsWith("tab:") && (v as { url?: string }).url === u);
      return hit ? Number(hit[0].slice(4)) : null;
    }, url);
    if (id !== null) return id;
    await page.waitForTimeout(100);
  }
  throw new Error(`No tab state reported for ${url}`);
}

/** The popup's or the options page's path inside the built extension, read from dist/manifest.json. */
export function builtPath(kind: "popup" | "options"): string {
  const manifest = JSON.parse(readFileSync(join(DIST, "manifest.json"), "utf8"));
  const path = kind === "popup" ? manifest.action?.default_popup : manifest.options_ui?.page;
  if (typeof path !== "string") throw new Error(`No ${kind} page in dist/manifest.json`);
  return path;
}
