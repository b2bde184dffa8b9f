/**
 * Extraction time per page in Node (linkedom), over the real pages in
 * fixtures/pages/** and fixtures/benchmark/html: median and p90 per page
 * (N runs each, parse excluded; the runs go round all the pages, run 1 of
 * every page then run 2, so a burst of load from other processes spreads
 * over all pages instead of landing on one) and per site, and each page's ratio to the
 * median page of the same run (the figure that holds on a loaded machine;
 * the target is every real page within 3x). Time is the process's CPU time
 * (user + system), which other processes on a shared machine do not
 * inflate as they do wall time; `--wall` measures wall time instead.
 * Hand-written pages (`.written.html`) are timed but left out of the median
 * and the ratio check. `--json` for machine output, `--runs N` (default 15).
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
  const wall = argv.includes("--wall");
  const clock = (): number => {
    if (wall) return performance.now();
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const rows: { page: string; site: string; real: boolean; median: number; p90: number; ratio: number }[] = [];
  const loaded: { doc: Document; url: string; ms: number[]; row: (typeof rows)[number] }[] = [];
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
    const row = {
      page: rel,
      site: site === "benchmark" ? `benchmark:${new URL(url).hostname}` : site,
      real: !/\.written\.html$/.test(file),
      median: 0,
      p90: 0,
      ratio: 0,
    };
    rows.push(row);
    loaded.push({ doc, url, ms: [], row });
  }
  // Rounds over every page, not every run of one page in a row: a burst of load from other processes then
  // slows one run of many pages instead of all the runs of one page, so it cannot push one page over 3x.
  for (let i = 0; i < runs; i++) {
    for (const p of loaded) {
      const t0 = clock();
      extractListing(p.doc, p.url, { budgetMs: 60_000 });
      p.ms.push(clock() - t0);
    }
  }
  for (const p of loaded) {
    p.row.median = quantile(p.ms, 0.5);
    p.row.p90 = quantile(p.ms, 0.9);
  }
  const realMedian = quantile(
    rows.filter((r) => r.real).map((r) => r.median),
    0.5,
  );
  for (const r of rows) r.ratio = realMedian > 0 ? r.median / realMedian : 0;
  const over = rows.filter((r) => r.real && r.ratio > 3);
  const bySite = new Map<string, number[]>();
  for (const r of rows) bySite.set(r.site, [...(bySite.get(r.site) ?? []), r.median]);
  const sites = [...bySite].map(([site, xs]) => ({
    site,
    pages: xs.length,
    median: quantile(xs, 0.5),
    p90: quantile(xs, 0.9),
  }));
  const all = rows.map((r) => r.median);
  const summary = {
    pages: rows.length,
    runs,
    clock: wall ? "wall" : "cpu",
    median: quantile(all, 0.5),
    p90: quantile(all, 0.9),
    realMedian,
    maxRatio: Math.max(0, ...rows.filter((r) => r.real).map((r) => r.ratio)),
    over3x: over.map((r) => r.page),
  };
  if (argv.includes("--json")) {
    console.log(JSON.stringify({ summary, sites, pages: rows }, null, 2));
    return;
  }
  const f = (x: number): string => x.toFixed(2).padStart(8);
  console.log(
    `extraction in Node/linkedom, ${rows.length} pages x ${runs} runs (${summary.clock} ms, parse excluded)\n`,
  );
  console.log(`${"site".padEnd(40)}pages  median     p90`);
  for (const s of sites.sort((a, b) => a.site.localeCompare(b.site)))
    console.log(`${s.site.padEnd(40)}${String(s.pages).padStart(5)}${f(s.median)}${f(s.p90)}`);
  console.log(
    `${"ALL (per-page medians)".padEnd(40)}${String(summary.pages).padStart(5)}${f(summary.median)}${f(summary.p90)}`,
  );
  const x = (r: number): string => `${r.toFixed(2)}x`.padStart(8);
  console.log(
    `\nreal pages: median page ${realMedian.toFixed(2)} ms; slowest ${x(summary.maxRatio).trim()} the median; ` +
      `${over.length} over 3x${over.length > 0 ? `: ${over.map((r) => r.page).join(", ")}` : ""}`,
  );
  if (argv.includes("--pages")) {
    console.log(`\n${"page".padEnd(90)}  median     p90  /median`);
    for (const r of [...rows].sort((a, b) => b.ratio - a.ratio))
      console.log(`${r.page.padEnd(90)}${f(r.median)}${f(r.p90)}${r.real ? x(r.ratio) : "  (written)"}`);
  }
}

main();
