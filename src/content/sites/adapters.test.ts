/**
 * Behaviour every adapter of this folder must keep beyond its fixture pages:
 * all country hosts and no look-alikes, no listing on search/home pages,
 * never throwing (empty, junk, other sites' pages), bounded by the time budget,
 * and official-store flags only from the marketplace's own data.
 */
import { describe, expect, it } from "vitest";
import { fixturePages, loadFixture } from "../../../test-support/fixture-pages.node.ts";
import { parsePage } from "../../shared/load-html.node.ts";
import { makeContext } from "../base/context.ts";
import type { SiteAdapter } from "../base/types.ts";
import { alibaba } from "./alibaba.ts";
import { aliexpress } from "./aliexpress.ts";
import { amazon } from "./amazon.ts";
import { ebay } from "./ebay.ts";
import { etsy } from "./etsy.ts";
import { mercadolibre } from "./mercadolibre.ts";

const HOSTS: [SiteAdapter, string[], string[]][] = [
  [
    amazon,
    [
      "www.amazon.com",
      "amazon.ca",
      "www.amazon.com.mx",
      "www.amazon.com.br",
      "www.amazon.co.uk",
      "www.amazon.de",
      "www.amazon.fr",
      "www.amazon.it",
      "www.amazon.es",
      "www.amazon.nl",
      "www.amazon.se",
      "www.amazon.pl",
      "www.amazon.com.be",
      "www.amazon.com.tr",
      "www.amazon.ae",
      "www.amazon.sa",
      "www.amazon.eg",
      "www.amazon.in",
      "www.amazon.co.jp",
      "www.amazon.com.au",
      "www.amazon.sg",
      "smile.amazon.com",
    ],
    ["amazon.com.evil.example", "notamazon.com", "aws.amazon.com.cn"],
  ],
  [
    ebay,
    [
      "www.ebay.com",
      "www.ebay.co.uk",
      "www.ebay.de",
      "www.ebay.fr",
      "www.ebay.it",
      "www.ebay.es",
      "www.ebay.ca",
      "www.ebay.com.au",
      "www.ebay.ch",
      "www.ebay.at",
      "www.ebay.ie",
      "www.ebay.nl",
      "www.ebay.be",
      "www.ebay.pl",
      "www.ebay.com.hk",
      "www.ebay.com.sg",
      "www.ebay.com.my",
      "www.ebay.ph",
      "www.ebay.in",
    ],
    ["ebay.com.evil.example", "myebay.net"],
  ],
  [
    aliexpress,
    [
      "www.aliexpress.com",
      "es.aliexpress.com",
      "he.aliexpress.com",
      "m.aliexpress.com",
      "www.aliexpress.us",
      "aliexpress.ru",
    ],
    ["aliexpress.com.evil.example", "alibaba.com"],
  ],
  [
    alibaba,
    ["www.alibaba.com", "spanish.alibaba.com", "detail.alibaba.com", "m.alibaba.com"],
    ["aliexpress.com", "alibaba.com.evil.example", "1688.com"],
  ],
  [etsy, ["www.etsy.com", "etsy.com"], ["etsy.com.evil.example", "notetsy.com"]],
  [
    mercadolibre,
    [
      "www.mercadolibre.com.ar",
      "articulo.mercadolibre.com.mx",
      "www.mercadolibre.com.co",
      "www.mercadolibre.cl",
      "www.mercadolibre.com.pe",
      "www.mercadolibre.com.uy",
      "www.mercadolibre.com.ve",
      "www.mercadolibre.com.ec",
      "produto.mercadolivre.com.br",
    ],
    ["mercadolibre.com.evil.example", "mercadolibre.com"],
  ],
];

const NOT_LISTINGS: [SiteAdapter, string][] = [
  [amazon, "https://www.amazon.com/s?k=nike+shoes"],
  [amazon, "https://www.amazon.de/"],
  [ebay, "https://www.ebay.com/sch/i.html?_nkw=rolex"],
  [ebay, "https://www.ebay.co.uk/"],
  [ebay, "https://www.ebay.com/p/1701411334"],
  [aliexpress, "https://www.aliexpress.com/w/wholesale-iphone.html"],
  [alibaba, "https://www.alibaba.com/trade/search?SearchText=earbuds"],
  [etsy, "https://www.etsy.com/search?q=necklace"],
  [mercadolibre, "https://listado.mercadolibre.com.ar/zapatillas"],
];

