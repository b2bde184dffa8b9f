/**
 * Node-only fixture harness (tests, CLI and benchmarks; never bundled into the
 * extension). Lists the saved pages under fixtures/pages/<folder>/, finds the
 * URL each was captured from, and loads it as a Document.
 *
 * - `NAME.html.gz` / `NAME.html`: real saved pages, with `NAME.html.source.txt`
 *   (repository, licence, "original URL").
 * - `NAME.runParams.json.gz`: only the `window.runParams` object of an
 *   AliExpress item page was saved, not the page. At test time we wrap it into
 *   a minimal page `<script>window.runParams = {...};</script>` so the adapter
 *   reads it from script text exactly as on the live page.
 * - `NAME.written.html`: a page we wrote by hand from the site's documented
 *   structure because no real saved page exists; it must start with a comment
 *   saying so, and give its URL in that comment (`url: https://...`).
 * - `NAME.expected.json`: what the adapter (and the full pipeline) must read.
 *
 * Pages are decoded by src/shared/load-html.node.ts (BOM, valid UTF-8, else the
 * charset declared anywhere in the first 1 MB), as the CLI reads them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makeContext } from "../src/content/base/context.ts";
import type { ListingPatch, SiteAdapter } from "../src/content/base/types.ts";
import { loadPage, parsePage, readPageBytes } from "../src/shared/load-html.node.ts";
import { partialErrors } from "./expect-partial.ts";

export const FIXTURE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures/pages");

export type PageKind = "real" | "run-params" | "written";

export interface FixturePage {
  folder: string;
  /** File name without .gz/.html/.runParams.json/.written: the key for NAME.expected.json. */
  name: string;
  file: string;
  kind: PageKind;
  /** The page's URL, or null when the saved page does not say. */
  url: string | null;
  expectedFile: string;
}

const PAGE_FILE = /^(.+?)(\.written\.html|\.runParams\.json\.gz|\.html\.gz|\.html)$/;

function firstUrl(line: string | undefined): string | null {
  return line?.match(/https?:\/\/[^\s,)]+/)?.[0] ?? null;
}

/** The URL the page came from: its .source.txt "original URL" line, or the `url:` in a written page's comment. */
export function pageUrl(file: string, kind: PageKind): string | null {
  if (kind === "written") {
    const head = readFileSync(file, "utf8").slice(0, 2000);
    return firstUrl(head.match(/url:\s*(\S+)/)?.[0]);
  }
  const source = `${file.replace(/\.gz$/, "")}.source.txt`;
  if (!existsSync(source)) return null;
  const line = readFileSync(source, "utf8")
    .split("\n")
    .find((l) => /^original URL/i.test(l));
  return firstUrl(line);
}

export function fixtureFolders(): string[] {
  return readdirSync(FIXTURE_ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function fixturePages(): FixturePage[] {
  const out: FixturePage[] = [];
  for (const folder of fixtureFolders()) {
    for (const f of readdirSync(join(FIXTURE_ROOT, folder)).sort()) {
      const m = f.match(PAGE_FILE);
      if (!m?.[1] || !m[2]) continue;
      const kind: PageKind =
        m[2] === ".written.html" ? "written" : m[2] === ".runParams.json.gz" ? "run-params" : "real";
      const file = join(FIXTURE_ROOT, folder, f);
      out.push({
        folder,
        name: m[1],
        file,
        kind,
        url: pageUrl(file, kind),
        expectedFile: join(FIXTURE_ROOT, folder, `${m[1]}.expected.json`),
      });
    }
  }
  return out;
}

/** A saved runParams object as a minimal page; `</` is escaped so the JSON cannot close the script. */
export function runParamsPage(json: string, url: string | null): string {
  const canonical = url ? `<link rel="canonical" href="${url}">` : "";
  const body = json.replace(/<\//g, "<\\/");
  return `<!doctype html><html><head>${canonical}</head><body><script>window.runParams = ${body};</script></body></html>`;
}

export function loadFixture(page: FixturePage): Document {
  if (page.kind === "run-params") {
    return parsePage(runParamsPage(new TextDecoder().decode(readPageBytes(page.file)), page.url));
  }
  return loadPage(page.file);
}

/** The URL to run a page under: its own, else a placeholder that no adapter matches (generic layers). */
export function runUrl(page: FixturePage): string {
  return page.url ?? `https://fixture.invalid/${page.folder}/${page.name}`;
}

function kindOf(file: string): PageKind {
  if (file.endsWith(".written.html")) return "written";
  return file.endsWith(".runParams.json.gz") ? "run-params" : "real";
}

/** A fixture file's path: `page("jd", "written_jd_pop_store.written.html")`. */
export function page(folder: string, file: string): string {
  return join(FIXTURE_ROOT, folder, file);
}

/** The URL a fixture file was captured from; throws when the page does not say. */
export function fixtureUrl(file: string): string {
  const url = pageUrl(file, kindOf(file));
  if (!url) throw new Error(`no URL for ${file}`);
  return url;
}

/**
 * Tests read whole real pages: a loaded machine must not cut their extraction
 * short, so they run with a budget far above the content script's. The budget
 * itself is tested with a counting clock (extract.test.ts, adapters.test.ts).
 */
export const TEST_BUDGET = { budgetMs: 60_000 } as const;

/** One adapter on one saved page, directly (no pipeline); throws when the adapter does not take it for a listing. */
export function run(adapter: SiteAdapter, file: string, url = fixtureUrl(file)): ListingPatch {
  const ctx = makeContext(loadPage(file), url, TEST_BUDGET);
  if (!adapter.isListing(ctx)) throw new Error(`${adapter.id}: not a listing: ${file}`);
  return adapter.extract(ctx);
}

export function runHtml(adapter: SiteAdapter, html: string, url: string): { listing: boolean; patch: ListingPatch } {
  const ctx = makeContext(parsePage(html), url, TEST_BUDGET);
  return { listing: adapter.isListing(ctx), patch: adapter.extract(ctx) };
}

/** Differences between an adapter's output and the page's NAME.expected.json (empty when it matches). */
export function expectedErrors(file: string, patch: ListingPatch): string[] {
  const expected = JSON.parse(readFileSync(`${file.replace(PAGE_FILE, "$1")}.expected.json`, "utf8")) as unknown;
  return partialErrors(patch, expected);
}
