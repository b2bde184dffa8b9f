/**
 * The listing check's guard: pages that are not one listing (search results,
 * category grids, home pages, carts, articles; fixtures/not-listing/<kind>/)
 * must never be taken for one, whether read as saved (with their own
 * structured data, through the full pipeline with the site adapters and
 * through the generic layers alone) or stripped of it (the generic layers on
 * the visible page, as on a shop with no structured data). Real saved pages
 * carry a `.source.txt`; pages written by hand say so in their first comment
 * (no real page of that kind was among the saved ones). The other way round, the
 * real listing pages of fixtures/pages must still be taken.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stripStructuredData } from "../../../scripts/held-out-lib.ts";
import { fixturePages, pageUrl, runUrl } from "../../../test-support/fixture-pages.node.ts";
import { loadPage } from "../../shared/load-html.node.ts";
import { extractListing } from "../pipeline.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..", "fixtures", "not-listing");

interface Page {
  kind: string;
  name: string;
  file: string;
  url: string;
  written: boolean;
}

function pages(): Page[] {
  const out: Page[] = [];
  for (const kind of readdirSync(ROOT, { withFileTypes: true })) {
    if (!kind.isDirectory()) continue;
    for (const name of readdirSync(join(ROOT, kind.name)).sort()) {
      const file = join(ROOT, kind.name, name);
      const written = name.endsWith(".written.html");
      if (!written && !name.endsWith(".html.gz")) continue;
      if (!written && !existsSync(`${file.replace(/\.gz$/, "")}.source.txt`))
        throw new Error(`${name}: a saved page needs its .source.txt`);
      if (written && !readFileSync(file, "utf8").startsWith("<!-- WRITTEN page"))
        throw new Error(`${name}: a hand-written page must say so in its first comment`);
      // A saved page whose note gives no URL runs under a made-up one (no adapter is registered for it).
      const url = pageUrl(file, written ? "written" : "real") ?? `https://${kind.name}.invalid/${name}`;
      out.push({ kind: kind.name, name, file, url, written });
    }
  }
  return out;
}

const ALL = pages();

describe("the listing check refuses pages that are not one listing (fixtures/not-listing)", () => {
  it("has real and hand-written pages of every kind it names", () => {
    expect(new Set(ALL.map((p) => p.kind))).toEqual(new Set(["article", "search", "category", "home", "cart"]));
    expect(ALL.some((p) => !p.written)).toBe(true);
  });

  for (const page of ALL) {
    it(`${page.kind}/${page.name}${page.written ? " (hand-written)" : ""}: as saved and stripped`, () => {
      const saved = extractListing(loadPage(page.file), page.url);
      expect(saved.isListing, "as saved, with the site adapters").toBe(false);
      const generic = extractListing(loadPage(page.file), page.url, { adapters: false });
      expect(generic.isListing, "as saved, generic layers only").toBe(false);
      const doc = loadPage(page.file);
      stripStructuredData(doc);
      const stripped = extractListing(doc, page.url, { adapters: false });
      expect(stripped.isListing, "stripped, generic layers only").toBe(false);
    });
  }
});

describe("and still takes the real listing pages (fixtures/pages, generic layers only, as saved)", () => {
  // JD's two item pages were not taken by the generic layers before the guard either (only JD's adapter reads them).
  const NOT_BEFORE = new Set(["jd/htmlpick_jd_917461", "jd/node-worm_jd_1020565583"]);
  const real = fixturePages().filter((p) => p.kind === "real" && p.file.endsWith(".html.gz"));
  it("has the real saved pages", () => {
    expect(real.length).toBeGreaterThan(30);
  });
  for (const p of real) {
    const key = `${p.folder}/${p.name}`;
    it(`${key}${NOT_BEFORE.has(key) ? " (not taken, as before)" : ""}`, () => {
      const r = extractListing(loadPage(p.file), runUrl(p), { adapters: false, budgetMs: 20_000 });
      expect(r.isListing).toBe(!NOT_BEFORE.has(key));
    });
  }
});
