import { describe, expect, it } from "vitest";
import { expectedErrors, page, run, runHtml } from "../../../test-support/fixture-pages.node.ts";
import { tmall, tmallOfficial } from "./tmall.ts";

const REAL = page("taobao-tmall", "ogsp_tmall_605258110430.html.gz");
const WRITTEN = page("taobao-tmall", "written_tmall_react_2023.written.html");

describe("tmall adapter", () => {
  it("matches Tmall hosts, including tmall.hk and chaoshi", () => {
    for (const h of ["detail.tmall.com", "detail.tmall.hk", "chaoshi.detail.tmall.com", "detail.m.tmall.com"]) {
      expect(tmall.matchesHost(h)).toBe(true);
    }
    expect(tmall.matchesHost("item.taobao.com")).toBe(false);
  });

  it("reads the real classic-layout page (GBK, TShop.Setup)", () => {
    const patch = run(tmall, REAL);
    expect(expectedErrors(REAL, patch)).toEqual([]);
    // From itemDO.prov in TShop.Setup: the province the item ships from.
    expect(patch.shipsFrom).toBe("江苏");
  });

  it("reads the written 2023 React layout", () => {
    expect(expectedErrors(WRITTEN, run(tmall, WRITTEN))).toEqual([]);
  });

  it("labels official by Tmall's store types, not by free text", () => {
    expect(tmallOfficial("苏宁易购官方旗舰店", "detail.tmall.com")).toBe(true);
    expect(tmallOfficial("耐克海外旗舰店", "detail.tmall.hk")).toBe(true);
    expect(tmallOfficial("某某运动专营店", "detail.tmall.com")).toBe(false);
    expect(tmallOfficial("某某专卖店", "detail.tmall.com")).toBe(false);
    expect(tmallOfficial("天猫超市", "chaoshi.detail.tmall.com")).toBe(true);
    expect(tmallOfficial("旗舰店铺子官方", "detail.tmall.com")).toBe(null);
    expect(tmallOfficial(null, "detail.tmall.com")).toBe(null);
  });

  it("falls back to skuMap prices when no price is shown", () => {
    const setup = {
      itemDO: { title: "T", brand: "B", quantity: 0, userId: "1" },
      valItemInfo: { skuMap: { ";1:1;": { priceCent: 129900, price: "1299.00" }, ";1:2;": { price: "1599.00" } } },
    };
    const html = `<div class="tb-detail-hd"><h1>T</h1></div><script>TShop.Setup(${JSON.stringify(setup)});</script>`;
    const { patch } = runHtml(tmall, html, "https://detail.tmall.com/item.htm?id=605258110430");
    expect(patch.price).toEqual({ amount: "1299.00", currency: "CNY" });
    expect(patch.priceRange?.max).toEqual({ amount: "1599.00", currency: "CNY" });
    expect(patch.availability).toBe("OutOfStock");
    expect(patch.brand).toBe("B");
  });

  it("is not a listing on list or shop pages, and never throws", () => {
    expect(runHtml(tmall, "<p></p>", "https://list.tmall.com/search_product.htm?q=x").listing).toBe(false);
    expect(runHtml(tmall, "<p></p>", "https://suning.tmall.com/").listing).toBe(false);
    const broken = '<script>TShop.Setup({"itemDO": {"title": </script>';
    expect(() => runHtml(tmall, broken, "https://detail.tmall.com/item.htm?id=605258110430")).not.toThrow();
  });
});
