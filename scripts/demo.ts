/**
 * `npm start`: headless Chromium with the built extension on the bundled real
 * listing pages (served at their real marketplace URLs, no network), printing
 * each page's verdict and reasons as a table and saving a screenshot of the
 * popup per page under demo-output/: in English (<page>.png), and with the
 * options page's language set to Arabic (popup-ar-<page>.png, right to left)
 * and Simplified Chinese (popup-zh_CN-<page>.png). `--headed` opens a visible browser.
 * First, without a browser, it prints verdicts for real counterfeit-intent
 * records from the labeled files (scripts/demo-records.ts).
 */
import { mkdirSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { LANGUAGE_KEY, type LocaleCode, localeOf } from "../src/shared/i18n.ts";
import type { TabState } from "../src/shared/tab-state.ts";
import { demoRecords, printDemoRecords } from "./demo-records.ts";
import { builtPath, type ExtensionBrowser, launchWithExtension, ROOT, reportedTabId } from "./lib/browser.ts";
import { originalUrl, readSaved, servePages } from "./lib/serve-pages.ts";

const OUT = join(ROOT, "demo-output");
const PAGES = join(ROOT, "fixtures/pages");

interface DemoPage {
  file: string;
  url: string;
}

function bundledPages(): DemoPage[] {
  const out: DemoPage[] = [];
  for (const dir of readdirSync(PAGES)) {
    for (const name of readdirSync(join(PAGES, dir))) {
      if (!name.endsWith(".html.gz")) continue;
      const file = `${dir}/${name}`;
      try {
        out.push({ file, url: originalUrl(file).replace(/^http:/, "https:") });
      } catch {
        // A page without an original URL cannot be served at its real address.
      }
    }
  }
  return out;
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0)).join("  ");
}

async function stateOf(ext: ExtensionBrowser, tabId: number): Promise<TabState> {
  const worker = await ext.serviceWorker();
  return worker.evaluate(
    async (id) => ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as TabState) ?? { status: "none" },
    tabId,
  );
}

/** The popup's languages in the demo: the file name prefix and the options page's choice (null: the browser's, English). */
const POPUP_LANGUAGES: { prefix: string; code: LocaleCode | null }[] = [
  { prefix: "", code: null },
  { prefix: "popup-ar-", code: "ar" },
  { prefix: "popup-zh_CN-", code: "zh_CN" },
];

/** What the options page's language picker stores, set from the worker. */
async function setLanguage(ext: ExtensionBrowser, code: string | null): Promise<void> {
  const worker = await ext.serviceWorker();
  await worker.evaluate(
    ([key, value]) => (value === null ? chrome.storage.local.remove(key) : chrome.storage.local.set({ [key]: value })),
    [LANGUAGE_KEY, code] as const,
  );
}

/** Open one saved page, wait for its verdict, screenshot the popup in each language, and return the table row. */
async function demoPage(ext: ExtensionBrowser, p: DemoPage, widths: number[]): Promise<string> {
  const name = basename(p.file, ".html.gz");
  const page = await ext.context.newPage();
  try {
    // Some saved pages never fire "load" (resources they wait on are not served); the content script runs at document_idle anyway.
    await page.goto(p.url, { waitUntil: "domcontentloaded" });
    let tabId: number;
    try {
      tabId = await reportedTabId(ext, page, 8000);
    } catch {
      return row(
        [name, new URL(p.url).hostname, "-", "", "", "shop not covered: the popup offers Check this page"],
        widths,
      );
    }
    const state = await stateOf(ext, tabId);
    for (const { prefix, code } of POPUP_LANGUAGES) {
      await setLanguage(ext, code);
      const popup = await ext.context.newPage();
      await popup.setViewportSize({ width: 380, height: 640 });
      await popup.goto(`chrome-extension://${ext.extensionId}/${builtPath("popup")}?tab=${tabId}`);
      await popup.waitForSelector(`html[lang="${localeOf(code ?? "en").tag}"] main > *`);
      await popup.screenshot({ path: join(OUT, `${prefix}${name}.png`), fullPage: true });
      await popup.close();
    }
    await setLanguage(ext, null);
    if (state.status !== "verdict") return row([name, new URL(p.url).hostname, "-", "", "", state.status], widths);
    const v = state.verdict;
    const reasons = v.reasons.map((r) => `${r.signal}${r.evidence ? ` "${r.evidence.text}"` : ""}`).join("; ");
    return row(
      [name, state.listing.marketplace, v.risk, String(v.score), v.brand?.name ?? "-", reasons || "-"],
      widths,
    );
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const headed = process.argv.includes("--headed");
  printDemoRecords(demoRecords());
  console.log("Real listing pages in the built extension (headless Chromium):\n");
  mkdirSync(OUT, { recursive: true });
  const ext = await launchWithExtension({ headed });
  const pages = bundledPages();
  await servePages(
    ext.context,
    pages.map((p) => ({ url: p.url, body: readSaved(p.file), contentType: "text/html" })),
  );
  const widths = [44, 12, 8, 5, 14, 60];
  console.log(row(["page", "marketplace", "risk", "score", "brand", "reasons"], widths));
  console.log(
    row(
      widths.map((w) => "-".repeat(w)),
      widths,
    ),
  );
  for (const p of pages) {
    try {
      console.log(await demoPage(ext, p, widths));
    } catch (error) {
      const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      console.log(row([basename(p.file, ".html.gz"), new URL(p.url).hostname, "failed", "", "", message], widths));
    }
  }
  console.log(
    `\nPopup screenshots: ${OUT}/ (<page>.png in English, popup-ar-<page>.png in Arabic, popup-zh_CN-<page>.png in Simplified Chinese)`,
  );
  await ext.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
