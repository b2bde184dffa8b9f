/**
 * The visible-price ranker's weights, fitted on the benchmark's dev pages:
 * a listwise logistic (softmax) model over each page's candidates
 * (src/content/extract/price-rank.ts), L2-regularised, by gradient descent.
 * Used by `npm run eval:extract -- --loso` (fit without the held-out shop)
 * and by `npm run -s train:price`, which prints the leave-one-shop-out
 * comparison with the hand weights and, with `--write`, stores the weights
 * fitted on every dev page in src/content/extract/data/price-weights.json
 * when they beat the hand weights leave-one-shop-out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeContext } from "../src/content/extract/extract.ts";
import {
  DEFAULT_RANKER,
  FEATURES,
  type Feature,
  type PriceRanker,
  rankPrices,
  type Weights,
} from "../src/content/extract/price-rank.ts";
import { loadPage } from "../src/shared/load-html.node.ts";
import { compareAmounts, currencyHintForUrl } from "../src/shared/price.ts";
import { decimalOf, type GroundTruth } from "./eval-metric.ts";

export const BENCH = join(import.meta.dirname, "..", "fixtures", "benchmark");
const WEIGHTS_FILE = join(import.meta.dirname, "..", "src", "content", "extract", "data", "price-weights.json");

/** The shop a benchmark page belongs to: its site name without country domain ("amazon" for .com and .co.uk). */
export function shopOf(url: string): string {
  const labels = new URL(url).hostname.split(".");
  labels.pop();
  if (labels.length > 1 && /^(?:co|com|org|net|gov|ac)$/.test(labels[labels.length - 1] ?? "")) labels.pop();
  return labels[labels.length - 1] ?? url;
}

export interface PageCandidates {
  id: string;
  shop: string;
  expected: string[];
  rows: { x: number[]; amount: string; positive: boolean }[];
}

export function loadTruth(): GroundTruth {
  return JSON.parse(readFileSync(join(BENCH, "ground-truth.json"), "utf8")) as GroundTruth;
}

/** Every benchmark page's price candidates and features (hand weights only order them; features do not depend on weights). */
export function collect(truth: GroundTruth): PageCandidates[] {
  const out: PageCandidates[] = [];
  for (const [id, gt] of Object.entries(truth)) {
    const doc = loadPage(join(BENCH, "html", `${id}.html.gz`));
    const url = new URL(gt.url);
    const ctx = makeContext(doc, url, { budgetMs: 60_000 });
    const ranked = rankPrices(ctx, currencyHintForUrl(url));
    const expected = (gt.price ?? []).map(decimalOf).filter((d): d is string => d !== null);
    out.push({
      id,
      shop: shopOf(gt.url),
      expected,
      rows: ranked.candidates.map((c) => ({
        x: FEATURES.map((f) => c.features[f]),
        amount: c.money.amount,
        positive: expected.some((e) => compareAmounts(e, c.money.amount) === 0),
      })),
    });
  }
  return out;
}

function dot(w: number[], x: number[]): number {
  let s = w[0] ?? 0;
  for (let i = 0; i < x.length; i++) s += (w[i + 1] ?? 0) * (x[i] ?? 0);
  return s;
}

/** Listwise softmax over each page's candidates with at least one right answer; L2 on the feature weights. */
export function fitRanker(
  pages: PageCandidates[],
  opts: { l2?: number; steps?: number; rate?: number } = {},
): PriceRanker {
  const l2 = opts.l2 ?? 0.01;
  const steps = opts.steps ?? 400;
  const rate = opts.rate ?? 0.5;
  const dim = FEATURES.length + 1;
  const w = new Array<number>(dim).fill(0);
  const usable = pages.filter((p) => p.rows.some((r) => r.positive));
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(dim).fill(0);
    for (const p of usable) {
      const s = p.rows.map((r) => dot(w, r.x));
      const m = Math.max(...s);
      const e = s.map((v) => Math.exp(v - m));
      const z = e.reduce((a, b) => a + b, 0);
      const zp = e.reduce((a, b, i) => a + (p.rows[i]?.positive ? b : 0), 0);
      p.rows.forEach((r, i) => {
        const q = (e[i] ?? 0) / z - (r.positive ? (e[i] ?? 0) / zp : 0);
        for (let k = 0; k < r.x.length; k++) g[k + 1] = (g[k + 1] ?? 0) + q * (r.x[k] ?? 0);
      });
    }
    for (let k = 1; k < dim; k++)
      w[k] = (w[k] ?? 0) - rate * ((g[k] ?? 0) / Math.max(1, usable.length) + l2 * (w[k] ?? 0));
  }
  const weights = { bias: 0 } as Weights;
  FEATURES.forEach((f: Feature, i) => {
    weights[f] = Math.round((w[i + 1] ?? 0) * 1000) / 1000;
  });
  // Threshold: the best candidate's score below which a page is better left without a price (max F1 on these pages).
  const tops = pages
    .map((p) => {
      let best: { s: number; ok: boolean } | null = null;
      for (const r of p.rows) {
        const s = score(weights, r.x);
        if (!best || s > best.s) best = { s, ok: r.positive };
      }
      return { best, expected: p.expected.length > 0 };
    })
    .filter((t) => t.best !== null) as { best: { s: number; ok: boolean }; expected: boolean }[];
  const cuts = [...new Set(tops.map((t) => t.best.s))].sort((a, b) => a - b);
  let threshold = cuts[0] ?? 0;
  let bestF1 = -1;
  for (const c of cuts) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const t of tops) {
      if (t.best.s >= c) t.best.ok ? tp++ : fp++;
      else if (t.expected) fn++;
    }
    const f1 = (2 * tp) / Math.max(1, 2 * tp + fp + fn);
    if (f1 > bestF1) {
      bestF1 = f1;
      threshold = c;
    }
  }
  // Confident: the lowest cut above which every top pick on these pages is right.
  const wrong = tops.filter((t) => !t.best.ok).map((t) => t.best.s);
  const confident = Math.max(threshold, wrong.length > 0 ? Math.max(...wrong) + 1e-6 : threshold);
  return { weights, threshold: round(threshold - 1e-6), confident: round(confident) };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function score(w: Weights, x: number[]): number {
  let s = w.bias;
  FEATURES.forEach((f, i) => {
    s += w[f] * (x[i] ?? 0);
  });
  return s;
}

