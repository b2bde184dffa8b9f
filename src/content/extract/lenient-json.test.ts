/**
 * The repair pass on hostile JSON-LD: a large product block (thousands of
 * reviews) with one trailing comma must repair in linear time, stop when the
 * extraction budget is spent, and refuse blocks above its own size cap.
 * Hand-written blocks: no saved page isolates this case.
 */
import { describe, expect, it } from "vitest";
import { MAX_REPAIR, parseLenientJson } from "./lenient-json.ts";

/** A Product with `reviews` reviews and one trailing comma before the closing brace. */
function hostileBlock(reviews: number): string {
  const review = (i: number) =>
    JSON.stringify({
      "@type": "Review",
      author: { "@type": "Person", name: `Reviewer ${i}` },
      reviewRating: { "@type": "Rating", ratingValue: (i % 5) + 1 },
      reviewBody: `Review number ${i}, with some words, commas, and "quotes" so strings are realistic. ${"Works as described. ".repeat(3)}`,
    });
  const body = Array.from({ length: reviews }, (_, i) => review(i)).join(",");
  return `{"@context":"https://schema.org","@type":"Product","name":"Widget","review":[${body}],}`;
}

describe("lenient JSON on hostile blocks", () => {
  it("repairs a 1 MB product block with 4,000 reviews and one trailing comma", () => {
    const block = hostileBlock(4000);
    expect(block.length).toBeGreaterThan(1_000_000);
    expect(block.length).toBeLessThan(MAX_REPAIR);
    const [product] = parseLenientJson(block) as { name: string; review: unknown[] }[];
    expect(product?.name).toBe("Widget");
    expect(product?.review).toHaveLength(4000);
  });

  it("does work linear in the input: 4x the block, 4x the characters visited and copied", () => {
    const steps = (block: string): number => {
      const work = { steps: 0 };
      expect(parseLenientJson(block, { work })).toHaveLength(1);
      return work.steps;
    };
    const small = hostileBlock(500);
    const large = hostileBlock(2000);
    const ratio = steps(large) / steps(small);
    expect(ratio / (large.length / small.length)).toBeGreaterThan(0.9);
    expect(ratio / (large.length / small.length)).toBeLessThan(1.1);
    // Each character is visited once and copied at most once.
    expect(steps(large)).toBeLessThanOrEqual(2 * large.length + 1);
  });

  it("stops as soon as the extraction budget is spent, and says nothing rather than guess", () => {
    let checks = 0;
    const out = parseLenientJson(hostileBlock(4000), { overBudget: () => ++checks > 3 });
    expect(out).toEqual([]);
    expect(checks).toBe(4);
  });

  it("does not try to repair a block above its size cap (a well-formed one still parses)", () => {
    const padding = "x".repeat(MAX_REPAIR);
    expect(parseLenientJson(`{"name":"big","pad":"${padding}",}`)).toEqual([]);
    expect(parseLenientJson(`{"name":"big","pad":"${padding}"}`)).toHaveLength(1);
  });
});
