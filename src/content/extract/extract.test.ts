import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPage, parsePage } from "../../shared/load-html.node.ts";
import { extractListing as withAdapters } from "../pipeline.ts";
import { extractListing } from "./extract.ts";
import { parseLenientJson } from "./lenient-json.ts";

const BENCH = join(import.meta.dirname, "..", "..", "..", "fixtures", "benchmark", "html");

/** Written by hand: tiny pages for cases the real fixtures do not isolate. */
function page(head: string, body = ""): Document {
  return parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
}
const ld = (o: unknown): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe("lenient JSON (hand-written malformed blocks)", () => {
  it("recovers trailing commas, comments, CDATA, raw newlines and concatenated objects", () => {
    expect(parseLenientJson('{"a": [1, 2,], }')).toEqual([{ a: [1, 2] }]);
    expect(parseLenientJson('<!-- {"a": 1} -->')).toEqual([{ a: 1 }]);
    expect(parseLenientJson('//<![CDATA[\n{"a": 1}\n//]]>')).toEqual([{ a: 1 }]);
    expect(parseLenientJson('{"d": "line one\nline two"}')).toEqual([{ d: "line one\nline two" }]);
    expect(parseLenientJson('{"a": 1}\n{"b": 2};')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseLenientJson('{"a": 1, "b": {"c": 2')).toEqual([{ a: 1, b: { c: 2 } }]);
    expect(parseLenientJson("not json")).toEqual([]);
  });
});

describe("JSON-LD layer (hand-written)", () => {
  it("reads @graph, AggregateOffer ranges, brand objects, gtin and availability URLs", () => {
    const doc = page(
      ld({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "WebPage", name: "x" },
          {
            "@type": ["Product"],
            name: "Widget &amp; Co",
            brand: [{ "@type": "Brand", name: "Acme" }],
            gtin13: "4006381333931",
            sku: "W-1",
            description: "<p>Great <b>widget</b></p>",
            image: [{ "@type": "ImageObject", url: "/a.jpg" }, "/a.jpg", "https://cdn.example/b.jpg"],
            aggregateRating: { ratingValue: "4,5", reviewCount: "12" },
            offers: {
              "@type": "AggregateOffer",
              lowPrice: "10.00",
              highPrice: 25,
              priceCurrency: "EUR",
              availability: "https://schema.org/LimitedAvailability",
              itemCondition: "https://schema.org/RefurbishedCondition",
              seller: { "@type": "Organization", name: "Shop A" },
            },
          },
        ],
      }),
    );
    const { isListing, listing } = extractListing(doc, "https://shop.example/p/1", { adapters: false });
    expect(isListing).toBe(true);
    expect(listing).toMatchObject({
      title: "Widget & Co",
      brand: "Acme",
      gtin: "4006381333931",
      sku: "W-1",
      price: { amount: "10.00", currency: "EUR" },
      priceRange: { min: { amount: "10.00", currency: "EUR" }, max: { amount: "25", currency: "EUR" } },
      availability: "InStock",
      condition: "refurbished",
      description: "Great widget",
      images: ["https://shop.example/a.jpg", "https://cdn.example/b.jpg"],
      reviews: { rating: 4.5, count: 12 },
    });
    expect(listing?.seller?.name).toBe("Shop A");
    expect(listing?.sources.price).toBe("json-ld");
  });

  it("picks the variant of a ProductGroup and the main product over list items", () => {
    const doc = page(
      ld({ "@type": "ItemList", itemListElement: [{ "@type": "Product", name: "Other", offers: { price: "1" } }] }) +
        ld({
          "@type": "ProductGroup",
          name: "Shirt",
          brand: "Acme",
          hasVariant: [
            {
              "@type": "Product",
              sku: "S-RED",
              offers: { price: "20", priceCurrency: "USD", availability: "SoldOut" },
            },
            {
              "@type": "Product",
              sku: "S-BLUE",
              offers: { price: "22", priceCurrency: "USD", availability: "InStock" },
            },
          ],
        }),
    );
    const { listing } = extractListing(doc, "https://shop.example/shirt?variant=S-BLUE", { adapters: false });
    expect(listing).toMatchObject({ title: "Shirt", sku: "S-BLUE", price: { amount: "22" }, availability: "InStock" });
  });

  it("recovers a malformed block and maps Discontinued to OutOfStock", () => {
    const doc = page(
      `<script type="application/ld+json"><!-- {"@type": "Product", "name": "Old\nthing", "offers": [{"price": 5, "availability": "http://schema.org/Discontinued",},],} --></script>`,
    );
    const { listing } = extractListing(doc, "https://shop.example/p", { adapters: false });
    expect(listing).toMatchObject({ title: "Old thing", availability: "OutOfStock", price: { amount: "5" } });
  });
});

