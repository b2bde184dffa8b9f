import { describe, expect, it } from "vitest";
import { HOSTILE_TITLE, sampleListing, sampleNoticeInput } from "../case-sample.node.ts";
import { MARKETPLACES, type MarketplaceId } from "../listing.ts";
import { PORTAL_OF } from "../report-portals.ts";
import { EBAY_SELLER_MESSAGE_MAX, sellerMessage, VERO_REASONS } from "./ebay.ts";
import { NOTICE_WRITERS, noticeFor, noticeJson, noticeText } from "./index.ts";

function fieldValue(marketplace: MarketplaceId, key: string, url?: string): string {
  const listing = { ...sampleListing(), marketplace, url: url ?? sampleListing().url };
  const notice = noticeFor(marketplace, sampleNoticeInput(listing));
  const f = notice.fields.find((x) => x.key === key);
  if (!f) throw new Error(`${notice.portal} has no field ${key}: ${notice.fields.map((x) => x.key).join(", ")}`);
  return f.value;
}

describe("notices", () => {
  it("has a writer for every portal a marketplace maps to", () => {
    for (const m of MARKETPLACES) expect(NOTICE_WRITERS[PORTAL_OF[m]]).toBeTypeOf("function");
  });

  it("Amazon: counterfeit trademark report with the ASIN, the registration and the agent's capacity", () => {
    const url = "https://www.amazon.co.uk/dp/B07SRDX1Z1";
    expect(fieldValue("amazon", "issue", url)).toMatch(/counterfeit/i);
    expect(fieldValue("amazon", "registrationNumber", url)).toBe("978952");
    expect(fieldValue("amazon", "reporter", url)).toBe("Authorised agent (letter of authorisation LOA-2025-017)");
    expect(fieldValue("amazon", "listingUrl", url)).toBe(url);
    const notice = noticeFor("amazon", sampleNoticeInput({ ...sampleListing(), marketplace: "amazon", url }));
    expect(notice.url).toBe("https://www.amazon.co.uk/report/infringement");
  });

  it("Amazon: a look-alike host never becomes the report URL", () => {
    const url = "https://www.amazon.com.evil.example/dp/B0";
    const notice = noticeFor("amazon", sampleNoticeInput({ ...sampleListing(), marketplace: "amazon", url }));
    expect(notice.url).toBe("https://www.amazon.com/report/infringement");
  });

  it("eBay VeRO: a reason code, the item number and a seller message within 1,000 characters", () => {
    expect(Object.values(VERO_REASONS)).toContain(fieldValue("ebay", "reasonCode"));
    expect(fieldValue("ebay", "itemNumber")).toBe("226771798286");
    const input = sampleNoticeInput();
    input.profile.company = "X".repeat(3000);
    const message = sellerMessage(input);
    expect(message.length).toBeLessThanOrEqual(EBAY_SELLER_MESSAGE_MAX);
    expect(message.endsWith("…")).toBe(true);
    const notice = noticeFor("ebay", input);
    const field = notice.fields.find((f) => f.key === "sellerMessage");
    expect(field?.maxLength).toBe(1000);
    expect(field?.value.length).toBeLessThanOrEqual(1000);
  });

  it("eBay VeRO: a short seller message is kept whole", () => {
    const message = sellerMessage(sampleNoticeInput());
    expect(message).toContain("Nike Innovate C.V.");
    expect(message).toContain("brand-protection@example.com");
    expect(message.endsWith("…")).toBe(false);
  });

  it("Alibaba IPP serves Alibaba.com, AliExpress, Taobao and Tmall, naming the platform", () => {
    for (const [m, name] of [
      ["alibaba", "Alibaba.com"],
      ["aliexpress", "AliExpress"],
      ["taobao", "Taobao"],
      ["tmall", "Tmall"],
    ] as const) {
      const notice = noticeFor(m, sampleNoticeInput({ ...sampleListing(), marketplace: m }));
      expect(notice.portal).toBe("alibaba-ipp");
      expect(notice.url).toBe("https://ipp.alibabagroup.com/");
      expect(notice.fields.find((f) => f.key === "platform")?.value).toBe(name);
    }
    expect(fieldValue("aliexpress", "class")).toBe("25");
    expect(fieldValue("aliexpress", "authorisation")).toBe("LOA-2025-017");
  });

  it("Walmart, Etsy, Temu, DHgate and Mercado Libre have their own forms", () => {
    expect(fieldValue("walmart", "claimType")).toMatch(/counterfeit/i);
    expect(fieldValue("etsy", "ipType")).toBe("Trademark");
    expect(fieldValue("temu", "certificate")).toBe("978952");
    expect(fieldValue("dhgate", "complaintType")).toBe("Counterfeit");
    expect(fieldValue("mercadolibre", "reason")).toMatch(/Falsificación/);
    expect(noticeFor("walmart", sampleNoticeInput()).url).toBe("https://brandportal.walmart.com/");
  });

  it("cites the evidence hashes and the raise-risk signals with their words, not the ones that lower risk", () => {
    const text = fieldValue("ebay", "details");
    expect(text).toContain(`sha256:${"a".repeat(64)}`);
    expect(text).toContain('Replica wording: "replica" (in the title)');
    expect(text).not.toContain("Official store");
  });

  it("keeps a hostile title as inert text in text and JSON forms", () => {
    const notice = noticeFor("amazon", sampleNoticeInput());
    expect(noticeText(notice)).toContain(HOSTILE_TITLE);
    const parsed = JSON.parse(noticeJson(notice)) as { fields: Record<string, string> };
    expect(parsed.fields.description).toContain(HOSTILE_TITLE);
  });

  it("asks for trademarks when the profile has none", () => {
    const input = sampleNoticeInput();
    input.profile.trademarks = [];
    const notice = noticeFor("etsy", input);
    expect(notice.fields.find((f) => f.key === "registrations")?.value).toMatch(/add your trademark/);
  });

  it("clips long descriptions to the portal's limit", () => {
    const listing = sampleListing("Nike ".repeat(800));
    for (const m of ["amazon", "aliexpress", "temu"] as const) {
      const notice = noticeFor(m, sampleNoticeInput({ ...listing, marketplace: m }));
      for (const f of notice.fields)
        if (f.maxLength !== undefined) expect(f.value.length).toBeLessThanOrEqual(f.maxLength);
    }
  });
});
