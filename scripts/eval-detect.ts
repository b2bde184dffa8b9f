/**
 * `npm run eval:detect [-- --json] [--verbose] [--pack FILE]`: how the engine
 * does per source, on data it was not tuned on.
 *
 * Corpora (one source each, named as in eval-detect-lib.ts `sourceOf`):
 *  - fixtures/labeled/dev.jsonl: reps-sheet counterfeits and brand-store
 *    genuine items, one source per repository the rows came from;
 *  - fixtures/labeled/native-dev.jsonl: sellers' own titles, one source per
 *    marketplace (id prefix), counterfeit and ordinary goods;
 *  - fixtures/labeled/more/replica-catalogues.jsonl (A2..A5, counterfeit) and
 *    genuine-retail.jsonl (B2 Flipkart, B3 Olive Young, B4 JD Sports);
 *  - "benchmark": the product-extraction benchmark's shop pages
 *    (fixtures/benchmark/html, all genuine shops), extracted in Node as
 *    `npm run scan` does;
 *  - "pages": the real saved pages under fixtures/pages (project-written
 *    pages, named written_*, are listed apart and not counted as genuine).
 * Label "counterfeit" is positive; everything else (genuine, benign) negative.
 *
 * Figures: per source, recall (positives flagged medium or high), precision
 * (only where a source holds both classes), and the false-alarm rates, high and
 * medium-or-high, on its negatives; once with the shipped cut-offs and once
 * leave-one-source-out (cut-offs chosen on every other source, rule and grid
 * in eval-detect-lib.ts). The summary pools the held-out verdicts and prints
 * the done-when targets beside them. Also a third-party check on synthetic
 * variations of real genuine data (thirdParty() below).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPack, toListing } from "../cli/lib/score-lines.ts";
import { compile } from "../src/engine/compiler.ts";
import { score } from "../src/engine/index.ts";
import { referenceOf } from "../src/engine/score.ts";
import { HIGH_AT, MEDIUM_AT } from "../src/engine/weights.ts";
import { emptySeller, type Listing } from "../src/shared/listing.ts";
import type { Verdict } from "../src/shared/verdict.ts";
import {
  type Cutoffs,
  choose,
  type EvalRow,
  fmt,
  groupBySource,
  isFlag,
  labelDisputed,
  leaveOneSourceOut,
  type Metrics,
  metricsAt,
  metricsOf,
  type Risk,
  sourceOf,
  TARGETS,
} from "./eval-detect-lib.ts";

const ROOT = join(import.meta.dirname, "..");
const LABELED = join(ROOT, "fixtures", "labeled");
const PAGES = join(ROOT, "fixtures", "pages");
const BENCHMARK = join(ROOT, "fixtures", "benchmark");
const LABELED_FILES = ["dev.jsonl", "native-dev.jsonl", "more/replica-catalogues.jsonl", "more/genuine-retail.jsonl"];

const SHIPPED: Cutoffs = { medium: Math.round(MEDIUM_AT * 100), high: Math.round(HIGH_AT * 100) };

type Matcher = ReturnType<typeof compile>;

/** A scored row with what the report prints about it. */
interface Scored extends EvalRow {
  file: string;
  title: string;
  verdict: Verdict;
  /** The annotator's note on the label, when the file gives one. */
  labelReason: string | null;
}