describe("microdata, RDFa, OpenGraph (hand-written)", () => {
  it("microdata with meta/link content", () => {
    const doc = page(
      "",
      `<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Lamp</h1>
       <span itemprop="brand" itemscope itemtype="https://schema.org/Brand"><meta itemprop="name" content="Lumo"></span>
       <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="priceCurrency" content="GBP">
       <span itemprop="price" content="25.00">£25</span><link itemprop="availability" href="https://schema.org/OutOfStock"></div></div>`,
    );
    const { listing } = extractListing(doc, "https://shop.example/lamp", { adapters: false });
    expect(listing).toMatchObject({ title: "Lamp", brand: "Lumo", price: { amount: "25.00", currency: "GBP" } });
    expect(listing?.availability).toBe("OutOfStock");
    expect(listing?.sources.title).toBe("microdata");
  });

  it("RDFa typeof/property", () => {
    const doc = page(
      "",
      `<div vocab="https://schema.org/" typeof="Product"><span property="name">Chair</span>
       <div property="offers" typeof="Offer"><span property="price" content="49.5">49,50 €</span><meta property="priceCurrency" content="EUR"></div></div>`,
    );
    const { listing } = extractListing(doc, "https://shop.example/chair", { adapters: false });
    expect(listing).toMatchObject({ title: "Chair", price: { amount: "49.5", currency: "EUR" } });
    expect(listing?.sources.price).toBe("rdfa");
  });

  it("OpenGraph product tags", () => {
    const doc = page(
      `<meta property="og:type" content="product"><meta property="og:title" content="Mug">
       <meta property="product:price:amount" content="9.99"><meta property="product:price:currency" content="USD">
       <meta property="product:brand" content="Cupco"><meta property="product:availability" content="out of stock">
       <meta property="product:retailer_item_id" content="MUG-9"><meta property="og:image" content="/m.jpg">`,
    );
    const { listing } = extractListing(doc, "https://shop.example/mug", { adapters: false });
    expect(listing).toMatchObject({
      title: "Mug",
      brand: "Cupco",
      sku: "MUG-9",
      availability: "OutOfStock",
      price: { amount: "9.99", currency: "USD" },
      images: ["https://shop.example/m.jpg"],
    });
    expect(listing?.sources.title).toBe("opengraph");
  });
});

