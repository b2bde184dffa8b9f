import { describe, expect, it } from "vitest";
import { AMAZON_SITES, currencyOf, EBAY_SITES, MERCADOLIBRE_SITES, siteOf, wwwHosts } from "./marketplace-hosts.ts";
import { reportUrl } from "./report-portals.ts";

describe("marketplace country sites", () => {
  it("a host belongs to a site as the domain itself or a subdomain, never by a look-alike", () => {
    expect(siteOf(AMAZON_SITES, "www.amazon.com.mx")).toBe("amazon.com.mx");
    expect(siteOf(AMAZON_SITES, "smile.amazon.co.uk")).toBe("amazon.co.uk");
    expect(siteOf(AMAZON_SITES, "WWW.EBAY.DE")).toBeNull();
    expect(siteOf(EBAY_SITES, "WWW.EBAY.DE")).toBe("ebay.de");
    expect(siteOf(AMAZON_SITES, "amazon.com.evil.example")).toBeNull();
    expect(siteOf(AMAZON_SITES, "notamazon.com")).toBeNull();
  });

  it("the currency is the site's", () => {
    expect(currencyOf(AMAZON_SITES, "www.amazon.co.jp")).toBe("JPY");
    expect(currencyOf(MERCADOLIBRE_SITES, "articulo.mercadolibre.com.co")).toBe("COP");
    expect(currencyOf(MERCADOLIBRE_SITES, "produto.mercadolivre.com.br")).toBe("BRL");
    expect(currencyOf(EBAY_SITES, "www.amazon.com")).toBeNull();
  });

  it("report pages are built on the listing's own country site, from the same table", () => {
    expect(wwwHosts(EBAY_SITES)).toContain("www.ebay.co.uk");
    expect(reportUrl("amazon", "https://www.amazon.de/dp/B000000000", "agent")).toBe(
      "https://www.amazon.de/report/infringement",
    );
    expect(reportUrl("amazon", "https://www.amazon.evil.example/dp/B000000000", "agent")).toBe(
      "https://www.amazon.com/report/infringement",
    );
  });
});
