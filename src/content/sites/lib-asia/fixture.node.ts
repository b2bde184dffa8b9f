/**
 * Test support for the lib-asia adapters (Node only, never bundled): load a
 * fixture page, run one adapter on it directly, and compare with its
 * NAME.expected.json.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPage, parsePage, readPageBytes, sniffCharset } from "../../../../cli/lib/load-html.ts";
import { makeContext } from "../lib/context.ts";
import { partialErrors } from "../lib/expect-partial.ts";
import type { ListingPatch, SiteAdapter } from "../types.ts";

export const PAGES = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../fixtures/pages");

/**
 * loadPage, plus one repair: cli/lib/load-html.ts only sniffs <meta charset>
 * in the first 4 KB, and the saved Tmall page declares GBK after 150 KB of
 * injected <script> tags, so it is decoded as UTF-8. When the bytes are not
 * valid UTF-8 we decode with the charset the page declares further down, as a
 * browser's parser would (HTML "change the encoding"). Reported to the lead;
 * remove once load-html looks further.
 */
export function loadFixturePage(file: string): Document {
  const bytes = readPageBytes(file);
  if (sniffCharset(bytes) !== "utf-8") return loadPage(file);
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return loadPage(file);
  } catch {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512 * 1024));
    const label = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i)?.[1] ?? "utf-8";
    return parsePage(new TextDecoder(label).decode(bytes));
  }
}

/** The URL a fixture was captured from: .source.txt "original URL", or `url:` in a written page's first comment. */
export function fixtureUrl(file: string): string {
  const written = file.endsWith(".written.html");
  const head = written
    ? new TextDecoder("latin1").decode(readPageBytes(file).subarray(0, 2000))
    : readFileSync(`${file.replace(/\.gz$/, "")}.source.txt`, "utf8");
  const m = written ? head.match(/url:\s*(https?:\/\/\S+)/) : head.match(/original URL[^:]*:\s*(https?:\/\/\S+)/i);
  if (!m?.[1]) throw new Error(`no URL for ${file}`);
  return m[1];
}

export function page(folder: string, file: string): string {
  return resolve(PAGES, folder, file);
}

export function run(adapter: SiteAdapter, file: string, url = fixtureUrl(file)): ListingPatch {
  const ctx = makeContext(loadFixturePage(file), url);
  if (!adapter.isListing(ctx)) throw new Error(`${adapter.id}: not a listing: ${file}`);
  return adapter.extract(ctx);
}

export function runHtml(adapter: SiteAdapter, html: string, url: string): { listing: boolean; patch: ListingPatch } {
  const ctx = makeContext(parsePage(html), url);
  return { listing: adapter.isListing(ctx), patch: adapter.extract(ctx) };
}

/** Differences between an adapter's output and the page's NAME.expected.json (empty when it matches). */
export function expectedErrors(file: string, patch: ListingPatch): string[] {
  const name = file.replace(/(\.written\.html|\.html\.gz|\.html)$/, "");
  const expected = JSON.parse(readFileSync(`${name}.expected.json`, "utf8")) as unknown;
  return partialErrors(patch, expected);
}