const MINE = HOSTS.map(([a]) => a);

describe("site adapters: hosts", () => {
  for (const [adapter, yes, no] of HOSTS) {
    it(`${adapter.id} matches its country hosts and no look-alikes`, () => {
      for (const h of yes) expect(adapter.matchesHost(h), h).toBe(true);
      for (const h of no) expect(adapter.matchesHost(h), h).toBe(false);
    });
  }
});

describe("site adapters: not a listing", () => {
  for (const [adapter, url] of NOT_LISTINGS) {
    it(`${adapter.id}: ${url}`, () => {
      const doc = parsePage("<html><head><title>Search</title></head><body><div id='search'></div></body></html>");
      expect(adapter.isListing(makeContext(doc, url))).toBe(false);
    });
  }
});

describe("site adapters: never throw, stay bounded", () => {
  const junk = [
    "",
    "<html><body><h1>x</h1><script>window.runParams = {data: {titleModule: </script></body></html>",
    "<div id='productTitle'></div><div id='corePrice_feature_div'><span class='a-price'></span></div><script>window.detailData = {\"globalData\": null};</script>",
    "<div class='x-sellercard-atf'><div class='x-sellercard-atf__data-item'>(</div></div><h1 class='ui-pdp-title'></h1><script type='application/ld+json'>{bad</script>",
  ];
  for (const adapter of MINE) {
    it(`${adapter.id} on empty and broken pages`, () => {
      for (const html of junk) {
        const ctx = makeContext(
          parsePage(html),
          `https://www.${adapter.id === "mercadolibre" ? "mercadolibre.com.ar" : `${adapter.id}.com`}/item/1.html`,
        );
        expect(() => adapter.isListing(ctx)).not.toThrow();
        expect(() => adapter.extract(ctx)).not.toThrow();
      }
    });
  }

  it("every adapter on every fixture page of every site (wrong-site pages must not throw)", () => {
    for (const page of fixturePages().slice(0, 40)) {
      const doc = loadFixture(page);
      for (const adapter of MINE) {
        const ctx = makeContext(doc, page.url ?? "https://example.com/");
        expect(() => adapter.extract(ctx)).not.toThrow();
      }
    }
  }, 600_000); // 240 extractions, each bounded by its budget: slow only on a loaded machine

  it("stops with a partial warning once the budget is spent", () => {
    const page = fixturePages().find((p) => p.folder === "amazon");
    if (!page?.url) throw new Error("no amazon fixture");
    let t = 0;
    // A clock that jumps past the budget after the first reads.
    const ctx = makeContext(loadFixture(page), page.url, { budgetMs: 5, now: () => (t += 2) });
    const patch = amazon.extract(ctx);
    expect(patch.warnings?.some((w) => w.startsWith("partial"))).toBe(true);
  });
});

