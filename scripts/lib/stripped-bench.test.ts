import { describe, expect, it } from "vitest";
import { loadTruth } from "../price-ranker.ts";
import { countsPerShop, strippedPrediction } from "./stripped-bench.ts";

const truth = loadTruth();

function page(prefix: string): [string, { url: string; sku?: unknown[] }] {
  const e = Object.entries(truth).find(([id]) => id.startsWith(prefix));
  if (!e) throw new Error(`no benchmark page ${prefix}`);
  return e;
}

describe("stripped benchmark pages", () => {
  it("reads a page without its structured data: the visible layer gives the code the page shows (ikea, leroymerlin)", () => {
    for (const prefix of ["4708bedc", "7a838a16"]) {
      const [id, gt] = page(prefix);
      expect(strippedPrediction(id, gt.url).visible.sku, prefix).toBe(gt.sku?.[0]);
    }
  });
  it("the pipeline reading is empty when the stripped page is not taken for a listing, the visible one is not (usedvictoria)", () => {
    // A classified ad with no buy, reply or email control: only the seller's phone number.
    const [id, gt] = page("b4298c1b");
    const p = strippedPrediction(id, gt.url);
    expect(p.pipeline.sku).toBeNull();
    expect(p.visible.sku).toBe(gt.sku?.[0]);
  });
  it("counts per shop with the benchmark's metric (amazon .com and .co.uk are one shop)", () => {
    const t = {
      a: { url: "https://www.amazon.com/dp/A", sku: ["A1"] },
      b: { url: "https://www.amazon.co.uk/dp/B", sku: ["B1"] },
      c: { url: "https://www.ikea.com/p/c", sku: ["C1"] },
    };
    const counts = countsPerShop(t, { a: { sku: "A1" }, b: { sku: "X" }, c: { sku: null } });
    expect(counts.get("amazon")?.sku).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(counts.get("ikea")?.sku).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(counts.get("ikea")?.availability).toEqual({ tp: 0, fp: 1, fn: 0 });
  });
});
