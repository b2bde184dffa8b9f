/**
 * The generic pipeline on the benchmark pages with their structured data
 * removed (stripStructuredData, scripts/held-out-lib.ts): what the visible
 * page alone gives, scored with the benchmark's metric (scripts/eval-metric.ts)
 * overall and per shop. The hand rules and word lists are fixed (nothing is
 * fitted on the pages), so a shop's own figure is its leave-one-shop-out
 * figure; what a rule was found on is for its author to say.
 */
import { join } from "node:path";
import { makeContext } from "../../src/content/extract/extract.ts";
import { ALL_PARTS, heuristics } from "../../src/content/extract/heuristics.ts";
import { extractListing } from "../../src/content/pipeline.ts";
import { loadPage } from "../../src/shared/load-html.node.ts";
import { currencyHintForUrl } from "../../src/shared/price.ts";
import { type Attribute, type Counts, type GroundTruth, judge, type PagePrediction } from "../eval-metric.ts";
import { stripStructuredData } from "../held-out-lib.ts";
import { BENCH, shopOf } from "../price-ranker.ts";

export const ATTRIBUTES: readonly Attribute[] = ["price", "sku", "availability"];

export interface StrippedPrediction {
  /** The generic pipeline (no adapter): nothing when it does not take the stripped page for a listing. */
  pipeline: PagePrediction;
  /** The visible layer alone (every heuristic part), whether or not the page is taken for a listing. */
  visible: PagePrediction;
}

/** One benchmark page, after its structured data was stripped, read by the generic pipeline and by the visible layer. */
export function strippedPrediction(id: string, href: string, dir: string = BENCH): StrippedPrediction {
  const doc = loadPage(join(dir, "html", `${id}.html.gz`));
  stripStructuredData(doc);
  const { listing } = extractListing(doc, href, { adapters: false, budgetMs: 10_000 });
  const url = new URL(href);
  const { patch } = heuristics(makeContext(doc, url, { budgetMs: 10_000 }), {
    hint: currencyHintForUrl(url),
    need: new Set(ALL_PARTS),
  });
  return {
    pipeline: {
      price: listing?.price?.amount ?? null,
      sku: listing?.sku ?? null,
      availability: listing?.availability ?? null,
    },
    visible: { price: patch.price?.amount ?? null, sku: patch.sku ?? null, availability: patch.availability ?? null },
  };
}

/** Every page of `truth` read stripped; the two readings keyed by page id. */
export function strippedPredictions(
  truth: GroundTruth,
  dir: string = BENCH,
): Record<"pipeline" | "visible", Record<string, PagePrediction>> {
  const out = { pipeline: {} as Record<string, PagePrediction>, visible: {} as Record<string, PagePrediction> };
  for (const [id, gt] of Object.entries(truth)) {
    const p = strippedPrediction(id, gt.url, dir);
    out.pipeline[id] = p.pipeline;
    out.visible[id] = p.visible;
  }
  return out;
}

/** Per shop (shopOf) and attribute, the benchmark's counts. */
export function countsPerShop(
  truth: GroundTruth,
  preds: Record<string, PagePrediction | undefined>,
): Map<string, Record<Attribute, Counts>> {
  const out = new Map<string, Record<Attribute, Counts>>();
  for (const [id, gt] of Object.entries(truth)) {
    const shop = shopOf(gt.url);
    const row =
      out.get(shop) ??
      ({
        price: { tp: 0, fp: 0, fn: 0 },
        sku: { tp: 0, fp: 0, fn: 0 },
        availability: { tp: 0, fp: 0, fn: 0 },
      } as Record<Attribute, Counts>);
    for (const a of ATTRIBUTES) {
      const r = judge(a, preds[id]?.[a], gt[a]);
      if (r) row[a][r]++;
    }
    out.set(shop, row);
  }
  return out;
}