describe("merge, conflicts, robustness (hand-written)", () => {
  it("earlier layers win field by field; later layers fill gaps", () => {
    const doc = page(
      `${ld({ "@type": "Product", name: "From LD", offers: { price: "10", priceCurrency: "EUR" } })}
       <meta property="og:type" content="product"><meta property="og:title" content="From OG"><meta property="product:brand" content="OgBrand">`,
      "<h1>From H1</h1>",
    );
    const { listing } = extractListing(doc, "https://shop.example/x", { adapters: false });
    expect(listing?.title).toBe("From LD");
    expect(listing?.brand).toBe("OgBrand");
    expect(listing?.sources).toMatchObject({ title: "json-ld", brand: "opengraph", price: "json-ld" });
  });

  it("a structured price the page does not show loses to the visible one, with a warning", () => {
    const doc = page(
      ld({ "@type": "Product", name: "Bag", offers: { price: "99.00", priceCurrency: "EUR" } }),
      `<h1>Bag</h1><div class="product-price">129,00 €</div><button>Add to cart</button>`,
    );
    const { listing } = extractListing(doc, "https://shop.example/bag", { adapters: false });
    expect(listing?.price).toEqual({ amount: "129.00", currency: "EUR" });
    expect(listing?.priceConflict).toEqual({
      structured: { amount: "99.00", currency: "EUR" },
      visible: { amount: "129.00", currency: "EUR" },
    });
    expect(listing?.warnings.some((w) => w.startsWith("price-conflict"))).toBe(true);
  });

  it("no conflict when the structured price is shown somewhere", () => {
    const doc = page(
      ld({ "@type": "Product", name: "Bag", offers: { price: "99.00", priceCurrency: "EUR" } }),
      `<h1>Bag</h1><div class="price-now">129,00 €</div><div class="price-member">99,00 €</div><button>Add to cart</button>`,
    );
    const { listing } = extractListing(doc, "https://shop.example/bag", { adapters: false });
    expect(listing?.price?.amount).toBe("99.00");
    expect(listing?.priceConflict).toBeNull();
  });

  it("visible heuristics alone make a listing (price near the title + add to cart)", () => {
    const doc = page(
      "",
      `<nav aria-label="Breadcrumb"><ol><li>Home</li><li>Tools</li></ol></nav><h1>Hammer</h1>
      <span class="price">$12.99</span><table><tr><th>Brand</th><td>Thor</td></tr><tr><th>SKU</th><td>H-12</td></tr></table>
      <div class="availability">Out of stock</div><button id="add-to-cart">Add to Cart</button>`,
    );
    const { listing } = extractListing(doc, "https://tools.example/hammer", { adapters: false });
    expect(listing).toMatchObject({
      title: "Hammer",
      price: { amount: "12.99", currency: "USD" },
      brand: "Thor",
      sku: "H-12",
      availability: "OutOfStock",
      categories: ["Home", "Tools"],
    });
    expect(listing?.sources.price).toBe("heuristic");
  });

  it("ignores hidden and untrusted (injected) official-store badges", () => {
    const body = (badge: string): string =>
      `<h1>Watch</h1><span class="price">$99</span><button>Add to cart</button><div class="seller">Sold by: Bob</div>${badge}`;
    const official = (html: string, trusted?: (el: Element) => boolean) =>
      extractListing(page("", body(html)), "https://m.example/w", { adapters: false, ...(trusted ? { trusted } : {}) })
        .listing?.seller?.official ?? null;
    expect(official(`<span class="badge">Official Store</span>`)).toBe(true);
    expect(official(`<span class="badge" style="display:none">Official Store</span>`)).toBeNull();
    expect(official(`<div hidden><span class="badge">Official Store</span></div>`)).toBeNull();
    expect(official(`<span class="badge" aria-hidden="true">Official Store</span>`)).toBeNull();
    expect(official(`<span class="badge">Official Store</span>`, () => false)).toBeNull();
  });

  it("a price needs a standalone number with a currency or a price context (not digits inside an encoded blob)", () => {
    // Costco-style: the real price is base64 in a hidden block; a flyout shows a rebate.
    const doc = page(
      `<meta property="og:type" content="product"><meta property="product:price:amount" content="329.99"><meta property="product:price:currency" content="USD">`,
      `<h1>Sink</h1><div class="online-price hide"><span>Online Price</span> <span>MzI5Ljk5</span> <span>$</span></div>
      <div class="promo-price">After $25 OFF</div><div class="your-price"><span class="value">--</span></div><button>Add to cart</button>`,
    );
    const { listing } = extractListing(doc, "https://shop.example/sink", { adapters: false });
    expect(listing?.price).toEqual({ amount: "329.99", currency: "USD" });
    expect(listing?.priceConflict).toBeNull();
    const words = page("", `<h1>Cable</h1><span class="price-note">Pack of 5 units</span><button>Add to cart</button>`);
    expect(extractListing(words, "https://shop.example/cable", { adapters: false }).listing).toBeNull();
  });

  it("a buy button drawn as a link counts as add-to-cart (older shops)", () => {
    const doc = page(
      "<title>Shop : TV</title>",
      `<h1><a href="/"><img alt="logo"></a></h1><div><h1>Samsung 37" LCD TV</h1><h6 id="product_price_header"><span>£579.99</span> Free Delivery</h6>
      <a class="buy_button" href="/basket?add=1">BUY</a></div>`,
    );
    const { isListing, listing } = extractListing(doc, "https://shop.example/tv", { adapters: false });
    expect(isListing).toBe(true);
    expect(listing).toMatchObject({ title: 'Samsung 37" LCD TV', price: { amount: "579.99", currency: "GBP" } });
  });

  it("bylines naming authors or formats are never a brand", () => {
    const doc = page(
      ld({ "@type": "Product", name: "A Cookbook", offers: { price: "9.99", priceCurrency: "GBP" } }),
      `<div id="bylineInfo">by Mat Follas (Author) Format: Hardcover</div><div class="brand-line">by Jane Doe (Editor)</div>
      <table><tr><th>Brand</th><td>Mat Follas (Author)</td></tr></table>`,
    );
    expect(extractListing(doc, "https://books.example/c", { adapters: false }).listing?.brand).toBeNull();
  });

  it("a layer that settles a field as unknown (`known`) stops lower layers guessing it", () => {
    // Through the Amazon adapter: a book byline means no brand, even though JSON-LD and a table name one.
    const doc = page(
      ld({ "@type": "Product", name: "Book", brand: "Some Publisher" }),
      `<span id="productTitle">Book</span><div id="bylineInfo"><span class="author">Jo Bloggs</span></div>
      <table><tr><th>Brand</th><td>Another</td></tr></table>`,
    );
    const { listing } = withAdapters(doc, "https://www.amazon.com/dp/B000000001");
    expect(listing?.title).toBe("Book");
    expect(listing?.brand).toBeNull();
    const generic = extractListing(doc, "https://www.amazon.com/dp/B000000001", { adapters: false });
    expect(generic.listing?.brand).toBe("Some Publisher");
  });

  it("returns a partial listing with a warning when the time budget is spent", () => {
    // A clock that stands still for the first four readings (deadline, adapter, JSON-LD) and then jumps past the budget.
    let calls = 0;
    const doc = page(ld({ "@type": "Product", name: "Slow", offers: { price: "1" } }), "<h1>Slow</h1>");
    const { listing, cutShort } = extractListing(doc, "https://shop.example/s", {
      adapters: false,
      budgetMs: 5,
      now: () => (calls++ < 4 ? 0 : 1000),
    });
    expect(listing?.title).toBe("Slow");
    expect(listing?.warnings.some((w) => w.startsWith("partial"))).toBe(true);
    // Cut short: the content script reports it and then extracts again for the whole listing.
    expect(cutShort).toBe(true);
    expect(extractListing(doc, "https://shop.example/s", { adapters: false }).cutShort).toBeUndefined();
  });

  it("says when the budget ran out before the page was found to be a listing (cut short), and only then", () => {
    const doc = page("<title>Blog</title>", "<h1>News</h1><p>Hello</p>");
    // The clock jumps past the budget at once: no layer runs.
    let calls = 0;
    const cut = extractListing(doc, "https://blog.example/", {
      adapters: false,
      budgetMs: 5,
      now: () => (calls++ < 1 ? 0 : 1000),
    });
    expect(cut).toEqual({ isListing: false, listing: null, cutShort: true });
    expect(extractListing(doc, "https://blog.example/", { adapters: false }).cutShort).toBeUndefined();
  });

  it("a page that is not a listing gives null", () => {
    const doc = page("<title>Blog</title>", "<h1>News</h1><p>Hello</p>");
    expect(extractListing(doc, "https://blog.example/", { adapters: false })).toEqual({
      isListing: false,
      listing: null,
    });
  });

  it("unknown is null, never 0 or empty", () => {
    const doc = page(ld({ "@type": "Product", name: "Bare" }));
    const { listing } = extractListing(doc, "https://shop.example/b", { adapters: false });
    expect(listing).toMatchObject({ price: null, brand: null, sku: null, availability: null, description: null });
  });
});