function readLabeled(file: string): Record<string, unknown>[] {
  return readFileSync(join(LABELED, file), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function scoredRow(
  id: string,
  source: string,
  positive: boolean,
  file: string,
  title: string,
  v: Verdict,
  labelReason: string | null = null,
): Scored {
  return { id, source, positive, score: v.score, risk: v.risk, file, title, verdict: v, labelReason };
}

function runLabeled(file: string, matcher: Matcher): Scored[] {
  return readLabeled(file).map((raw) => {
    const r = raw as { id: string; title: string; label: string; label_reason?: unknown };
    return scoredRow(
      r.id,
      sourceOf(file, raw),
      r.label === "counterfeit",
      file,
      r.title,
      score(toListing(raw), matcher),
      typeof r.label_reason === "string" ? r.label_reason : null,
    );
  });
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
    const m = readFileSync(src, "utf8").match(/(?:original URL\(s\) found in file|url):\s*(https?:\/\/\S+)/i);
    if (m?.[1]) return m[1].replace(/[,;]$/, "");
  }
  return "https://shop.example/";
}

type Extract = typeof import("../src/content/pipeline.ts").extractListing;
type Load = typeof import("../src/shared/load-html.node.ts").loadPage;

/** Extract and score one saved page as `npm run scan` does; a failure is a row with a note, never a crash. */
function pageRow(extract: Extract, load: Load, path: string, url: string, name: string, matcher: Matcher): PageRow {
  const written = /(^|\/)written_/.test(name);
  try {
    const { listing } = extract(load(path), url, { budgetMs: 10_000 });
    return {
      file: name,
      written,
      listing: listing ?? null,
      title: listing?.title ?? null,
      verdict: listing ? score(listing, matcher) : null,
      note: listing ? null : "not a listing",
    };
  } catch (e) {
    return { file: name, written, listing: null, title: null, verdict: null, note: String(e) };
  }
}

async function extractor(): Promise<{ extract: Extract; load: Load } | string> {
  try {
    return {
      extract: (await import("../src/content/pipeline.ts")).extractListing,
      load: (await import("../src/shared/load-html.node.ts")).loadPage,
    };
  } catch (e) {
    return `extractor not available (${String(e)})`;
  }
}

async function runPages(matcher: Matcher): Promise<PageRow[] | string> {
  if (!existsSync(PAGES)) return "fixtures/pages/ not present: real pages skipped";
  const ex = await extractor();
  if (typeof ex === "string") return `${ex}: real pages skipped`;
  const rows: PageRow[] = [];
  for (const dir of readdirSync(PAGES).sort()) {
    const full = join(PAGES, dir);
    if (!existsSync(full) || !readdirSync(full)) continue;
    for (const f of readdirSync(full)
      .filter((x) => /\.html(\.gz)?$/.test(x))
      .sort()) {
      const path = join(full, f);
      rows.push(pageRow(ex.extract, ex.load, path, pageUrl(path), `${dir}/${f}`, matcher));
    }
  }
  return rows;
}

/** The benchmark's shop pages at the URLs its ground truth records. */
async function runBenchmark(matcher: Matcher): Promise<PageRow[] | string> {
  const truthFile = join(BENCHMARK, "ground-truth.json");
  if (!existsSync(truthFile)) return "fixtures/benchmark/ not present: benchmark pages skipped";
  const ex = await extractor();
  if (typeof ex === "string") return `${ex}: benchmark pages skipped`;
  const truth = JSON.parse(readFileSync(truthFile, "utf8")) as Record<string, { url: string }>;
  return Object.entries(truth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, gt]) => pageRow(ex.extract, ex.load, join(BENCHMARK, "html", `${id}.html.gz`), gt.url, id, matcher));
}

/** Pages that gave a listing, as negative rows of one source. */
function pageRows(pages: PageRow[] | string, source: string): Scored[] {
  if (typeof pages === "string") return [];
  return pages
    .filter((p) => !p.written && p.verdict)
    .map((p) => scoredRow(p.file, source, false, source, p.title ?? "", p.verdict as Verdict));
}

const flagged = (v: Verdict) => isFlag(v.risk);

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
 *     or model named, in the page's own currency (referenceOf: the price
 *     the verdict's price evidence binds to; what a genuine item at list
 *     price looks like);
 *  C. the same at 60 % of that reference (a normal sale or street price);
 *  D. the genuine brand-store records of dev.jsonl (Nike, adidas, Burberry,
 *     Prada, Bottega Veneta at their retail prices) re-listed on amazon.com by
 *     that third-party store, the brand name prefixed to titles that lack it;
 *  E. the same at 60 % of the retail price.
 * A and B should be low; nothing should be high; C and E may be medium only
 * where the reference is a model's list price and 60 % is close to its threshold.
 */
