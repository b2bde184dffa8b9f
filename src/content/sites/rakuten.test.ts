import { describe, expect, it } from "vitest";
import { expectedErrors, page, run, runHtml } from "../../../test-support/fixture-pages.node.ts";
import { rakuten } from "./rakuten.ts";

const WRITTEN = page("rakuten", "written_rakuten_official_sjis.written.html");

describe("rakuten adapter", () => {
  it("matches Rakuten Ichiba item pages' host only", () => {
    expect(rakuten.matchesHost("item.rakuten.co.jp")).toBe(true);
    expect(rakuten.matchesHost("search.rakuten.co.jp")).toBe(false);
  });

  it("reads the written Shift_JIS page (decoded from its meta charset)", () => {
    expect(expectedErrors(WRITTEN, run(rakuten, WRITTEN))).toEqual([]);
  });

  it("does not trust 公式 in a shop name without the badge, and reads .price2", () => {
    const html = `<span class="shop-name">なんでも公式ショップ</span><span class="item_name">T</span><span class="price2">1,980円</span>`;
    const { listing, patch } = runHtml(rakuten, html, "https://item.rakuten.co.jp/nandemo/abc-123/");
    expect(listing).toBe(true);
    expect(patch.seller?.official).toBe(null);
    expect(patch.price).toEqual({ amount: "1980", currency: "JPY" });
    expect(patch.sku).toBe("nandemo:abc-123");
  });

  it("ignores a hidden 公式 badge and is not a listing on shop top pages", () => {
    const html = `<span class="official-badge" hidden>公式</span><span class="item_name">T</span>`;
    expect(runHtml(rakuten, html, "https://item.rakuten.co.jp/shop/item/").patch.seller?.official).toBe(null);
    expect(runHtml(rakuten, "", "https://item.rakuten.co.jp/shop/").listing).toBe(false);
  });
});
