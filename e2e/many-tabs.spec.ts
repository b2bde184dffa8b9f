/**
 * Twenty listing tabs opened at once, each with the right verdict: twenty
 * pages (the real saved Amazon ViewSonic page under twenty product URLs, each
 * with its own title: every other one with replica wording), loaded
 * together. Each tab's verdict, badge and popup must be its own page's: the
 * verdict the same code gives that page in Node (extraction and scoring with
 * the bundled pack), the title naming that tab's number.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { ROOT } from "../scripts/lib/browser.ts";
import { readSaved, servePages } from "../scripts/lib/serve-pages.ts";
import type { Listing } from "../src/shared/listing.ts";
import type { TabState } from "../src/shared/tab-state.ts";
import type { Verdict } from "../src/shared/verdict.ts";
import { expect, test } from "./fixtures.ts";
import { PopupPage } from "./pages/popup-page.ts";

const VIEWSONIC = "amazon/orderapp_amazon-com_B07SRDX1Z1.html.gz";
const TABS = 20;
/** The badge text of each risk (src/background/badge.ts, which needs the extension's APIs to load). */
const BADGE_TEXT: Record<string, string> = { high: "HIGH", medium: "MED", low: "LOW", unknown: "?" };

interface Variant {
  url: string;
  body: string;
  tag: string;
  expected: { risk: string; brand: string | null; score: number; title: string | null };
}

function variants(): Variant[] {
  const original = readSaved(VIEWSONIC).toString("utf8");
  const dir = mkdtempSync(join(tmpdir(), "copycatch-tabs-"));
  try {
    const pages = Array.from({ length: TABS }, (_, i) => {
      const tag = `Tab${String(i).padStart(2, "0")}`;
      const title =
        i % 2 === 0
          ? `ViewSonic VX3276-MHD ${tag} 32 Inch 1080p Frameless Widescreen IPS Monitor`
          : `ViewSonic VX3276 ${tag} 32 inch 4K monitor replica 1:1 AAA`;
      const body = original.replace(/(<span id="productTitle"[^>]*>)[^<]*/, `$1 ${title} `);
      const url = `https://www.amazon.com/dp/B0CC${String(i).padStart(6, "0")}`;
      const file = join(dir, `${tag}.html`);
      writeFileSync(file, body);
      return { url, body, tag, file };
    });
    writeFileSync(join(dir, "list.tsv"), pages.map((p) => `${p.url}\t${p.file}`).join("\n"));
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "cli", "scan.ts"), "--batch", join(dir, "list.tsv")],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    )
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { url: string; listing: Listing; verdict: Verdict });
    return pages.map((p, i) => {
      const scanned = out[i];
      if (!scanned?.verdict || scanned.url !== p.url) throw new Error(`no Node verdict for ${p.url}`);
      const v = scanned.verdict;
      return {
        url: p.url,
        body: p.body,
        tag: p.tag,
        expected: { risk: v.risk, brand: v.brand?.name ?? null, score: v.score, title: scanned.listing.title },
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("twenty listing tabs at once: each tab's verdict, badge and popup are its own page's", async ({
  context,
  extensionId,
  sw,
}) => {
  test.setTimeout(120_000);
  const all = variants();
  // Not every page alike: both risks are among the twenty.
  expect(new Set(all.map((v) => v.expected.risk)).size).toBeGreaterThan(1);
  const pages: Page[] = [];
  for (const v of all) {
    const page = await context.newPage();
    await servePages(page, [{ url: v.url, body: v.body }]);
    pages.push(page);
  }
  await Promise.all(pages.map((page, i) => page.goto(all[i]?.url as string, { waitUntil: "domcontentloaded" })));

  const worker = await sw.worker();
  for (const [i, page] of pages.entries()) {
    const v = all[i] as Variant;
    const tabId = await sw.tabIdOf(page);
    const state = await worker.evaluate(
      async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as TabState,
      tabId,
    );
    expect(state.status, v.tag).toBe("verdict");
    if (state.status !== "verdict") continue;
    expect(state.url, v.tag).toBe(v.url);
    expect(
      {
        risk: state.verdict.risk,
        brand: state.verdict.brand?.name ?? null,
        score: state.verdict.score,
        title: state.listing.title,
      },
      v.tag,
    ).toEqual(v.expected);
    await expect.poll(() => sw.badgeText(tabId), { message: v.tag }).toBe(BADGE_TEXT[v.expected.risk]);
    const popup = await PopupPage.open(context, extensionId, tabId);
    await expect(popup.field("title"), v.tag).toContainText(v.tag);
    await expect(popup.risk, v.tag).toContainText(new RegExp(v.expected.risk, "i"));
    await popup.close();
  }
  expect(sw.errors).toEqual([]);
});