function thirdParty(pages: PageRow[] | string, matcher: Matcher): VariantResult[] {
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
      // In the listing's own currency, as the engine reads the reference for it.
      price: { amount: (Number(ref.price.amount) * share).toFixed(2), currency: ref.price.currency },
    };
  };
  if (typeof pages !== "string") {
    // The reference is read for the page as a third party's listing: a brand's own store compares no price.
    const branded = pages
      .filter((p) => !p.written && p.listing)
      .map((p) => asThirdParty(p.listing as Listing))
      .filter((l) => referenceOf(l, matcher));
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

const KIND_ORDER = ["reps", "native", "catalogue", "genuine"] as const;

/** What kind of corpus a source is, for the table's order and the summary's groups. */
function kindOf(rows: readonly EvalRow[]): (typeof KIND_ORDER)[number] {
  const source = rows[0]?.source ?? "";
  if (source.startsWith("native:")) return "native";
  if (!rows.some((r) => r.positive)) return "genuine";
  return source.startsWith("dev:") ? "reps" : "catalogue";
}

interface SourceReport {
  source: string;
  kind: (typeof KIND_ORDER)[number];
  shipped: Metrics;
  loso: Metrics;
  losoCutoffs: Cutoffs;
}

interface Summary {
  counterfeitRecall: number | null;
  counterfeitPrecision: number | null;
  worstCounterfeitSourceRecall: number | null;
  nativeRecall: number | null;
  nativeOrdinaryFlagged: number | null;
  worstGenuineHigh: number | null;
  worstGenuineMediumOrHigh: number | null;
  genuineCorporaOverTarget: string[];
}

/** Pooled figures for the done-when targets from per-row risks (shipped or held-out). */
function summarise(
  rows: readonly EvalRow[],
  risks: readonly Risk[],
  reports: SourceReport[],
  pick: "shipped" | "loso",
) {
  const all = metricsOf(rows, risks);
  const nativeIdx = rows.flatMap((r, i) => (r.source.startsWith("native:") ? [i] : []));
  const native = metricsOf(
    nativeIdx.map((i) => rows[i] as EvalRow),
    nativeIdx.map((i) => risks[i] as Risk),
  );
  const recalls = reports.flatMap((r) => (r[pick].recall === null ? [] : [r[pick].recall as number]));
  const withNegatives = reports.filter((r) => r[pick].falseAlarm !== null);
  const worst = (f: (m: Metrics) => number | null) =>
    withNegatives.length ? Math.max(...withNegatives.map((r) => f(r[pick]) ?? 0)) : null;
  const summary: Summary = {
    counterfeitRecall: all.recall,
    counterfeitPrecision: all.tp + all.fp > 0 ? all.tp / (all.tp + all.fp) : null,
    worstCounterfeitSourceRecall: recalls.length ? Math.min(...recalls) : null,
    nativeRecall: native.recall,
    nativeOrdinaryFlagged: native.falseAlarm,
    worstGenuineHigh: worst((m) => m.falseAlarmHigh),
    worstGenuineMediumOrHigh: worst((m) => m.falseAlarm),
    genuineCorporaOverTarget: withNegatives
      .filter(
        (r) =>
          (r[pick].falseAlarmHigh ?? 0) > TARGETS.genuineHigh ||
          (r[pick].falseAlarm ?? 0) > TARGETS.genuineMediumOrHigh,
      )
      .map((r) => r.source),
  };
  return summary;
}

/** The engine reads a brand named plainly in the row's title (a claim, not a disguise or a seller's name). */
function brandInTitle(r: Scored): boolean {
  return r.verdict.reasons.some((x) => x.signal === "brand-claimed" && x.evidence?.field === "title");
}

/**
 * Rows whose label their own note contradicts (labelDisputed), and the leave-one-source-out summary with them left
 * out of tuning only: a sensitivity figure beside the headline, which keeps every label as given.
 */
function labelAudit(rows: Scored[], result: ReturnType<typeof evaluateRows>) {
  const disputed = rows.filter((r) => labelDisputed(r.positive, r.labelReason, brandInTitle(r)));
  if (disputed.length === 0) return { disputed: [], loso: null };
  const { risks } = leaveOneSourceOut(rows, SHIPPED, undefined, (r) => !disputed.includes(r as Scored));
  return {
    disputed: disputed.map((r) => ({ id: r.id, source: r.source, risk: r.risk, title: r.title, note: r.labelReason })),
    loso: summarise(rows, risks, result.sources, "loso"),
  };
}

function evaluateRows(rows: EvalRow[]) {
  const { folds, risks } = leaveOneSourceOut(rows, SHIPPED);
  const bySource = groupBySource(rows);
  const reports: SourceReport[] = folds.map((f) => {
    const held = bySource.get(f.source) ?? [];
    return {
      source: f.source,
      kind: kindOf(held),
      shipped: metricsAt(held, SHIPPED, SHIPPED),
      loso: f.metrics,
      losoCutoffs: f.cutoffs,
    };
  });
  reports.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.source.localeCompare(b.source));
  const shippedRisks = rows.map((r) => r.risk);
  return {
    shippedCutoffs: SHIPPED,
    /** What the declared rule chooses with every source tuning: the pair to ship. */
    ruleOnAll: choose(rows, SHIPPED),
    sources: reports,
    shipped: summarise(rows, shippedRisks, reports, "shipped"),
    loso: summarise(rows, risks, reports, "loso"),
    losoRisks: risks,
  };
}

