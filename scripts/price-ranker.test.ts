import { describe, expect, it } from "vitest";
import { FEATURES, type Feature } from "../src/content/extract/price-rank.ts";
import { fitRanker, judgePage, type PageCandidates } from "./price-ranker.ts";

/** A candidate row with the given features set (the others 0). */
function row(amount: string, positive: boolean, on: Partial<Record<Feature, number>>) {
  return { x: FEATURES.map((f) => on[f] ?? 0), amount, positive };
}

function page(id: string, shop: string, expected: string[], rows: PageCandidates["rows"]): PageCandidates {
  return { id, shop, expected, rows };
}

const SPEC = {
  fixed: { struck: -8 } as Partial<Record<Feature, number>>,
  positive: ["titleNear", "priceClass", "currency"] as Feature[],
  negative: ["wordy"] as Feature[],
  l2: 0.01,
  steps: 300,
  rate: 0.5,
  confidentProbability: 0.9,
};

/** Shop A: the price is the first amount after the title; a struck list price sits next to it. */
const shopA = [1, 2, 3].map((i) =>
  page(
    `a${i}`,
    "a",
    ["10"],
    [
      row("10", true, { titleNear: 1, currency: 1, priceClass: 1 }),
      row("12", false, { titleNear: 0.5, currency: 1, priceClass: 1, struck: 1 }),
      row("3", false, { titleNear: 0.2, currency: 1 }),
    ],
  ),
);

describe("fitRanker", () => {
  it("keeps fixed weights, keeps each fitted weight's sign, and leaves unlisted features at 0", () => {
    // On these pages the wordy amount is the price: a free fit would make wordy positive.
    const pages = [
      ...shopA,
      page("b1", "b", ["5"], [row("5", true, { wordy: 1, currency: 1 }), row("9", false, { currency: 1, bare: 1 })]),
    ];
    const r = fitRanker(pages, SPEC);
    expect(r.weights.struck).toBe(-8);
    expect(r.weights.wordy).toBeLessThanOrEqual(0);
    expect(r.weights.bare).toBe(0);
    expect(r.weights.titleNear).toBeGreaterThan(0);
  });

  it("learns the threshold from pages without a price: their amounts (in sentences here) fall below 0, a shown price stays above", () => {
    const noPrice = [1, 2].map((i) =>
      page(
        `n${i}`,
        "n",
        [],
        [row("29", false, { currency: 1, wordy: 1 }), row("99", false, { currency: 1, wordy: 1 })],
      ),
    );
    const r = fitRanker([...shopA, ...noPrice], SPEC);
    expect(r.threshold).toBe(0);
    for (const p of shopA) expect(judgePage(p, r)).toBe("tp");
    for (const p of noPrice) expect(judgePage(p, r)).toBe(null);
  });

  it("sets the confident cut from the model: the top pick alone 9 to 1 against no price", () => {
    expect(fitRanker(shopA, SPEC).confident).toBeCloseTo(Math.log(9), 5);
  });

  it("weighs shops, not pages: a shop with many pages does not outvote another", () => {
    // Shop big (six pages) has its price in a price class far from the title; shop small (one page) the reverse.
    const big = [1, 2, 3, 4, 5, 6].map((i) =>
      page(`g${i}`, "big", ["1"], [row("1", true, { priceClass: 1 }), row("2", false, { titleNear: 1 })]),
    );
    const small = [page("s1", "small", ["1"], [row("1", true, { titleNear: 1 }), row("2", false, { priceClass: 1 })])];
    const r = fitRanker([...big, ...small], { ...SPEC, fixed: {} });
    // Balanced, the two cues pull equally; a per-page fit would make priceClass about six times as strong.
    expect(r.weights.priceClass / Math.max(1e-9, r.weights.titleNear)).toBeLessThan(2);
  });
});
