/**
 * `npm run eval:detect`: precision, recall and F1 of "risk medium or high"
 * against the labelled listings in fixtures/labeled/ (dev.jsonl and
 * native-dev.jsonl; label "counterfeit" is positive, read the README there for
 * the caveats), the share of benign native listings flagged, and the share of
 * real genuine fixture pages (fixtures/pages/, through the extractor) flagged
 * medium or high. Flags: --json, --verbose (lists every miss and false alarm),
 * --pack FILE (instead of public/packs/default.json), --split (also report the
 * two halves of each labelled file: "tune" = even line indices 0, 2, 4, ...,
 * "held-out" = odd ones; tune on the first, read generalisation off the second).
 *
 * Always reports a third-party check ("genuinely priced branded listings from
 * third-party stores on a marketplace are not flagged high"), on synthetic
 * variations of real genuine data, described in thirdParty() below.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPack, toListing } from "../cli/score.ts";
import { compile, score } from "../src/engine/index.ts";
import { referenceOf } from "../src/engine/score.ts";
import { emptySeller, type Listing } from "../src/shared/listing.ts";
import type { Verdict } from "../src/shared/verdict.ts";

const ROOT = join(import.meta.dirname, "..");
const LABELED = join(ROOT, "fixtures", "labeled");
const PAGES = join(ROOT, "fixtures", "pages");

interface Row {
  id: string;
  /** 0-based line index among the file's records: even = tune half, odd = held-out half. */
  index: number;
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

