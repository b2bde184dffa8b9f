/**
 * `npm run eval:detect`: precision, recall and F1 of "risk medium or high"
 * against the labelled listings in fixtures/labeled/ (dev.jsonl and
 * native-dev.jsonl; label "counterfeit" is positive, read the README there for
 * the caveats), the share of benign native listings flagged, and the share of
 * real genuine fixture pages (fixtures/pages/, through the extractor) flagged
 * medium or high. Flags: --json, --verbose (lists every miss and false alarm),
 * --pack FILE (instead of public/packs/default.json).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPack, toListing } from "../cli/score.ts";
import { compile, score } from "../src/engine/index.ts";
import type { Verdict } from "../src/shared/verdict.ts";

const ROOT = join(import.meta.dirname, "..");
const LABELED = join(ROOT, "fixtures", "labeled");
const PAGES = join(ROOT, "fixtures", "pages");

interface Row {
  id: string;
  title: string;
  positive: boolean;
  verdict: Verdict;
}

interface Metrics {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  negativesFlagged: number;
  highOnNegatives: number;
}

const flagged = (v: Verdict) => v.risk === "medium" || v.risk === "high";

function metrics(rows: Row[]): Metrics {
  const tp = rows.filter((r) => r.positive && flagged(r.verdict)).length;
  const fp = rows.filter((r) => !r.positive && flagged(r.verdict)).length;
  const positives = rows.filter((r) => r.positive).length;
  const negatives = rows.length - positives;
  const fn = positives - tp;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = positives > 0 ? tp / positives : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const high = rows.filter((r) => !r.positive && r.verdict.risk === "high").length;
  return {
    n: rows.length,
    positives,
    tp,
    fp,
    fn,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    negativesFlagged: round(negatives > 0 ? fp / negatives : 0),
    highOnNegatives: high,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function runLabeled(file: string, matcher: ReturnType<typeof compile>): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(join(LABELED, file), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as { id: string; title: string; label: string };
    rows.push({
      id: raw.id,
      title: raw.title,
      positive: raw.label === "counterfeit",
      verdict: score(toListing(raw), matcher),
    });
  }
  return rows;
}

interface PageRow {
  file: string;
  written: boolean;
  title: string | null;
  verdict: Verdict | null;
  note: string | null;
}

/** The page URL recorded in its .source.txt, so the extractor picks the right site adapter. */
function pageUrl(file: string): string {
  const src = file.replace(/\.gz$/, "").concat(".source.txt");
  if (existsSync(src)) {
    const m = readFileSync(src, "utf8").match(/(?:original URL\(s\) found in file|url):\s*(\S+)/i);
    if (m?.[1]) return m[1].replace(/[,;]$/, "");
  }
  return "https://shop.example/";
}

async function runPages(matcher: ReturnType<typeof compile>): Promise<PageRow[] | string> {
  if (!existsSync(PAGES)) return "fixtures/pages/ not present: genuine pages skipped";
  let extract: typeof import("../src/content/extract/extract.ts").extractListing;
  let load: typeof import("../cli/lib/load-html.ts").loadPage;
  try {
    extract = (await import("../src/content/extract/extract.ts")).extractListing;
    load = (await import("../cli/lib/load-html.ts")).loadPage;
  } catch (e) {
    return `extractor not available (${String(e)}): genuine pages skipped`;
  }
  const rows: PageRow[] = [];
  for (const dir of readdirSync(PAGES)) {
    const full = join(PAGES, dir);
    let files: string[];
    try {
      files = readdirSync(full);
    } catch {
      continue;
    }
    for (const f of files.filter((x) => /\.html(\.gz)?$/.test(x))) {
      const path = join(full, f);
      try {
        const { listing } = extract(load(path), pageUrl(path), { budgetMs: 10_000 });
        rows.push({
          file: `${dir}/${f}`,
          written: f.startsWith("written_"),
          title: listing?.title ?? null,
          verdict: listing ? score(listing, matcher) : null,
          note: listing ? null : "not a listing",
        });
      } catch (e) {
        rows.push({
          file: `${dir}/${f}`,
          written: f.startsWith("written_"),
          title: null,
          verdict: null,
          note: String(e),
        });
      }
    }
  }
  return rows;
}

function pageSummary(rows: PageRow[]) {
  const scored = rows.filter((r) => r.verdict);
  return {
    pages: rows.length,
    scored: scored.length,
    flaggedMediumOrHigh: scored.filter((r) => r.verdict && flagged(r.verdict)).length,
    flaggedHigh: scored.filter((r) => r.verdict?.risk === "high").length,
    shareFlagged: round(
      scored.length ? scored.filter((r) => r.verdict && flagged(r.verdict)).length / scored.length : 0,
    ),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const packArg = args.indexOf("--pack");
  const packFile = packArg >= 0 ? (args[packArg + 1] ?? "") : join(ROOT, "public", "packs", "default.json");
  if (!existsSync(packFile)) {
    console.error(`pack not found: ${packFile}`);
    process.exit(2);
  }
  const matcher = compile([loadPack(packFile)], { now: "2026-01-01" });
  const dev = runLabeled("dev.jsonl", matcher);
  const native = runLabeled("native-dev.jsonl", matcher);
  const pages = await runPages(matcher);
  const genuine = typeof pages === "string" ? null : pageSummary(pages.filter((p) => !p.written));
  const written = typeof pages === "string" ? null : pageSummary(pages.filter((p) => p.written));
  const result = {
    dev: metrics(dev),
    native: metrics(native),
    genuinePages: genuine ?? pages,
    writtenPages: written,
    targets: {
      devPrecision: 0.95,
      devRecall: 0.9,
      nativeRecall: 0.8,
      nativeBenignFlaggedMax: 0.01,
      genuinePagesHigh: 0,
    },
  };
  if (args.includes("--json")) {
    console.log(JSON.stringify(result));
    return;
  }
  const line = (name: string, m: Metrics) =>
    `${name.padEnd(18)} n=${m.n} pos=${m.positives}  P=${m.precision.toFixed(3)} R=${m.recall.toFixed(3)} F1=${m.f1.toFixed(3)}  negatives flagged=${(m.negativesFlagged * 100).toFixed(1)}% (high: ${m.highOnNegatives})`;
  console.log(line("dev.jsonl", result.dev));
  console.log(line("native-dev.jsonl", result.native));
  if (typeof pages === "string") console.log(pages);
  else {
    console.log(`genuine pages      ${JSON.stringify(genuine)}`);
    console.log(`written pages      ${JSON.stringify(written)} (project-written fixtures, not all genuine)`);
  }
  if (args.includes("--verbose")) {
    const show = (tag: string, r: Row) =>
      console.log(
        `  ${tag} ${r.verdict.risk.padEnd(7)} ${String(r.verdict.score).padStart(3)} ${r.id} ${r.title.slice(0, 90)} | ${r.verdict.reasons.map((x) => `${x.signal}:${x.weight}`).join(" ")}`,
      );
    for (const r of [...dev, ...native]) {
      if (r.positive && !flagged(r.verdict)) show("MISS", r);
      if (!r.positive && flagged(r.verdict)) show("FALSE", r);
    }
    if (typeof pages !== "string") {
      for (const p of pages) {
        if (p.verdict && flagged(p.verdict))
          console.log(
            `  PAGE ${p.verdict.risk} ${p.verdict.score} ${p.file} ${p.title?.slice(0, 80)} | ${p.verdict.reasons.map((x) => `${x.signal}:${x.weight}:${x.evidence?.text.slice(0, 30)}`).join(" ")}`,
          );
      }
    }
  }
}

await main();
