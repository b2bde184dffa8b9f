import { describe, expect, it } from "vitest";
import { charsetOf, classifyResponse, coveredUrl, decodeBody, pageText } from "./case-recheck.ts";

const PATTERNS = ["https://*.amazon.com/*", "https://item.taobao.com/*", "https://www.walmart.com/*"];
const LISTING = { title: "Nike Air Max 90 replica 1:1", sku: "B07SRDX1Z1", marketplace: "amazon" as const };
const page = (body: string) =>
  `<html><head><title>x</title><script>var t="${LISTING.title}"</script></head><body>${body}</body></html>`;

describe("coveredUrl", () => {
  it("takes the content script's hosts and their subdomains, https only", () => {
    expect(coveredUrl("https://www.amazon.com/dp/B07", PATTERNS)).toBe(true);
    expect(coveredUrl("https://amazon.com/dp/B07", PATTERNS)).toBe(true);
    expect(coveredUrl("https://item.taobao.com/item.htm?id=1", PATTERNS)).toBe(true);
    expect(coveredUrl("https://www.walmart.com/ip/1", PATTERNS)).toBe(true);
  });
  it("refuses other hosts, look-alikes, http, ports, credentials and junk", () => {
    expect(coveredUrl("https://evilamazon.com/dp/1", PATTERNS)).toBe(false);
    expect(coveredUrl("https://amazon.com.evil.example/dp/1", PATTERNS)).toBe(false);
    expect(coveredUrl("https://world.taobao.com/item/1", PATTERNS)).toBe(false);
    expect(coveredUrl("http://www.amazon.com/dp/1", PATTERNS)).toBe(false);
    expect(coveredUrl("https://www.amazon.com:8443/dp/1", PATTERNS)).toBe(false);
    expect(coveredUrl("https://u:p@www.amazon.com/dp/1", PATTERNS)).toBe(false);
    expect(coveredUrl("http://127.0.0.1:8080/", PATTERNS)).toBe(false);
    expect(coveredUrl("not a url", PATTERNS)).toBe(false);
  });
});

describe("classifyResponse", () => {
  it("live when the page shows the title (spacing and case aside)", () => {
    expect(
      classifyResponse({ status: 200, body: page("<h1>NIKE  Air Max 90 — replica 1:1</h1>") }, LISTING).result,
    ).toBe("live");
  });
  it("does not count the title inside a script as shown", () => {
    expect(classifyResponse({ status: 200, body: page("<h1>Something else</h1>") }, LISTING).result).toBe("removed");
  });
  it("changed when only the item id is left", () => {
    expect(
      classifyResponse({ status: 200, body: page("<h1>Other title</h1><p>ASIN B07SRDX1Z1</p>") }, LISTING),
    ).toMatchObject({
      result: "changed",
      detail: "the item id is on the page but the title is not",
      said: { key: "recheck_id_only" },
    });
  });
  it("removed on 404/410 and on the marketplace's removal wording even with the title", () => {
    expect(classifyResponse({ status: 404, body: "" }, LISTING)).toEqual({
      result: "removed",
      detail: "the server answered 404 (not found)",
      said: { key: "http_not_found", params: { status: 404 } },
    });
    expect(classifyResponse({ status: 410, body: "" }, LISTING).result).toBe("removed");
    const ended = page(`<h1>${LISTING.title}</h1><p>This listing was ended by the seller.</p>`);
    expect(classifyResponse({ status: 200, body: ended }, { ...LISTING, marketplace: "ebay" }).result).toBe("removed");
  });
  it("unreachable on any other status: nothing is concluded", () => {
    for (const status of [403, 429, 500, 503, 301]) {
      expect(classifyResponse({ status, body: page(`<h1>${LISTING.title}</h1>`) }, LISTING).result).toBe("unreachable");
    }
  });
  it("strips tags and decodes the entities that matter", () => {
    expect(pageText("<p>a&amp;b &lt;c&gt;</p><style>x{}</style>")).toBe(" a&b <c>  ");
  });
});

describe("decodeBody", () => {
  it("follows the header's charset, then a meta charset, else utf-8", () => {
    const gbk = new Uint8Array([0xc4, 0xcd, 0xbf, 0xcb]); // 耐克 in GBK
    expect(decodeBody(gbk, "text/html; charset=GBK")).toBe("耐克");
    const meta = new Uint8Array([...new TextEncoder().encode('<meta charset="gbk">'), ...gbk]);
    expect(charsetOf(null, meta)).toBe("gbk");
    expect(decodeBody(meta, "text/html")).toContain("耐克");
    expect(decodeBody(new TextEncoder().encode("héllo"), null)).toBe("héllo");
    expect(decodeBody(new TextEncoder().encode("x"), "text/html; charset=no-such-charset")).toBe("x");
  });
});
