/**
 * The visible-price ranker's weights, fitted on the benchmark's dev pages:
 * a listwise logistic (softmax) model over each page's candidates and a
 * "no price" option (src/content/extract/price-rank.ts), L2-regularised,
 * signs and fixed weights as data/price-weights.json `fit` says (fitRanker).
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
import { isCommand } from "../src/shared/run-as-command.node.ts";
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

/**
 * Every benchmark page's price candidates and features (hand weights only order them; features do not depend on
 * weights). `prepare` changes each page before it is read (the stripped-page evaluation removes its structured data).
 */
export function collect(truth: GroundTruth, prepare?: (doc: Document) => void): PageCandidates[] {
  const out: PageCandidates[] = [];
  for (const [id, gt] of Object.entries(truth)) {
    const doc = loadPage(join(BENCH, "html", `${id}.html.gz`));
    prepare?.(doc);
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

/** How the fit is constrained (data/price-weights.json `fit`): fixed weights, the sign each fitted weight may take, L2. */
interface FitSpec {
  fixed: Partial<Record<Feature, number>>;
  positive: Feature[];
  negative: Feature[];
  l2: number;
  steps: number;
  rate: number;
  confidentProbability: number;
}

/**
 * Listwise logistic (softmax) ranking over each page's candidates plus a
 * "no price" option scored 0, L2-regularised, fitted by projected gradient
 * descent:
 * - the "no price" option makes 0 the learned threshold (a page without a
 *   price trains its candidates below 0; a page with one trains its price above);
 * - each page weighs 1/(pages of its shop), so a shop with many pages does not
 *   set the weights for the others;
 * - the weights of the features that name another amount (list price, per-unit,
 *   shipping, discount, another product's) are fixed, not fitted: these pages
 *   show too few of them for a fit to size them (they already lose on other
 *   features), and on a shop never seen they decide;
 * - every fitted weight keeps the sign its reason gives it (a fit that wants a
 *   currency mark to count against a price is fitting noise); a weight pushed
 *   past 0 stays at 0.
 * `confident` follows from the same model: the score at which the top pick
 * alone is `confidentProbability` against "no price" (ln(p/(1-p)); 2.197 for
 * 0.9), not a cut placed at the highest wrong pick, which one page moves.
 */
export function fitRanker(pages: PageCandidates[], spec: FitSpec = FIT): PriceRanker {
  const dim = FEATURES.length;
  const fixed = FEATURES.map((f) => spec.fixed[f]);
  const sign = FEATURES.map((f) => (spec.positive.includes(f) ? 1 : spec.negative.includes(f) ? -1 : 0));
  const w = FEATURES.map((_, k) => fixed[k] ?? 0);
  // Pages with candidates: those with a price among them, and those without a price (they train "no price").
  const usable = pages.filter((p) => p.rows.length > 0 && (p.expected.length === 0 || p.rows.some((r) => r.positive)));
  const perShop = new Map<string, number>();
  for (const p of usable) perShop.set(p.shop, (perShop.get(p.shop) ?? 0) + 1);
  const total = usable.reduce((a, p) => a + 1 / (perShop.get(p.shop) ?? 1), 0);
  for (let step = 0; step < spec.steps; step++) {
    const g = new Array<number>(dim).fill(0);
    for (const p of usable) {
      const pw = 1 / (perShop.get(p.shop) ?? 1);
      const s = p.rows.map((r) => dot(w, r.x));
      const m = Math.max(0, ...s);
      const e = s.map((v) => Math.exp(v - m));
      const none = Math.exp(-m);
      const z = e.reduce((a, b) => a + b, none);
      const noPrice = p.expected.length === 0;
      const zp = noPrice ? none : e.reduce((a, b, i) => a + (p.rows[i]?.positive ? b : 0), 0);
      p.rows.forEach((r, i) => {
        const ei = e[i] ?? 0;
        const q = ei / z - (!noPrice && r.positive ? ei / zp : 0);
        if (q !== 0) for (let k = 0; k < dim; k++) g[k] = (g[k] ?? 0) + pw * q * (r.x[k] ?? 0);
      });
    }
    for (let k = 0; k < dim; k++) {
      const f = fixed[k];
      if (f !== undefined) continue;
      const next = (w[k] ?? 0) - spec.rate * ((g[k] ?? 0) / total + spec.l2 * (w[k] ?? 0));
      w[k] = sign[k] === 0 || Math.sign(next) === -(sign[k] ?? 0) ? 0 : next;
    }
  }
  const weights = { bias: 0 } as Weights;
  FEATURES.forEach((f: Feature, i) => {
    weights[f] = Math.round((w[i] ?? 0) * 1000) / 1000;
  });
  const p = spec.confidentProbability;
  return { weights, threshold: 0, confident: round(Math.log(p / (1 - p))) };
}

function dot(w: number[], x: number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (w[i] ?? 0) * (x[i] ?? 0);
  return s;
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
const SHIPPED = JSON.parse(readFileSync(WEIGHTS_FILE, "utf8")) as { hand?: PriceRanker; source: string; fit: FitSpec };
export const HAND: PriceRanker = SHIPPED.hand ?? DEFAULT_RANKER;
/** "hand" or a line saying how the shipped weights were learned. */
export const SHIPPED_SOURCE: string = SHIPPED.source;
const FIT: FitSpec = SHIPPED.fit;

if (isCommand(import.meta.url)) main();