function readLabeled(file: string): Record<string, unknown>[] {
  return readFileSync(join(LABELED, file), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function runLabeled(file: string, matcher: ReturnType<typeof compile>): Row[] {
  const rows: Row[] = [];
  for (const r of readLabeled(file)) {
    const raw = r as { id: string; title: string; label: string };
    rows.push({
      index: rows.length,
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
  listing: Listing | null;
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
  let extract: typeof import("../src/content/pipeline.ts").extractListing;
  let load: typeof import("../cli/lib/load-html.ts").loadPage;
  try {
    extract = (await import("../src/content/pipeline.ts")).extractListing;
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
          listing: listing ?? null,
          title: listing?.title ?? null,
          verdict: listing ? score(listing, matcher) : null,
          note: listing ? null : "not a listing",
        });
      } catch (e) {
        rows.push({
          file: `${dir}/${f}`,
          written: f.startsWith("written_"),
          listing: null,
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

interface VariantResult {
  variant: string;
  n: number;
  medium: number;
  high: number;
  examples: string[];
}

const THIRD_PARTY = { name: "Brightside Trading", id: "A3THIRDPARTY0", official: false } as const;

/**
 * "Genuinely priced branded listings from third-party stores on a marketplace
 * are not flagged high." No labelled field data of that kind exists here, so
 * the check is built from real genuine data, varied honestly:
 *  A. real genuine fixture pages that claim a brand, as extracted, with the
 *     seller replaced by an ordinary third-party store (not official, not
 *     authorised, no ratings);
 *  B. the same, re-priced at the engine's own reference price for the brand
 *     or model named (what a genuine item at list price looks like);
 *  C. the same at 60 % of that reference (a normal sale or street price);
 *  D. the genuine brand-store records of dev.jsonl (Nike, adidas, Burberry,
 *     Prada, Bottega Veneta at their retail prices) re-listed on amazon.com by
 *     that third-party store, the brand name prefixed to titles that lack it;
 *  E. the same at 60 % of the retail price.
 * A and B should be low; nothing should be high; C and E may be medium only
 * where the reference is a model's list price and 60 % is close to its threshold.
 */
function thirdParty(pages: PageRow[] | string, matcher: ReturnType<typeof compile>): VariantResult[] {
  const out: VariantResult[] = [];
  const run = (variant: string, listings: Listing[]) => {
    const res: VariantResult = { variant, n: listings.length, medium: 0, high: 0, examples: [] };
    for (const l of listings) {
      const v = score(l, matcher);
      if (v.risk === "medium") res.medium++;
      if (v.risk === "high") res.high++;
      // Every high one is listed (none should be), then medium ones up to five examples.
      if (v.risk === "high" || (flagged(v) && res.examples.length < 5))
        res.examples.push(
          `${v.risk} ${v.score} ${l.title?.slice(0, 60)} @ ${l.price?.amount} ${l.price?.currency} | ${v.reasons.map((x) => `${x.signal}:${x.weight}`).join(" ")}`,
        );
    }
    out.push(res);
  };
  const asThirdParty = (l: Listing): Listing => ({
    ...l,
    seller: {
      ...(l.seller ?? emptySeller()),
      ...THIRD_PARTY,
      positivePercent: null,
      feedbackCount: null,
      memberSince: null,
    },
  });
  const atShare = (l: Listing, share: number): Listing | null => {
    const ref = referenceOf(l, matcher);
    if (!ref) return null;
    return {
      ...l,
      priceRange: null,
      priceConflict: null,
      price: { amount: (ref.usd * share).toFixed(2), currency: "USD" },
    };
  };
  if (typeof pages !== "string") {
    const branded = pages
      .filter((p) => !p.written && p.listing && referenceOf(p.listing, matcher))
      .map((p) => asThirdParty(p.listing as Listing));
    run("A real genuine pages, third-party seller", branded);
    run(
      "B ... re-priced at reference",
      branded.map((l) => atShare(l, 1)).filter((l): l is Listing => l !== null),
    );
    run(
      "C ... at 60% of reference",
      branded.map((l) => atShare(l, 0.6)).filter((l): l is Listing => l !== null),
    );
  }
  const genuine = readLabeled("dev.jsonl").filter((r) => r.label === "genuine");
  const relisted = genuine.map((raw, i) => {
    const l = toListing(raw);
    const brandName = l.seller?.name ?? "";
    const title = l.title ?? "";
    return asThirdParty({
      ...l,
      url: `https://www.amazon.com/dp/B0TEST${String(i).padStart(4, "0")}`,
      marketplace: "amazon",
      title: title.toLowerCase().includes(brandName.toLowerCase()) ? title : `${brandName} ${title}`,
    });
  });
  run("D dev brand-store items relisted on Amazon by a third party", relisted);
  run(
    "E ... at 60% of retail",
    relisted.map((l) =>
      l.price ? { ...l, price: { ...l.price, amount: String(Math.round(Number(l.price.amount) * 0.6)) } } : l,
    ),
  );
  return out;
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
  const split = args.includes("--split");
  const half = (rows: Row[], odd: number) => metrics(rows.filter((r) => r.index % 2 === odd));
  const result = {
    dev: metrics(dev),
    native: metrics(native),
    ...(split
      ? {
          devTune: half(dev, 0),
          devHeldOut: half(dev, 1),
          nativeTune: half(native, 0),
          nativeHeldOut: half(native, 1),
        }
      : {}),
    thirdParty: thirdParty(pages, matcher),
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
  if (result.devTune && result.devHeldOut) {
    console.log(line("  tune (even)", result.devTune));
    console.log(line("  held-out (odd)", result.devHeldOut));
  }
  console.log(line("native-dev.jsonl", result.native));
  if (result.nativeTune && result.nativeHeldOut) {
    console.log(line("  tune (even)", result.nativeTune));
    console.log(line("  held-out (odd)", result.nativeHeldOut));
  }
  if (typeof pages === "string") console.log(pages);
  else {
    console.log(`genuine pages      ${JSON.stringify(genuine)}`);
    console.log(`written pages      ${JSON.stringify(written)} (project-written fixtures, not all genuine)`);
  }
  console.log("third-party check (synthetic variations of real genuine data; none should be high):");
  for (const t of result.thirdParty) {
    console.log(`  ${t.variant.padEnd(62)} n=${t.n} medium=${t.medium} high=${t.high}`);
    if (args.includes("--verbose")) for (const e of t.examples) console.log(`    ${e}`);
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