describe("official-store flags come from the marketplace, not the seller's name", () => {
  const run = (data: unknown) =>
    aliexpress.extract(
      makeContext(
        parsePage(`<script>window.runParams = {data: ${JSON.stringify(data)}};</script>`),
        "https://www.aliexpress.com/item/1005001.html",
      ),
    );

  it("AliExpress: a store named 'X Official Store' without a badge is not official", () => {
    const p = run({ sellerComponent: { storeName: "Nike Official Store", storeNum: 1 } });
    expect(p.seller?.name).toBe("Nike Official Store");
    expect(p.seller?.official).toBeNull();
  });

  it("AliExpress: a badge in the store data marks it official", () => {
    const p = run({ storeModule: { storeName: "Anker Store", storeNum: 2, storeBadge: { badgeType: "Brand Store" } } });
    expect(p.seller?.official).toBe(true);
    const q = run({ sellerComponent: { storeName: "Anker", storeNum: 3, officialStore: true } });
    expect(q.seller?.official).toBe(true);
  });

  it("AliExpress: the selected variant's price, not the range minimum; the range is kept", () => {
    const amount = (value: number) => ({ currency: "USD", value });
    const p = run({
      priceComponent: {
        discountPrice: { minActivityAmount: amount(3.5), maxActivityAmount: amount(12) },
        skuPriceList: [
          { skuAttr: "14:771#Red;5:100#S", skuVal: { skuActivityAmount: amount(3.5) } },
          { skuAttr: "14:193#Blue;5:200#XL", skuVal: { skuActivityAmount: amount(12), skuAmount: amount(20) } },
        ],
      },
      // Same options, other order and labels: still the second SKU.
      skuComponent: { selectedSkuAttr: "5:200#XL;14:193" },
    });
    expect(p.price).toEqual({ amount: "12.00", currency: "USD" });
    expect(p.priceRange).toEqual({
      min: { amount: "3.50", currency: "USD" },
      max: { amount: "12.00", currency: "USD" },
    });
    const none = run({ priceComponent: { discountPrice: { minActivityAmount: amount(3.5) } }, skuComponent: {} });
    expect(none.price).toEqual({ amount: "3.50", currency: "USD" });
  });

  it("AliExpress: the seller from the store header when neither storeModule nor sellerComponent is shipped", () => {
    const p = run({
      productInfoComponent: { subject: "x" },
      storeHeaderComponent: { storeName: "Tiny Store", storeNum: 77 },
    });
    expect(p.seller?.name).toBe("Tiny Store");
    expect(p.seller?.id).toBe("77");
    expect(run({ productInfoComponent: { subject: "x" } }).seller ?? null).toBeNull();
  });

  it("Mercado Libre: 'Tienda oficial' in the seller's own name is not the marketplace label", () => {
    const html = `<h1 class="ui-pdp-title">x</h1><div class="ui-pdp-seller__header__title"><a href="https://www.mercadolibre.com.ar/perfil/TIENDAOFICIAL">Tienda Oficial Nike Replicas</a></div>`;
    const p = mercadolibre.extract(
      makeContext(parsePage(html), "https://articulo.mercadolibre.com.ar/MLA-123456789-x"),
    );
    expect(p.seller?.official).toBe(false);
    expect(p.sku).toBe("MLA123456789");
  });

  it("Amazon: the brand's byline store is not the seller; only Amazon's own retail is first-party", () => {
    const html = `<span id="productTitle">Shoe</span><a id="bylineInfo" href="/stores/Nike/page/1">Visit the Nike Store</a>
      <div id="merchant-info">Sold by <a id="sellerProfileTriggerId" href="/gp/help/seller/at-a-glance.html?seller=A1B2C3D4E5F6G7">ShoeDealz</a> and Fulfilled by Amazon.</div>`;
    const p = amazon.extract(makeContext(parsePage(html), "https://www.amazon.de/dp/B0TESTTEST"));
    expect(p.brand).toBe("Nike");
    expect(p.seller?.name).toBe("ShoeDealz");
    expect(p.seller?.official).toBeNull();
  });

  it("Amazon: localized bylines and store currency", () => {
    const html = `<span id="productTitle">Monitor</span><a id="bylineInfo" href="/stores/ViewSonic/page/1">Besuche den ViewSonic-Store</a>
      <div id="corePrice_feature_div"><span class="a-price"><span class="a-offscreen">259,99 €</span></span></div>`;
    const p = amazon.extract(makeContext(parsePage(html), "https://www.amazon.de/dp/B07SRDX1Z1"));
    expect(p.brand).toBe("ViewSonic");
    expect(p.price).toEqual({ amount: "259.99", currency: "EUR" });
    const es = amazon.extract(
      makeContext(
        parsePage(`<span id="productTitle">x</span><a id="bylineInfo">Marca: Sony</a>`),
        "https://www.amazon.es/dp/B000000001",
      ),
    );
    expect(es.brand).toBe("Sony");
  });
});
