import { describe, expect, it } from "vitest";
import { REGISTRY } from "../shared/marketplaces.ts";
import { marketplaceFromUrl } from "./marketplace.ts";

describe("marketplaceFromUrl, from the registry's host labels", () => {
  it("finds every registered host's marketplace", () => {
    for (const m of REGISTRY.marketplaces) {
      for (const h of m.hosts) {
        const sub = h.subdomains?.[0] ?? "www";
        expect(marketplaceFromUrl(`https://${sub}.${h.domain}/item/1`), h.domain).toBe(m.id);
      }
    }
    expect(marketplaceFromUrl("https://detail.1688.com/offer/1.html")).toBe("alibaba");
  });

  it("anything else, or no URL at all, is generic", () => {
    expect(marketplaceFromUrl("https://shop.example/product/1")).toBe("generic");
    expect(marketplaceFromUrl("not a url")).toBe("generic");
  });
});
