/** `npm run scan` judges a page as the extension does: at the time of the scan, not the time its rules compiled. */
import { describe, expect, it } from "vitest";
import { emptyListing, emptySeller } from "../src/shared/listing.ts";
import type { Verdict } from "../src/shared/verdict.ts";
import { loadScorer } from "./scan.ts";

describe("scan: the verdict", () => {
  it("reads a seller's age against today", { timeout: 60_000 }, async () => {
    const scorer = await loadScorer();
    expect(scorer).not.toBeNull();
    const joined = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const listing = {
      ...emptyListing("https://www.ebay.com/itm/1", "ebay"),
      title: "Nike Air Force 1 sneakers",
      seller: { ...emptySeller(), name: "x", memberSince: joined },
    };
    const verdict = scorer?.(listing) as Verdict;
    expect(verdict.reasons.map((r) => r.signal)).toContain("seller-weak");
  });
});
