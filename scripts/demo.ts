/**
 * `npm start`: headless Chromium with the built extension on the bundled real
 * listing pages (served at their real marketplace URLs, no network), printing
 * each page's verdict and reasons as a table and saving a screenshot of the
 * popup per page under demo-output/. `--headed` opens a visible browser.
 */
import { mkdirSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { Page } from "@playwright/test";
import { launchWithExtension, ROOT } from "../e2e/browser.ts";
import { builtPath } from "../e2e/fixtures.ts";
import { originalUrl, readSaved, servePages } from "../e2e/pages/serve.ts";
import type { TabState } from "../src/shared/tab-state.ts";

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
        out.push({ file, url: originalUrl(file) });
      } catch {
        // A page without an original URL cannot be served at its real address.
      }
    }
  }
  return out;
}

async function waitForState(page: Page, read: () => Promise<TabState>, timeoutMs = 8000): Promise<TabState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await read();
    if (state.status !== "none" || Date.now() > deadline) return state;
    await page.waitForTimeout(100);
  }
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0)).join("  ");
}

async function main(): Promise<void> {
  const headed = process.argv.includes("--headed");
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
    const page = await ext.context.newPage();
    await page.goto(p.url, { waitUntil: "load" });
    const worker = await ext.serviceWorker();
    const tabId = await worker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1,
      page.url(),
    );
    const state = await waitForState(page, async () => {
      const w = await ext.serviceWorker();
      return w.evaluate(
        async (id) => ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as TabState) ?? { status: "none" },
        tabId,
      );
    });
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${ext.extensionId}/${builtPath("popup")}?tab=${tabId}`);
    await popup.waitForSelector("main > *");
    const shot = join(OUT, `${basename(p.file, ".html.gz")}.png`);
    await popup.screenshot({ path: shot, fullPage: true });
    const name = basename(p.file, ".html.gz");
    if (state.status === "verdict") {
      const v = state.verdict;
      const reasons = v.reasons.map((r) => `${r.signal}${r.evidence ? ` "${r.evidence.text}"` : ""}`).join("; ");
      console.log(
        row([name, state.listing.marketplace, v.risk, String(v.score), v.brand?.name ?? "-", reasons || "-"], widths),
      );
    } else {
      const why = state.status === "none" ? "not covered: use Check this page" : state.status;
      console.log(row([name, new URL(p.url).hostname, why, "", "", ""], widths));
    }
    await popup.close();
    await page.close();
  }
  console.log(`\nPopup screenshots: ${OUT}/`);
  await ext.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