function printTable(result: ReturnType<typeof evaluateRows>): void {
  const pct = (x: number | null) => (x === null ? "-" : `${(x * 100).toFixed(1)}%`);
  const cols = (m: Metrics) =>
    [fmt(m.precision), fmt(m.recall), pct(m.falseAlarmHigh), pct(m.falseAlarm)].map((c) => c.padStart(6)).join(" ");
  console.log(
    `${"source".padEnd(34)} ${"kind".padEnd(9)} ${"n".padStart(4)} ${"pos".padStart(4)} | shipped ${result.shippedCutoffs.medium}/${result.shippedCutoffs.high}:     P      R  FA-hi FA-m+h | LOSO cut     P      R  FA-hi FA-m+h`,
  );
  for (const r of result.sources) {
    console.log(
      `${r.source.slice(0, 34).padEnd(34)} ${r.kind.padEnd(9)} ${String(r.shipped.n).padStart(4)} ${String(r.shipped.positives).padStart(4)} | ${" ".repeat(13)}${cols(r.shipped)} | ${`${r.losoCutoffs.medium}/${r.losoCutoffs.high}`.padStart(8)} ${cols(r.loso)}`,
    );
  }
  console.log(
    "P: precision (only for sources holding both classes); R: recall (medium or high); FA-hi / FA-m+h: share of the source's genuine or ordinary rows flagged high / medium-or-high. Cut-offs: medium/high score.",
  );
  const line = (label: string, value: string, target: string, ok: boolean | null) =>
    console.log(
      `  ${label.padEnd(58)} ${value.padStart(14)}   target ${target.padEnd(8)} ${ok === null ? "" : ok ? "met" : "NOT MET"}`,
    );
  /** A figure beside its target: "≥" for a floor, "≤" for a ceiling; shares print as percentages. */
  const check = (label: string, value: number | null, target: number | null, floor: boolean, share = false) =>
    line(
      label,
      share ? pct(value) : fmt(value),
      target === null ? "" : `${floor ? "≥" : "≤"} ${share ? `${target * 100}%` : target}`,
      value === null || target === null ? null : floor ? value >= target : value <= target,
    );
  const all = result.ruleOnAll;
  const same = all.medium === result.shippedCutoffs.medium && all.high === result.shippedCutoffs.high;
  console.log(
    `\nCut-offs the same rule chooses with every source tuning: ${all.medium}/${all.high}; shipped: ${result.shippedCutoffs.medium}/${result.shippedCutoffs.high}${same ? "" : " (DIFFERENT: the shipped pair is not what the rule picks)"}`,
  );
  for (const pick of ["loso", "shipped"] as const) {
    const s = result[pick];
    console.log(
      pick === "loso"
        ? "\nSummary, leave-one-source-out (each row judged with cut-offs chosen without its source):"
        : `\nSummary, shipped cut-offs ${result.shippedCutoffs.medium}/${result.shippedCutoffs.high} (tuned on parts of these files: not a measure of generalisation):`,
    );
    check("counterfeit-intent sources: recall (pooled)", s.counterfeitRecall, TARGETS.counterfeitRecall, true);
    check(
      "  precision (pooled over every labeled row and page)",
      s.counterfeitPrecision,
      TARGETS.counterfeitPrecision,
      true,
    );
    check("  worst single-source recall", s.worstCounterfeitSourceRecall, null, true);
    check("sellers' own titles (native-dev): recall", s.nativeRecall, TARGETS.nativeRecall, true);
    check("  ordinary goods flagged", s.nativeOrdinaryFlagged, TARGETS.nativeOrdinaryFlagged, false, true);
    check("every genuine corpus: worst share flagged high", s.worstGenuineHigh, TARGETS.genuineHigh, false, true);
    check("  worst share flagged medium or high", s.worstGenuineMediumOrHigh, TARGETS.genuineMediumOrHigh, false, true);
    if (s.genuineCorporaOverTarget.length)
      console.log(`  genuine corpora over target: ${s.genuineCorporaOverTarget.join(", ")}`);
  }
}

