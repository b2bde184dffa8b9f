/**
 * Extraction time per page in Node (linkedom), over the real pages in
 * fixtures/pages/** and fixtures/benchmark/html: median and p90 per page
 * (N runs each, parse excluded) and per site. `--json` for machine output,
 * `--runs N` (default 15).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { extractListing } from "../src/content/pipeline.ts";
import { loadPage } from "../src/shared/load-html.node.ts";

const ROOT = join(import.meta.dirname, "..", "fixtures");

function walk(dir: string, out: string[]): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.html(\.gz)?$/.test(e)) out.push(p);
  }
  return out;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] ?? 0;
}

/** The URL a page was saved from: the benchmark's ground truth, else the canonical/og:url of the page. */
function pageUrl(doc: Document, fallback: string): string {
  const href =
    doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute("content");
  try {
    return new URL(href ?? fallback).href;
  } catch {
    return fallback;
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  const runs = Number(argv[argv.indexOf("--runs") + 1]) || 15;
  const files = walk(ROOT, []);
  const truth = JSON.parse(readFileSync(join(ROOT, "benchmark", "ground-truth.json"), "utf8")) as Record<
    string,
    { url: string }
  >;
  const rows: { page: string; site: string; median: number; p90: number }[] = [];
  for (const file of files) {
    let doc: Document;
    try {
      doc = loadPage(file);
    } catch {
      continue;
    }
    const rel = relative(ROOT, file).split("\\").join("/");
    const site = rel.startsWith("benchmark") ? "benchmark" : (rel.split("/")[1] ?? "other");
    const known = truth[basename(file).replace(/\.html(\.gz)?$/, "")]?.url;
    const url = known ?? pageUrl(doc, `https://${site}.example/${basename(file)}`);
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      extractListing(doc, url, { budgetMs: 60_000 });
      ms.push(performance.now() - t0);
    }
    rows.push({
      page: rel,
      site: site === "benchmark" ? `benchmark:${new URL(url).hostname}` : site,
      median: quantile(ms, 0.5),
      p90: quantile(ms, 0.9),
    });
  }
  const bySite = new Map<string, number[]>();
  for (const r of rows) bySite.set(r.site, [...(bySite.get(r.site) ?? []), r.median]);
  const sites = [...bySite].map(([site, xs]) => ({
    site,
    pages: xs.length,
    median: quantile(xs, 0.5),
    p90: quantile(xs, 0.9),
  }));
  const all = rows.map((r) => r.median);
  const summary = { pages: rows.length, runs, median: quantile(all, 0.5), p90: quantile(all, 0.9) };
  if (argv.includes("--json")) {
    console.log(JSON.stringify({ summary, sites, pages: rows }, null, 2));
    return;
  }
  const f = (x: number): string => x.toFixed(2).padStart(8);
  console.log(`extraction in Node/linkedom, ${rows.length} pages x ${runs} runs (ms, parse excluded)\n`);
  console.log(`${"site".padEnd(40)}pages  median     p90`);
  for (const s of sites.sort((a, b) => a.site.localeCompare(b.site)))
    console.log(`${s.site.padEnd(40)}${String(s.pages).padStart(5)}${f(s.median)}${f(s.p90)}`);
  console.log(
    `${"ALL (per-page medians)".padEnd(40)}${String(summary.pages).padStart(5)}${f(summary.median)}${f(summary.p90)}`,
  );
  if (argv.includes("--pages")) for (const r of rows) console.log(`${r.page.padEnd(70)}${f(r.median)}${f(r.p90)}`);
}

main();
