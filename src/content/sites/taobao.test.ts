import { describe, expect, it } from "vitest";
import { expectedErrors, page, run, runHtml } from "../../../test-support/fixture-pages.node.ts";
import { taobao } from "./taobao.ts";

const REAL = page("taobao-tmall", "ogsp_taobao_562283240178.html.gz");
const WRITTEN = page("taobao-tmall", "written_taobao_react_2023.written.html");

describe("taobao adapter", () => {
  it("matches every Taobao host and no Tmall one", () => {
    for (const h of ["item.taobao.com", "world.taobao.com", "m.intl.taobao.com", "s.taobao.com"]) {
      expect(taobao.matchesHost(h)).toBe(true);
    }
    for (const h of ["detail.tmall.com", "taobao.com.evil.example", "nottaobao.com"]) {
      expect(taobao.matchesHost(h)).toBe(false);
    }
  });

  it("reads the real classic-layout page (GBK-declared, g_config)", () => {
    const patch = run(taobao, REAL);
    expect(expectedErrors(REAL, patch)).toEqual([]);
  });

  it("reads the written 2023 React layout and does not trust a self-named 旗舰店", () => {
    const patch = run(taobao, WRITTEN);
    expect(expectedErrors(WRITTEN, patch)).toEqual([]);
    expect(patch.seller?.official).toBe(false);
  });

  it("takes the item id from world.taobao.com paths", () => {
    const { listing, patch } = runHtml(taobao, "<h1>x</h1>", "https://world.taobao.com/item/562283240178.htm");
    expect(listing).toBe(true);
    expect(patch.sku).toBe("562283240178");
  });

  it("is not a listing on search, shop or home pages", () => {
    for (const url of [
      "https://s.taobao.com/search?q=nike",
      "https://shop123.taobao.com/",
      "https://www.taobao.com/",
      "https://item.taobao.com/item.htm",
    ]) {
      expect(runHtml(taobao, "<p></p>", url).listing).toBe(false);
    }
  });

  it("prefers a visible promotion price and ignores a hidden one", () => {
    const html = `<div id="J_Title"><h3 class="tb-main-title">T</h3></div>
      <strong id="J_StrPrice"><em class="tb-rmb-num">120.00</em></strong>
      <li id="J_PromoPrice" class="tb-hidden"><em class="tb-rmb-num">1.00</em></li>`;
    const url = "https://item.taobao.com/item.htm?id=123456789";
    expect(runHtml(taobao, html, url).patch.price).toEqual({ amount: "120.00", currency: "CNY" });
    const shown = html.replace('class="tb-hidden"', 'class="tb-promo-price"');
    expect(runHtml(taobao, shown, url).patch.price).toEqual({ amount: "1.00", currency: "CNY" });
  });

  // Bounded: a reading quadratic in the 200,000 unbalanced braces (4·10^10 steps) would not end within the timeout;
  // a linear one takes milliseconds. No time is asserted, so load cannot fail it.
  it("never throws and stays bounded on a broken, unbalanced g_config", { timeout: 30_000 }, () => {
    const huge = `<script>var g_config = { shopName: '\\u6021', title: 'x', a: "${"{".repeat(200_000)}</script>`;
    const { patch } = runHtml(taobao, huge, "https://item.taobao.com/item.htm?id=123456789");
    expect(patch.sku).toBe("123456789");
  });
});
