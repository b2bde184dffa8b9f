import { describe, expect, it } from "vitest";
import { decimalOf, evaluate, judge, scores } from "./eval-metric.ts";

describe("benchmark metric", () => {
  it("judges one page", () => {
    expect(judge("price", "229.990", ["229.99 "])).toBe("tp");
    expect(judge("price", "29.99", undefined)).toBe("fp");
    expect(judge("price", null, ["5"])).toBe("fn");
    expect(judge("price", null, undefined)).toBeNull();
    expect(judge("sku", "b07", ["B07"])).toBe("fp");
    expect(judge("availability", null, ["InStock"])).toBe("tp");
    expect(judge("availability", null, ["OutOfStock"])).toBe("fp");
  });
  it("sums counts into F1", () => {
    const s = scores({ tp: 8, fp: 2, fn: 2 });
    expect(s.precision).toBeCloseTo(0.8);
    expect(s.recall).toBeCloseTo(0.8);
    expect(s.f1).toBeCloseTo(0.8);
    const e = evaluate(
      { a: { url: "u", price: ["1"], sku: ["X"], availability: ["InStock"] } },
      { a: { price: "1.00", sku: "Y" } },
    );
    expect([e.price.tp, e.sku.fp, e.availability.tp]).toEqual([1, 1, 1]);
  });
  it("reads benchmark amounts as decimals", () => {
    expect(decimalOf("1,149")).toBe("1149");
    expect(decimalOf(" 12.5 ")).toBe("12.5");
    expect(decimalOf("abc")).toBeNull();
  });
});
