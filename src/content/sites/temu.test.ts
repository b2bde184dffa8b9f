import { describe, expect, it } from "vitest";
import { expectedErrors, page, run, runHtml } from "../../../test-support/fixture-pages.node.ts";
import { goodsIdFromUrl, temu } from "./temu.ts";

const WRITTEN = page("temu", "written_temu_uk.written.html");

describe("temu adapter", () => {
  it("matches temu.com", () => {
    expect(temu.matchesHost("www.temu.com")).toBe(true);
    expect(temu.matchesHost("temu.com.evil.example")).toBe(false);
  });

  it("reads rawData on the written UK page", () => {
    expect(expectedErrors(WRITTEN, run(temu, WRITTEN))).toEqual([]);
  });

  it("is a listing only on goods pages", () => {
    expect(goodsIdFromUrl(new URL("https://www.temu.com/de/x-g-601099512345678.html"))).toBe("601099512345678");
    expect(runHtml(temu, "", "https://www.temu.com/search_result.html?search_key=shoes").listing).toBe(false);
    expect(runHtml(temu, "", "https://www.temu.com/").listing).toBe(false);
  });

  it("leaves official unknown without a visible badge, and reads prices in minor units", () => {
    const raw = {
      store: {
        goods: { goodsName: "Mug", minOnSalePrice: 399, maxOnSalePrice: 599 },
        mall: { mallName: "Mug Official Store" },
      },
    };
    const html = `<span class="officialBadge" style="display:none">Brand Official Store</span><script>window.rawData = ${JSON.stringify(raw)};</script>`;
    const { patch } = runHtml(temu, html, "https://www.temu.com/mug-g-601099500000001.html");
    expect(patch.seller).toMatchObject({ name: "Mug Official Store", official: null });
    expect(patch.price).toEqual({ amount: "3.99", currency: "USD" });
    expect(patch.priceRange?.max).toEqual({ amount: "5.99", currency: "USD" });
  });

  it("never throws on a broken rawData", () => {
    const html = '<h1>Mug</h1><script>window.rawData = {"store": {</script>';
    const { patch } = runHtml(temu, html, "https://www.temu.com/mug-g-601099500000001.html");
    expect(patch.title).toBe("Mug");
    expect(patch.sku).toBe("601099500000001");
  });
});