function printAudit(audit: ReturnType<typeof labelAudit>): void {
  if (!audit.loso) return;
  console.log(
    `\nLabel audit: ${audit.disputed.length} ordinary-goods rows whose label note says no brand is named, where the title names one:`,
  );
  for (const d of audit.disputed) console.log(`  ${d.risk.padEnd(7)} ${d.id.slice(0, 40)} ${d.title.slice(0, 90)}`);
  const s = audit.loso;
  console.log(
    `  sensitivity, leave-one-source-out with these rows left out of tuning (still measured): recall ${fmt(s.counterfeitRecall)}, own titles ${fmt(s.nativeRecall)}, ordinary goods flagged ${((s.nativeOrdinaryFlagged ?? 0) * 100).toFixed(1)}%, worst genuine corpus medium or high ${((s.worstGenuineMediumOrHigh ?? 0) * 100).toFixed(1)}%. The headline figures above keep every label as given.`,
  );
}

function pageCounts(pages: PageRow[] | string) {
  if (typeof pages === "string") return pages;
  const scored = pages.filter((p) => p.verdict);
  return {
    pages: pages.length,
    scored: scored.length,
    notListings: pages.filter((p) => !p.verdict).map((p) => `${p.file}: ${p.note}`),
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
  const labeled = LABELED_FILES.filter((f) => existsSync(join(LABELED, f))).flatMap((f) => runLabeled(f, matcher));
  const pages = await runPages(matcher);
  const benchmark = await runBenchmark(matcher);
  const realPages = typeof pages === "string" ? pages : pages.filter((p) => !p.written);
  const rows: Scored[] = [...labeled, ...pageRows(realPages, "pages"), ...pageRows(benchmark, "benchmark")];
  const result = {
    ...evaluateRows(rows),
    targets: TARGETS,
    pagesRead: { pages: pageCounts(realPages), benchmark: pageCounts(benchmark) },
    writtenPages:
      typeof pages === "string"
        ? null
        : pages
            .filter((p) => p.written)
            .map((p) => ({ file: p.file, risk: p.verdict?.risk ?? null, score: p.verdict?.score ?? null })),
    thirdParty: thirdParty(pages, matcher),
  };
  const audit = labelAudit(rows, result);
  if (args.includes("--json")) {
    const { losoRisks: _, ...printed } = result;
    console.log(JSON.stringify({ ...printed, labelAudit: audit }));
    return;
  }
  printTable(result);
  printAudit(audit);
  console.log(`\npages read: ${JSON.stringify(result.pagesRead)}`);
  console.log(
    `written pages (project-written, not counted as genuine): ${result.writtenPages?.map((p) => `${p.file} ${p.risk}`).join("; ") ?? "-"}`,
  );
  console.log("third-party check (synthetic variations of real genuine data; none should be high):");
  for (const t of result.thirdParty) {
    console.log(`  ${t.variant.padEnd(62)} n=${t.n} medium=${t.medium} high=${t.high}`);
    if (args.includes("--verbose")) for (const e of t.examples) console.log(`    ${e}`);
  }
  if (args.includes("--verbose")) {
    console.log("\nshipped cut-offs: misses and false alarms");
    for (const r of rows) {
      const tag = r.positive && !flagged(r.verdict) ? "MISS " : !r.positive && flagged(r.verdict) ? "FALSE" : null;
      if (!tag) continue;
      console.log(
        `  ${tag} ${r.verdict.risk.padEnd(7)} ${String(r.verdict.score).padStart(3)} ${r.source} ${r.id.slice(0, 40)} ${r.title.slice(0, 80)} | ${r.verdict.reasons.map((x) => `${x.signal}:${x.weight}`).join(" ")}`,
      );
    }
    console.log(
      "\nleave-one-source-out: false alarms (negatives flagged with the cut-offs chosen without their source)",
    );
    rows.forEach((r, i) => {
      const risk = result.losoRisks[i] ?? "unknown";
      if (r.positive || !isFlag(risk)) return;
      console.log(
        `  FALSE ${risk.padEnd(7)} ${String(r.verdict.score).padStart(3)} ${r.source} ${r.id.slice(0, 40)} ${r.title.slice(0, 80)} | ${r.verdict.reasons.map((x) => `${x.signal}:${x.weight}`).join(" ")}`,
      );
    });
  }
}

await main();
