/**
 * Firefox with the built extension, driven by puppeteer-core over WebDriver
 * BiDi (Playwright's own Firefox build cannot be installed here). Debian's
 * firefox-esr by default; FIREFOX_PATH points elsewhere.
 *
 * - The extension is installed as a temporary add-on from dist-firefox-test/
 *   (the test build: <all_urls> granted, fast retries).
 * - Saved pages are served at their real marketplace URLs by request
 *   interception on the page (BiDi network.addIntercept): the listing page
 *   gets its saved bytes, every other request an empty 204, so nothing reaches
 *   the network.
 * - BiDi may not navigate to moz-extension: pages, but it can script one the
 *   extension opened: the test build opens its options page when installed
 *   (src/background/report/test-build.ts), and that page is the harness's way
 *   into the extension (storage, tabs, opening the popup for a tab).
 * - The background's idle timeout is shortened so the event page is stopped
 *   and woken again within a test.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { GECKO_ID } from "../scripts/firefox-manifest.ts";

export const ROOT = resolve(import.meta.dirname, "..");
export const DIST_FIREFOX_TEST = join(ROOT, "dist-firefox-test");
/** Fixed so extension URLs are known in advance (Firefox picks a random one per profile otherwise). */
export const EXTENSION_UUID = "6d3c0b9e-4f4a-4b8e-9a57-2f1d7c0e5a11";
export const ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** Idle time after which Firefox stops the extension's event page (its default is 30 s). */
export const BACKGROUND_IDLE_MS = 1500;

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
  if (!existsSync(path)) {
    throw new Error(`Firefox not found at ${path}: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  return path;
}

export interface FirefoxExtension {
  browser: Browser;
  /** The options page the test build opened: the harness's handle on the extension. */
  harness: Page;
  close(): Promise<void>;
}

export async function launchFirefox(dist = DIST_FIREFOX_TEST): Promise<FirefoxExtension> {
  if (!existsSync(join(dist, "manifest.json"))) {
    throw new Error(`${dist} is missing: run \`npm run build:firefox-test\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), "copycatch-firefox-"));
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      "extensions.background.idle.timeout": BACKGROUND_IDLE_MS,
    },
  });
  try {
    await browser.installExtension(dist);
    const harness = await waitForExtensionPage(browser, "/src/options/index.html");
    return {
      browser,
      harness,
      async close() {
        await browser.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Where a page really is: BiDi reports extension pages as about:blank. */
export async function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => "");
}

export async function waitForExtensionPage(browser: Browser, path: string, timeoutMs = 20_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if ((await locationOf(page)).startsWith(`${ORIGIN}${path}`)) return page;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No extension page ${path} within ${timeoutMs} ms`);
}

/** A new tab showing `body` at `url`; every other request of the tab is answered empty. */
export async function openServed(browser: Browser, url: string, body: string | Buffer): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.url() === url) {
      void request.respond({ status: 200, contentType: "text/html; charset=utf-8", body });
    } else {
      void request.respond({ status: 204, body: "" });
    }
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  return page;
}

/** storage.session as the extension sees it, read from the harness page. */
export async function sessionStorage(ext: FirefoxExtension): Promise<Record<string, unknown>> {
  return ext.harness.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return (await api.storage.session.get(null)) as Record<string, unknown>;
  });
}

/** Sets (or, with null, removes) one storage.local key of the extension, from the harness page. */
export async function setLocal(ext: FirefoxExtension, key: string, value: unknown): Promise<void> {
  await ext.harness.evaluate(
    async (k, v) => {
      const area = (globalThis as unknown as { browser: typeof chrome }).browser.storage.local;
      if (v === null) await area.remove(k);
      else await area.set({ [k]: v });
    },
    key,
    value,
  );
}

/** The tab id the content script reported for `url` (the extension's own record; BiDi does not know tab ids). */
export async function reportedTabId(ext: FirefoxExtension, url: string, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const all = await sessionStorage(ext);
    const hit = Object.entries(all).find(([k, v]) => k.startsWith("tab:") && (v as { url?: string }).url === url);
    if (hit) return Number(hit[0].slice(4));
    await new Promise((r) => setTimeout(r, 100));
  }
  // What the extension did record (other tabs' states, its start count, errors), to tell a lost report from a slow one.
  const seen = JSON.stringify(await sessionStorage(ext)).slice(0, 2000);
  throw new Error(`No tab state reported for ${url}; session storage: ${seen}`);
}

/** Opens an extension page in a new tab (from the harness page) and returns it once it is there. */
export async function openExtensionPage(ext: FirefoxExtension, path: string): Promise<Page> {
  await ext.harness.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    await api.tabs.create({ url });
  }, `${ORIGIN}${path}`);
  return waitForExtensionPage(ext.browser, path);
}

/** Resolves with `read()`'s value once `ok` accepts it. */
export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}
