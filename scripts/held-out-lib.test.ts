/**
 * The held-out evaluation's truth reader, stripping and visibility checks.
 * Every page here is hand-written (small inputs built for the case), marked so.
 */
import { describe, expect, it } from "vitest";
import { parsePage } from "../src/shared/load-html.node.ts";
import {
  codeShown,
  gtinKey,
  hasTruth,
  priceShown,
  readTruth,
  stripStructuredData,
  visibleTexts,
} from "./held-out-lib.ts";

const URL_ = "https://shop.example/p/123";

// Hand-written: a JSON-LD Product with an Offer, and the same price shown as text.
const JSON_LD_PAGE = `<!doctype html><html><head>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Kettle","sku":"KT-9",
"gtin13":"0012345678905","mpn":"M9","offers":{"@type":"Offer","price":"49.90","priceCurrency":"EUR",
"availability":"https://schema.org/OutOfStock"}}</script>
<meta property="og:type" content="product"><meta property="product:price:amount" content="52.00">
<meta property="product:price:currency" content="EUR"><meta charset="utf-8">
</head><body><h1>Kettle</h1><p class="price">49,90 €</p><p>Art. KT-9</p></body></html>`;

// Hand-written: microdata with the price in an itemprop content attribute and a link availability.
const MICRODATA_PAGE = `<!doctype html><html><body>
<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Lamp</h1>
<span itemprop="sku">L-1</span>
<div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
<span itemprop="price" content="19.99">$19.99</span><meta itemprop="priceCurrency" content="USD">
<link itemprop="availability" href="http://schema.org/InStock"></div></div></body></html>`;

describe("readTruth (hand-written pages)", () => {
  it("reads price, codes and availability from JSON-LD, and every price the sources state", () => {
    const t = readTruth(parsePage(JSON_LD_PAGE), URL_);
    expect(t.values.price).toEqual(["49.90", "52.00"]);
    expect(t.sources.price).toEqual(["json-ld", "opengraph"]);
    expect(t.values.sku).toEqual(["KT-9"]);
    expect(t.values.gtin).toEqual(["12345678905"]);
    expect(t.values.mpn).toEqual(["M9"]);
    expect(t.values.availability).toEqual(["OutOfStock"]);
  });

  it("reads microdata, including a price in a content attribute", () => {
    const t = readTruth(parsePage(MICRODATA_PAGE), URL_);
    expect(t.values.price).toEqual(["19.99"]);
    expect(t.values.sku).toEqual(["L-1"]);
    expect(t.values.availability).toEqual(["InStock"]);
    expect(t.sources.price).toEqual(["microdata"]);
  });

  it("finds no truth on a page without structured data", () => {
    const t = readTruth(parsePage("<html><body><h1>Mug</h1><p>$5.00</p></body></html>"), URL_);
    expect(hasTruth(t)).toBe(false);
  });
});

describe("stripStructuredData (hand-written pages)", () => {
  it("leaves nothing the structured layers can read, and keeps the visible text", () => {
    for (const html of [JSON_LD_PAGE, MICRODATA_PAGE]) {
      const doc = parsePage(html);
      const before = visibleTexts(doc).join(" ");
      const report = stripStructuredData(doc);
      expect(hasTruth(readTruth(doc, URL_))).toBe(false);
      expect(visibleTexts(doc).join(" ")).toBe(before);
      expect(report.attributes + report.jsonLd + report.metas).toBeGreaterThan(0);
    }
  });

  it("removes JSON-LD, product metas, itemprop content and link availability, and keeps the charset meta", () => {
    const doc = parsePage(`${JSON_LD_PAGE}${MICRODATA_PAGE}`);
    const report = stripStructuredData(doc);
    expect(report.jsonLd).toBe(1);
    expect(doc.querySelector("script, [itemprop], [itemscope], [content], link[href*=schema]")).toBeNull();
    expect(doc.querySelector("meta[charset]")).not.toBeNull();
    expect(doc.querySelectorAll("meta").length).toBe(1);
  });
});

describe("visibility checks (hand-written pages)", () => {
  it("skips scripts, styles and markup-hidden elements", () => {
    const doc = parsePage(
      `<html><body><p>one</p><script>var x="two"</script><div hidden>three</div><div style="display: none">four</div><span>five</span></body></html>`,
    );
    expect(visibleTexts(doc)).toEqual(["one", "five"]);
  });

  it("finds a price written in the shop's format or split over elements", () => {
    const texts = (html: string): string[] => visibleTexts(parsePage(`<html><body>${html}</body></html>`));
    expect(priceShown(texts("<p>1.299,00 €</p>"), "1299.00")).toBe(true);
    expect(priceShown(texts("<p>$<span>15</span><sup>.98</sup></p>"), "15.98")).toBe(true);
    expect(priceShown(texts("<p>EGP 6,099</p>"), "6099.00")).toBe(true);
    expect(priceShown(texts("<p>Only 25 left</p>"), "25")).toBe(false);
    expect(priceShown(texts("<p>$25</p>"), "25")).toBe(true);
    expect(priceShown(texts("<p>$ 88.480</p>"), "71492")).toBe(false);
  });

  it("finds a code as shown, and a GTIN by its digits", () => {
    const texts = visibleTexts(parsePage("<html><body><p>Item no. kt-9</p><p>EAN 0 012345 678905</p></body></html>"));
    expect(codeShown(texts, "sku", "KT-9")).toBe(true);
    expect(codeShown(texts, "gtin", "12345678905")).toBe(true);
    expect(codeShown(texts, "mpn", "M10")).toBe(false);
    expect(gtinKey("0012345678905")).toBe("12345678905");
  });
});
