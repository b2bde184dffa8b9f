/**
 * The listing validator under property-based fuzzing (fast-check): listings
 * whose every field may be hostile (wrong types, huge strings, deep nesting,
 * many keys, "__proto__" keys). It refuses with a ListingError or returns a
 * rebuilt listing whose links are all http(s), and its work is bounded:
 * counted property reads, whatever the size of the input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { counting, HUGE_STRING, hostileObject, hostileValue, isCrash, prototypeIntact } from "./fuzz.node.ts";
import { emptyListing, emptySeller, MARKETPLACES } from "./listing.ts";
import { isHttpUrl } from "./validate.ts";
import { ListingError, MAX_SOURCE_KEYS, validateListing } from "./validate-listing.ts";

const LISTING_FIELDS = Object.keys(emptyListing("https://x.example/", "amazon")).filter(
  (k) => k !== "url" && k !== "marketplace",
);
const SELLER_FIELDS = Object.keys(emptySeller());

const urlLike = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "data:text/html,<b>x</b>",
    "vbscript:x",
    "//evil.example/x",
    "http:/x",
    "https://",
    "file:///etc/passwd",
    "chrome-extension://abc/x",
  ),
  fc.string({ maxLength: 40 }),
);

/** A well-formed listing with a few fields (and seller fields) replaced by hostile values. */
const listingLike = fc
  .tuple(
    fc.subarray(LISTING_FIELDS, { maxLength: 3 }).chain((keys) => hostileObject(keys)),
    fc.constantFrom(...MARKETPLACES),
    fc.subarray(SELLER_FIELDS, { maxLength: 2 }).chain((keys) => hostileObject(keys)),
    urlLike,
    fc.array(urlLike, { maxLength: 5 }),
  )
  .map(([fields, marketplace, seller, sellerUrl, images]) => ({
    ...emptyListing("https://www.ebay.com/itm/1", marketplace),
    seller: { ...emptySeller(), url: sellerUrl, ...seller },
    images,
    ...fields,
  }));

/** Values read per listing: a real one needs a few hundred at most. */
const MAX_READS = 3_000;

function check(raw: unknown): void {
  const input = counting(raw);
  try {
    const listing = validateListing(input.value);
    expect(isHttpUrl(listing.url)).toBe(true);
    if (listing.seller?.url) expect(isHttpUrl(listing.seller.url)).toBe(true);
    for (const image of listing.images) expect(isHttpUrl(image)).toBe(true);
    expect(Object.keys(listing.sources).length).toBeLessThanOrEqual(MAX_SOURCE_KEYS);
    expect(() => structuredClone(listing)).not.toThrow();
  } catch (error) {
    if (!(error instanceof ListingError)) throw error;
    expect(isCrash(error)).toBe(false);
  }
  expect(input.reads()).toBeLessThanOrEqual(MAX_READS);
  expect(prototypeIntact()).toBe(true);
}

describe("validateListing under fuzzing", () => {
  it("refuses with a ListingError or rebuilds, links http(s) only, bounded reads", () => {
    fc.assert(fc.property(listingLike, check), { numRuns: 300 });
  });

  it("any value at all as the listing", () => {
    fc.assert(fc.property(hostileValue, check), { numRuns: 200 });
  });
});

describe("validateListing bounds", () => {
  const base = emptyListing("https://www.ebay.com/itm/1", "ebay");

  it("a 100,000-key sources map is refused without reading its values", () => {
    const sources: Record<string, string> = {};
    for (let i = 0; i < 100_000; i++) sources[`k${i}`] = "adapter";
    const input = counting({ ...base, sources });
    expect(() => validateListing(input.value)).toThrow("sources: 100000 keys, more than the limit of 40");
    expect(input.reads()).toBeLessThan(200);
  });

  it("a sources map within the limit is kept, a __proto__ key as plain data", () => {
    const sources = JSON.parse('{"title": "adapter", "__proto__": "json-ld"}');
    const listing = validateListing({ ...base, sources });
    expect(listing.sources.title).toBe("adapter");
    expect(Object.getPrototypeOf(listing.sources)).toBe(Object.prototype);
    expect(prototypeIntact()).toBe(true);
  });

  it("seller.url javascript: (any case, padded) and data: are dropped; http(s) kept", () => {
    for (const url of ["javascript:alert(1)", "  JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example/"]) {
      const listing = validateListing({ ...base, seller: { ...emptySeller(), name: "s", url } });
      expect(listing.seller?.url, url).toBeNull();
      expect(listing.seller?.name).toBe("s");
    }
    const ok = validateListing({ ...base, seller: { ...emptySeller(), url: "https://www.ebay.com/usr/s" } });
    expect(ok.seller?.url).toBe("https://www.ebay.com/usr/s");
  });

  it("image URLs other than http(s) are dropped", () => {
    const listing = validateListing({
      ...base,
      images: ["https://i.ebayimg.com/a.jpg", "javascript:alert(1)", "data:image/gif;base64,R0lGOD", "/rel.jpg"],
    });
    expect(listing.images).toEqual(["https://i.ebayimg.com/a.jpg"]);
  });

  it("a huge title is cut, not copied whole", () => {
    expect(validateListing({ ...base, title: HUGE_STRING }).title?.length).toBeLessThanOrEqual(1000);
  });
});
