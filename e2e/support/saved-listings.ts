/**
 * Saved real listing pages (fixtures/pages/) as the browser tests serve them:
 * found by folder and name, at their own address over https, decoded to
 * UTF-8, and the tab state the extension recorded for a tab.
 */
import { join } from "node:path";
import type { BrowserContext, Page, Worker } from "@playwright/test";
import { ROOT } from "../../scripts/lib/browser.ts";
import { readSaved, servePages } from "../../scripts/lib/serve-pages.ts";
import { decodePage } from "../../src/shared/load-html.node.ts";
import type { TabState } from "../../src/shared/tab-state.ts";
import { type FixturePage, fixturePages, runUrl } from "../../test-support/fixture-pages.node.ts";

export function named(folder: string, name: string): FixturePage[] {
  const hit = fixturePages().filter((p) => p.folder === folder && p.name === name);
  if (hit.length !== 1) throw new Error(`fixture ${folder}/${name} not found`);
  return hit;
}

/**
 * The page's URL over https: a page saved from an old http:// URL (eBay, 2016)
 * is served at its https:// twin, as the marketplace answers today (the
 * manifest matches https only).
 */
export function servedUrl(p: FixturePage): string {
  return runUrl(p).replace(/^http:/, "https:");
}

function fixtureFile(p: FixturePage): string {
  return p.file.slice(join(ROOT, "fixtures/pages").length + 1);
}

/**
 * The page as UTF-8 for the browser. Saved Taobao/Tmall pages are GBK and
 * declare it after 150 KB of scripts, beyond the browser's charset prescan:
 * decode them as src/shared/load-html.node.ts does, so the browser reads the same
 * text Node does.
 */
export function servedBody(p: FixturePage): string {
  return decodePage(readSaved(fixtureFile(p)));
}

/** Serves the pages at their own addresses (everything else answered empty). */
export async function serve(context: BrowserContext, pages: FixturePage[]): Promise<void> {
  await servePages(
    context,
    pages.map((p) => ({ url: servedUrl(p), body: servedBody(p), contentType: "text/html; charset=utf-8" })),
  );
}

export async function stateOf(worker: Worker, tabId: number): Promise<TabState | null> {
  return worker.evaluate(
    async (id) => ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as TabState | undefined) ?? null,
    tabId,
  );
}

/** Whether a verdict came from a listing cut short by the content script's time budget. */
export function isPartial(s: TabState): boolean {
  return s.status === "verdict" && s.listing.warnings.some((w) => w.startsWith("partial"));
}

/**
 * The verdict recorded for the tab at `url`. `whole`: wait past a verdict on
 * a listing cut short by the time budget (a busy machine); the content script
 * extracts again and the whole listing's verdict replaces it.
 */
export async function verdictFor(
  worker: Worker,
  tabId: number,
  url: string,
  page: Page,
  whole = false,
  timeoutMs = 20_000,
): Promise<TabState & { status: "verdict" }> {
  const deadline = Date.now() + timeoutMs;
  let last: TabState | null = null;
  while (Date.now() < deadline) {
    last = await stateOf(worker, tabId);
    if (last?.status === "verdict" && last.url === url && !(whole && isPartial(last))) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`no verdict reported for ${url}; last state: ${JSON.stringify(last)?.slice(0, 300)}`);
}
