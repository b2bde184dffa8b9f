import { describe, expect, it } from "vitest";
import { expectedErrors, page, run, runHtml } from "../../../test-support/fixture-pages.node.ts";
import { dhgate } from "./dhgate.ts";

const WRITTEN = page("dhgate", "written_dhgate_watch.written.html");

describe("dhgate adapter", () => {
  it("matches dhgate.com and its subdomains", () => {
    for (const h of ["www.dhgate.com", "m.dhgate.com", "de.dhgate.com"]) expect(dhgate.matchesHost(h)).toBe(true);
    expect(dhgate.matchesHost("dhgate.com.evil.example")).toBe(false);
  });

  it("reads the written product page; Top Merchant is not official", () => {
    expect(expectedErrors(WRITTEN, run(dhgate, WRITTEN))).toEqual([]);
  });

  it("is a listing only on /product/ pages", () => {
    expect(runHtml(dhgate, "", "https://www.dhgate.com/wholesale/search.do?searchkey=watch").listing).toBe(false);
    expect(runHtml(dhgate, "", "https://www.dhgate.com/store/21234567").listing).toBe(false);
  });

  it("reads euro prices and never throws on an empty page", () => {
    const html = `<h1>X</h1><div class="product-price">€ 12,50</div>`;
    const { patch } = runHtml(dhgate, html, "https://de.dhgate.com/product/x/123456789.html");
    expect(patch.price).toEqual({ amount: "12.50", currency: "EUR" });
    expect(() => runHtml(dhgate, "", "https://www.dhgate.com/product/x/123456789.html")).not.toThrow();
  });
});