/** Top-1 outcome per page under a ranker: "tp" | "fp" | "fn" | null. */
export function judgePage(p: PageCandidates, r: PriceRanker): "tp" | "fp" | "fn" | null {
  let best: { s: number; ok: boolean } | null = null;
  for (const row of p.rows) {
    const s = score(r.weights, row.x);
    if (!best || s > best.s) best = { s, ok: row.positive };
  }
  if (!best || best.s < r.threshold) return p.expected.length > 0 ? "fn" : null;
  return best.ok ? "tp" : "fp";
}

export function f1Of(outcomes: ("tp" | "fp" | "fn" | null)[]): number {
  const tp = outcomes.filter((o) => o === "tp").length;
  const bad = outcomes.filter((o) => o === "fp" || o === "fn").length;
  return (2 * tp) / Math.max(1, 2 * tp + bad);
}

/** Leave one shop out: for each shop, fit on the others and judge its pages. */
export function losoRankers(pages: PageCandidates[]): Map<string, PriceRanker> {
  const out = new Map<string, PriceRanker>();
  for (const shop of new Set(pages.map((p) => p.shop))) out.set(shop, fitRanker(pages.filter((p) => p.shop !== shop)));
  return out;
}

function main(): void {
  const pages = collect(loadTruth());
  const rankers = losoRankers(pages);
  const hand = pages.map((p) => judgePage(p, HAND));
  const loso = pages.map((p) => judgePage(p, rankers.get(p.shop) as PriceRanker));
  const inSample = fitRanker(pages);
  const fitted = pages.map((p) => judgePage(p, inSample));
  console.log(`visible-price ranker alone (no structured data), ${pages.length} pages, ${rankers.size} shops`);
  console.log(`  hand weights (not fitted; per shop = leave-one-shop-out)  price F1 ${f1Of(hand).toFixed(3)}`);
  console.log(`  learned, leave-one-shop-out                               price F1 ${f1Of(loso).toFixed(3)}`);
  console.log(`  learned, in-sample (fitted on every page)                 price F1 ${f1Of(fitted).toFixed(3)}`);
  console.log("\n  shop                      pages  hand  learned(LOSO)");
  for (const shop of [...rankers.keys()].sort()) {
    const idx = pages.map((p, i) => (p.shop === shop ? i : -1)).filter((i) => i >= 0);
    const h = idx.filter((i) => hand[i] === "tp").length;
    const l = idx.filter((i) => loso[i] === "tp").length;
    console.log(
      `  ${shop.padEnd(26)}${String(idx.length).padStart(5)}  ${String(h).padStart(4)}  ${String(l).padStart(4)}`,
    );
  }
  if (process.argv.includes("--write")) {
    const file = JSON.parse(readFileSync(WEIGHTS_FILE, "utf8")) as Record<string, unknown>;
    const useLearned = f1Of(loso) > f1Of(hand);
    if (useLearned) {
      file.hand ??= { weights: HAND.weights, threshold: HAND.threshold, confident: HAND.confident };
      file.source = `learned: listwise logistic regression on the ${pages.length} benchmark dev pages (scripts/price-ranker.ts); leave-one-shop-out price F1 ${f1Of(loso).toFixed(3)} vs hand ${f1Of(hand).toFixed(3)}`;
      file.weights = inSample.weights;
      file.threshold = inSample.threshold;
      file.confident = inSample.confident;
      writeFileSync(WEIGHTS_FILE, `${JSON.stringify(file, null, 2)}\n`);
      console.log(`\nwrote the learned weights to ${WEIGHTS_FILE}`);
    } else console.log("\nthe hand weights stay: the learned ranker does not beat them leave-one-shop-out");
  }
}

/** The hand weights as written in the data file's `hand` entry (or the shipped ones when they are hand weights). */
const SHIPPED = JSON.parse(readFileSync(WEIGHTS_FILE, "utf8")) as { hand?: PriceRanker; source: string };
export const HAND: PriceRanker = SHIPPED.hand ?? DEFAULT_RANKER;
/** "hand" or a line saying how the shipped weights were learned. */
export const SHIPPED_SOURCE: string = SHIPPED.source;

if (process.argv[1]?.endsWith("price-ranker.ts")) main();
