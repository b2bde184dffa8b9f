/**
 * Amazon's digital-media item pages (an Amazon Music album here) have no
 * #productTitle / #dp block. Tested on a real saved page from the
 * product-extraction benchmark (fixtures/benchmark, see its README).
 */
import { describe, expect, it } from "vitest";
import { TEST_BUDGET } from "../../../test-support/fixture-pages.node.ts";
import { loadPage, parsePage } from "../../shared/load-html.node.ts";
import { makeContext } from "../base/context.ts";
import { extractListing } from "../pipeline.ts";
import { amazon } from "./amazon.ts";

const ALBUM = "fixtures/benchmark/html/b03d8c978c416ec5097b9d42ff923b4ce73c3d39efdd071b1546d21ff384d091.html.gz";
const URL = "https://www.amazon.com/dp/B081ZQK4BZ";

describe("Amazon digital-media pages", () => {
  it("recognises a real Amazon Music album page as a listing and reads its title, price and ASIN", () => {
    const { isListing, listing } = extractListing(loadPage(ALBUM), URL, TEST_BUDGET);
    expect(isListing).toBe(true);
    expect(listing?.sku).toBe("B081ZQK4BZ");
    expect(listing?.title).toBe("The Movement Revisited: A Musical Portrait of Four Icons");
    expect(listing?.price).toEqual({ amount: "9.49", currency: "USD" });
  });

  // Hand-written: a /dp/ URL whose page only mentions other items' ASINs is not this item's page.
  it("needs an element carrying the page's own ASIN", () => {
    const other = parsePage('<h1>Customers also bought</h1><div data-asin="B000000001">x</div>');
    expect(amazon.isListing(makeContext(other, URL))).toBe(false);
    const own = parsePage('<h1>Album</h1><div data-asin="B081ZQK4BZ">x</div>');
    expect(amazon.isListing(makeContext(own, URL))).toBe(true);
  });
});
