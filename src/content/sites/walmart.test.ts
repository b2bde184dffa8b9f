import { describe, expect, it } from "vitest";
import { expectedErrors, page, run, runHtml } from "../../../test-support/fixture-pages.node.ts";
import { isWalmartItself, walmart } from "./walmart.ts";

const PAGES = ["written_walmart_ps5.written.html", "written_walmart_macbook-air.written.html"].map((f) =>
  page("walmart", f),
);

function nextDataPage(product: unknown, extra: Record<string, unknown> = {}): string {
  const data = { props: { pageProps: { initialData: { data: { product, ...extra } } } } };
  return `<html><body><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script></body></html>`;
}

describe("walmart adapter", () => {
  it("matches walmart.com and walmart.ca only", () => {
    expect(walmart.matchesHost("www.walmart.com")).toBe(true);
    expect(walmart.matchesHost("www.walmart.ca")).toBe(true);
    expect(walmart.matchesHost("walmart.com.evil.example")).toBe(false);
  });

  for (const file of PAGES) {
    it(`reads __NEXT_DATA__ built from the real scrapfly values: ${file.split("/").pop()}`, () => {
      expect(expectedErrors(file, run(walmart, file))).toEqual([]);
    });
  }

  it("is a listing only on /ip/ pages", () => {
    expect(runHtml(walmart, "", "https://www.walmart.com/ip/Some-Thing/123456789").listing).toBe(true);
    expect(runHtml(walmart, "", "https://www.walmart.ca/en/ip/some-thing/6000204958956").listing).toBe(true);
    expect(runHtml(walmart, "", "https://www.walmart.com/search?q=ps5").listing).toBe(false);
    expect(runHtml(walmart, "", "https://www.walmart.com/browse/electronics/3944").listing).toBe(false);
  });

  it("marks marketplace sellers not official and reads ranges, specs, categories", () => {
    const product = {
      usItemId: "987654321",
      name: "Wireless Earbuds",
      brand: "Acme",
      sellerName: "Gadget Outlet LLC",
      sellerId: "ABC123",
      availabilityStatus: "IN_STOCK",
      upc: "012345678905",
      priceInfo: {
        currentPrice: { price: 19.99, currencyUnit: "USD" },
        priceRange: { minPrice: 19.99, maxPrice: 29.5, currencyUnit: "USD" },
      },
      category: { path: [{ name: "Electronics" }, { name: "Headphones" }] },
    };
    const html = nextDataPage(product, { idml: { specifications: [{ name: "Color", value: "Black" }] } });
    const { patch } = runHtml(walmart, html, "https://www.walmart.com/ip/x/987654321");
    expect(patch.seller).toMatchObject({ name: "Gadget Outlet LLC", id: "ABC123", official: false });
    expect(patch.price).toEqual({ amount: "19.99", currency: "USD" });
    expect(patch.priceRange).toEqual({
      min: { amount: "19.99", currency: "USD" },
      max: { amount: "29.50", currency: "USD" },
    });
    expect(patch.gtin).toBe("012345678905");
    expect(patch.specifics).toEqual([{ name: "Color", value: "Black" }]);
    expect(patch.categories).toEqual(["Electronics", "Headphones"]);
  });

  it("defaults to CAD on walmart.ca and recognises Walmart itself there", () => {
    const html = nextDataPage({ name: "Kettle", priceInfo: { currentPrice: { price: 24.97 } }, sellerName: "Walmart" });
    const { patch } = runHtml(walmart, html, "https://www.walmart.ca/en/ip/kettle/6000204958956");
    expect(patch.price).toEqual({ amount: "24.97", currency: "CAD" });
    expect(patch.seller?.official).toBe(true);
    expect(patch.sku).toBe("6000204958956");
    expect(isWalmartItself("Walmart.com")).toBe(true);
    expect(isWalmartItself("Walmart.com Deals Outlet")).toBe(false);
  });

  it("falls back to the visible page when __NEXT_DATA__ is missing or broken, without throwing", () => {
    const html = `<h1 itemprop="name">Desk Lamp</h1><span itemprop="price">$12.49</span>
      <div data-testid="product-seller-info">Sold by <a>Lamp World</a></div>
      <script id="__NEXT_DATA__" type="application/json">{"props": {</script>`;
    const { patch } = runHtml(walmart, html, "https://www.walmart.com/ip/Desk-Lamp/55555");
    expect(patch.title).toBe("Desk Lamp");
    expect(patch.price).toEqual({ amount: "12.49", currency: "USD" });
    expect(patch.seller).toMatchObject({ name: "Lamp World", official: false });
    expect(patch.sku).toBe("55555");
  });
});
