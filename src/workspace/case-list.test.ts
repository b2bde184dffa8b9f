import { describe, expect, it } from "vitest";
import { type CaseSummary, summarise } from "../shared/case.ts";
import { sampleCase, sampleListing } from "../shared/case-sample.node.ts";
import { filterCases, NO_FILTER, pageOf, sortCases } from "./case-list.ts";

function summary(n: number, over: Partial<CaseSummary> = {}): CaseSummary {
  const id = `6f1c7a3e-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return { ...summarise(sampleCase({ id, listing: sampleListing(`Title ${n}`) })), ...over };
}

describe("filterCases", () => {
  const cases = [
    summary(1, { createdAt: "2025-05-01T10:00:00.000Z", brandName: "Nike", marketplace: "ebay", sellerName: "Kicks" }),
    summary(2, {
      createdAt: "2025-05-03T10:00:00.000Z",
      brandName: "Rolex",
      marketplace: "amazon",
      state: "filed",
      sellerName: "Watches",
    }),
    summary(3, {
      createdAt: "2025-05-05T23:59:59.000Z",
      brandName: "Nike",
      marketplace: "amazon",
      sellerName: "ＫＩＣＫＳ outlet",
    }),
  ];
  it("keeps everything without a filter", () => {
    expect(filterCases(cases, NO_FILTER)).toHaveLength(3);
  });
  it("filters by brand, marketplace and state together", () => {
    expect(filterCases(cases, { ...NO_FILTER, brand: "Nike", marketplace: "amazon" }).map((c) => c.title)).toEqual([
      "Title 3",
    ]);
    expect(filterCases(cases, { ...NO_FILTER, state: "filed" }).map((c) => c.title)).toEqual(["Title 2"]);
  });
  it("matches the seller case- and width-insensitively", () => {
    expect(filterCases(cases, { ...NO_FILTER, seller: "kicks" }).map((c) => c.title)).toEqual(["Title 1", "Title 3"]);
  });
  it("takes both date bounds inclusively, the whole last day included", () => {
    const got = filterCases(cases, { ...NO_FILTER, from: "2025-05-03", to: "2025-05-05" }).map((c) => c.title);
    expect(got).toEqual(["Title 2", "Title 3"]);
  });
  it("searches title, seller, brand, URL and id", () => {
    expect(filterCases(cases, { ...NO_FILTER, q: "title 2" })).toHaveLength(1);
    expect(filterCases(cases, { ...NO_FILTER, q: "rolex" })).toHaveLength(1);
    expect(filterCases(cases, { ...NO_FILTER, q: "000000000003" })).toHaveLength(1);
    expect(filterCases(cases, { ...NO_FILTER, q: "no such thing" })).toHaveLength(0);
  });
});

describe("sortCases and pageOf", () => {
  it("sorts newest, oldest and by score", () => {
    const cases = [
      summary(1, { createdAt: "2025-05-01T00:00:00.000Z", score: 50 }),
      summary(2, { createdAt: "2025-05-02T00:00:00.000Z", score: 90 }),
      summary(3, { createdAt: "2025-05-03T00:00:00.000Z", score: 70 }),
    ];
    expect(sortCases(cases, "newest").map((c) => c.score)).toEqual([70, 90, 50]);
    expect(sortCases(cases, "oldest").map((c) => c.score)).toEqual([50, 90, 70]);
    expect(sortCases(cases, "score").map((c) => c.score)).toEqual([90, 70, 50]);
  });
  it("pages and clamps the page number", () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 0)).toMatchObject({ page: 0, pages: 3 });
    expect(pageOf(items, 2).items).toEqual(items.slice(100));
    expect(pageOf(items, 9).page).toBe(2);
    expect(pageOf([], 0)).toEqual({ items: [], page: 0, pages: 1 });
  });
});
