import { describe, expect, it } from "vitest";
import { hostOf } from "./seller.ts";

function viaUrl(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

describe("hostOf", () => {
  it("gives URL's hostname, or null where URL refuses", () => {
    const urls = [
      "https://www.ebay.com/itm/1",
      "HTTPS://WWW.Ebay.COM",
      "http://a.com.",
      "http://a.com?x=1",
      "http://a.com#f",
      "http://1.2.3.4/",
      "http://01.2.3.4/",
      "http://1.2/",
      "http://a.123/",
      "http://a.0x10/",
      "http://a.0x10./",
      "http://xn--abc.com/",
      "http://xn--nxasmq6b.com/",
      "http://a.com:80/",
      "http://a.com:99999/",
      "http://user@a.com/",
      "http:///a",
      "https:/a.com",
      "http://a.com\\path",
      " http://a.com/",
      "http://a\tb.com/",
      "http://a_b.com/",
      "http://.a.com/",
      "http://../",
      "http://a..b/",
      "http://[::1]/",
      "ftp://A.com/",
      "foo://Bar/",
      "",
      "not a url",
      "shop.example/item/1",
      "//a.com/",
      "\u0001 https://a.com/",
      "1http://a.com/",
      "a:b",
      "ht\ttp://a.com/",
      "h\nttps://a.com/x",
      "a\u000bb://x",
      "+a://x",
      "A-1.b+c://Host/",
      "http://ab--c.com/",
      `http://${"a".repeat(70)}.com/`,
    ];
    for (const u of urls) expect([u, hostOf(u)]).toEqual([u, viaUrl(u)]);
  });
});
