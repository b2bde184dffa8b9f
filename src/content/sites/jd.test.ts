import { describe, expect, it } from "vitest";
import { expectedErrors, page, run, runHtml } from "../../../test-support/fixture-pages.node.ts";
import { jd, jdOfficial } from "./jd.ts";

const PAGES = ["written_jd_self_operated.written.html", "written_jd_pop_store.written.html"].map((f) => page("jd", f));

describe("jd adapter", () => {
  it("matches jd.com and JD Worldwide hosts", () => {
    for (const h of ["item.jd.com", "item.jd.hk", "npcitem.jd.hk", "global.jd.com"])
      expect(jd.matchesHost(h)).toBe(true);
    expect(jd.matchesHost("jd.com.evil.example")).toBe(false);
  });

  for (const file of PAGES) {
    it(`reads the written page ${file.split("/").pop()}`, () => {
      expect(expectedErrors(file, run(jd, file))).toEqual([]);
    });
  }

  it("is a listing only on /<sku>.html item pages", () => {
    expect(runHtml(jd, "", "https://item.jd.hk/100009876543.html").listing).toBe(true);
    expect(runHtml(jd, "", "https://search.jd.com/Search?keyword=iphone").listing).toBe(false);
    expect(runHtml(jd, "", "https://mall.jd.com/index-1000000127.html").listing).toBe(false);
  });

  it("labels official only from JD's own labels", () => {
    expect(jdOfficial("Apple产品京东自营旗舰店", false)).toBe(true);
    expect(jdOfficial("某品牌官方旗舰店", false)).toBe(true);
    expect(jdOfficial("某某专营店", false)).toBe(false);
    expect(jdOfficial("某某专营店", true)).toBe(true);
    expect(jdOfficial("某某数码", false)).toBe(null);
  });

  it("never throws on an unbalanced pageConfig", () => {
    const html = "<script>var pageConfig = { product: { name: 'x', skuid: 1 </script><div class='sku-name'>T</div>";
    const { patch } = runHtml(jd, html, "https://item.jd.com/123456.html");
    expect(patch.title).toBe("T");
    expect(patch.sku).toBe("123456");
  });
});
