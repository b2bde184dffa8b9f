import { describe, expect, it } from "vitest";
import { emptyListing, emptySeller, type Listing } from "../shared/listing.ts";
import type { SignalId, Verdict } from "../shared/verdict.ts";
import { sellerStatus } from "./seller-status.ts";

function verdict(...signals: SignalId[]): Verdict {
  return {
    risk: "low",
    score: 10,
    brand: null,
    reasons: signals.map((signal) => ({
      signal,
      code: "brand-claimed",
      params: { brand: "x" },
      message: signal,
      weight: 0,
      evidence: null,
    })),
    packs: [],
    engineVersion: "test",
  };
}

const amazon = (official: boolean | null): Listing => ({
  ...emptyListing("https://www.amazon.com/dp/B0", "amazon"),
  seller: { ...emptySeller(), name: "Amazon.com", official },
});

describe("sellerStatus: four statuses, each with its own words", () => {
  it("only the brand's own store is called official", () => {
    const statuses = [
      sellerStatus(amazon(null), verdict("seller-official")),
      sellerStatus(amazon(true), verdict("seller-marketplace")),
      sellerStatus(amazon(null), verdict("seller-authorised")),
      sellerStatus(amazon(null), verdict()),
    ];
    expect(statuses.map((s) => s.kind)).toEqual(["official", "marketplace", "authorised", "third-party"]);
    expect(new Set(statuses.map((s) => s.label)).size).toBe(4);
    expect(statuses.filter((s) => /official/i.test(s.label)).map((s) => s.kind)).toEqual(["official"]);
  });

  it("the marketplace's flag on its own retail is not the brand's store; a brand name in a third party's is flagged", () => {
    expect(sellerStatus(amazon(true), verdict("seller-marketplace")).kind).toBe("marketplace");
    const retail = { ...amazon(null), seller: { ...emptySeller(), name: "x", retail: true } };
    expect(sellerStatus(retail, verdict()).kind).toBe("marketplace");
    expect(sellerStatus(amazon(null), verdict("seller-impersonates-brand")).kind).toBe("impersonates");
  });

  it("a page that does not say who sells gets no guessed status", () => {
    const unknown = { ...amazon(null), seller: emptySeller() };
    expect(sellerStatus(unknown, verdict()).kind).toBe("unknown");
    expect(sellerStatus(unknown, verdict()).label).not.toMatch(/third-party|official/i);
    expect(sellerStatus(unknown, verdict("seller-official")).kind).toBe("official");
  });
});