describe("real pages (fixtures/benchmark)", () => {
  it("Zalando: offers per size, in stock when any size is", () => {
    const doc = loadPage(join(BENCH, "9d8d7e059ecda5dd934c3928425b924e6a9efdde798d273998ed596d5563f0e7.html.gz"));
    const { listing } = extractListing(doc, "https://www.zalando.ie/x.html", { adapters: false });
    expect(listing).toMatchObject({
      brand: "Hope & Ivy Tall",
      availability: "InStock",
      price: { amount: "89.5", currency: "EUR" },
    });
  });

  it("nay.sk: the availability box says the item cannot be bought, over a stale InStock", () => {
    const doc = loadPage(join(BENCH, "ccbaa81cc89eaa70df015c6c970c673efc462414b8760440a75b9afd3ee4df0c.html.gz"));
    const { listing } = extractListing(doc, "https://www.nay.sk/garni-570-easy-ii-cierna", { adapters: false });
    expect(listing).toMatchObject({ availability: "OutOfStock", price: { amount: "54.5", currency: "EUR" } });
    expect(listing?.warnings.some((w) => w.startsWith("availability-conflict"))).toBe(true);
  });

  it("IKEA: JSON-LD product with sku and brand", () => {
    const doc = loadPage(join(BENCH, "0666abebc0d5f9647f4e11a90bd35de706903e8eeedec1dabd50be49ee0e39a2.html.gz"));
    const { listing } = extractListing(doc, "https://www.ikea.com/gb/en/p/moeckelby-table-oak-00293772/", {
      adapters: false,
    });
    expect(listing).toMatchObject({ sku: "002.937.72", brand: "IKEA", price: { amount: "450" } });
    expect(listing?.price?.currency).toBe("GBP");
  });
});
