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
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPage, parsePage, readPageBytes, sniffCharset } from "../../../../cli/lib/load-html.ts";

export const FIXTURE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures/pages");

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

/**
 * loadPage, plus one repair: load-html sniffs <meta charset> in the first 4 KB
 * only, and some saved pages (the Tmall one) declare GBK after 150 KB of
 * injected scripts. When the bytes are not valid UTF-8 we decode with the
 * charset declared further down, as a browser's parser would.
 */
export function loadSavedPage(file: string): Document {
  const bytes = readPageBytes(file);
  if (sniffCharset(bytes) !== "utf-8") return loadPage(file);
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return loadPage(file);
  } catch {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512 * 1024));
    const label = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i)?.[1] ?? "utf-8";
    try {
      return parsePage(new TextDecoder(label).decode(bytes));
    } catch {
      return loadPage(file);
    }
  }
}

export function loadFixture(page: FixturePage): Document {
  if (page.kind === "run-params") {
    return parsePage(runParamsPage(new TextDecoder().decode(readPageBytes(page.file)), page.url));
  }
  return loadSavedPage(page.file);
}

/** The URL to run a page under: its own, else a placeholder that no adapter matches (generic layers). */
export function runUrl(page: FixturePage): string {
  return page.url ?? `https://fixture.invalid/${page.folder}/${page.name}`;
}
