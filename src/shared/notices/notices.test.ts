import { describe, expect, it } from "vitest";
import { HOSTILE_TITLE, sampleListing, sampleNoticeInput } from "../case-sample.node.ts";
import { MARKETPLACES, type MarketplaceId } from "../listing.ts";
import { REGISTRY } from "../marketplaces.ts";
import { PORTAL_OF, reportUrl } from "../report-portals.ts";
import {
  NOTICE_WRITERS,
  type Notice,
  type NoticeInput,
  noticeFor,
  noticeJson,
  noticeText,
  writeNotice,
} from "./index.ts";

function input(marketplace: MarketplaceId, url?: string, over: Partial<NoticeInput["case"]> = {}): NoticeInput {
  const listing = { ...sampleListing(), marketplace, url: url ?? sampleListing().url };
  const made = sampleNoticeInput(listing);
  made.case = { ...made.case, ...over };
  return made;
}

function value(notice: Notice, key: string): string {
  const f = notice.fields.find((x) => x.key === key);
  if (!f) throw new Error(`${notice.portal} has no field ${key}: ${notice.fields.map((x) => x.key).join(", ")}`);
  return f.value;
}

describe("notices", () => {
  it("has a writer for every portal of the registry and every marketplace", () => {
    for (const m of MARKETPLACES) expect(NOTICE_WRITERS[PORTAL_OF[m]]).toBeTypeOf("function");
    expect(Object.keys(NOTICE_WRITERS).sort()).toEqual(REGISTRY.portals.map((p) => p.id).sort());
  });

  it("Amazon: counterfeit report on the listing's country site, the capacity, the registration of that jurisdiction", () => {
    const url = "https://www.amazon.de/dp/B07SRDX1Z1";
    const notice = noticeFor("amazon", input("amazon", url));
    expect(value(notice, "issue")).toMatch(/counterfeit/i);
    expect(value(notice, "registrationNumber")).toBe("000146555");
    expect(value(notice, "reporter")).toBe("Authorised agent (letter of authorisation LOA-2025-017)");
    expect(value(notice, "listingUrl")).toBe(url);
    expect(notice.url).toBe("https://www.amazon.de/report/infringement");
    expect(notice.urlVerified).toBe(true);
    const us = noticeFor("amazon", input("amazon", "https://www.amazon.com/dp/B07SRDX1Z1"));
    expect(value(us, "registrationNumber")).toBe("978952");
    expect(us.warnings.join(" ")).not.toMatch(/No registration/);
  });

  it("Amazon: no registration for the site's jurisdiction cites the first and says so; expired ones are skipped", () => {
    const uk = noticeFor("amazon", input("amazon", "https://www.amazon.co.uk/dp/B0"));
    expect(value(uk, "registrationNumber")).toBe("978952");
    expect(uk.warnings.join(" ")).toMatch(/No registration for GB/);
    const expired = input("amazon", "https://www.amazon.com/dp/B0");
    expired.profile.trademarks = [
      { office: "USPTO", number: "111", classes: "25", jurisdiction: "US", expiry: "2020-01-01" },
      { office: "USPTO", number: "222", classes: "25", jurisdiction: "", expiry: "2030-01-01" },
    ];
    expect(value(noticeFor("amazon", expired), "registrationNumber")).toBe("222");
  });

  it("Amazon: a look-alike host never becomes the report URL", () => {
    const notice = noticeFor("amazon", input("amazon", "https://www.amazon.com.evil.example/dp/B0"));
    expect(notice.url).toBe("https://www.amazon.com/report/infringement");
  });

  it("eBay VeRO: one NOCI reason (1.1 counterfeit, 2.1 listing misuse), the VeRO address, eBay's API limits", () => {
    const notice = noticeFor("ebay", input("ebay"));
    expect(value(notice, "reasonCode")).toBe("Trademark — item(s) is a counterfeit product (1.1)");
    expect(value(notice, "itemNumber")).toBe("226771798286");
    expect(notice.submitTo).toBe("vero@ebay.com");
    expect(notice.url).toBe(
      "https://www.ebay.com/help/policies/listing-policies/selling-policies/intellectual-property-vero-program?id=4349",
    );
    expect(notice.warnings.join(" ")).toMatch(/one step from its reporting page/);
    const textOnly = noticeFor("ebay", input("ebay", undefined, { details: { where: ["text"], testBuyOrders: [] } }));
    expect(value(textOnly, "reasonCode")).toBe("Trademark — listing(s) uses the trademark unlawfully (2.1)");
    expect(noticeText(notice)).not.toMatch(/\(1\.2\)|\(1\.3\)/);
    const long = input("ebay");
    long.profile.company = "X".repeat(3000);
    long.case.verdict = { ...long.case.verdict, brand: { id: "b", name: "B".repeat(80) } };
    const clipped = noticeFor("ebay", long);
    for (const [key, max] of [
      ["sellerMessage", 1000],
      ["details", 1000],
      ["brand", 50],
    ] as const) {
      const f = clipped.fields.find((x) => x.key === key);
      expect(f?.maxLength).toBe(max);
      expect(f?.value.length).toBeLessThanOrEqual(max);
    }
    expect(value(clipped, "sellerMessage").endsWith("…")).toBe(true);
  });

  it("eBay: the shopper is sent to the counterfeit item policy (id 4276) on the listing's site", () => {
    expect(reportUrl("ebay", "https://www.ebay.co.uk/itm/1", "shopper")).toBe(
      "https://www.ebay.co.uk/help/policies/prohibited-restricted-items/counterfeit-item-policy?id=4276",
    );
  });

  it("Alibaba IPP: complaint type and reason apart, the platform named, up to 300 listings", () => {
    for (const [m, name] of [
      ["alibaba", "Alibaba.com"],
      ["aliexpress", "AliExpress"],
      ["taobao", "Taobao"],
      ["tmall", "Tmall"],
    ] as const) {
      const notice = noticeFor(m, input(m));
      expect(notice.portal).toBe("alibaba-ipp");
      expect(notice.url).toBe("https://ipp.alibabagroup.com/");
      expect(value(notice, "platform")).toBe(name);
      expect(value(notice, "complaintType")).toBe("Product listing");
      expect(value(notice, "reason")).toMatch(/counterfeit/i);
    }
    const one = input("aliexpress");
    expect(value(noticeFor("aliexpress", one), "supplementaryReasons")).toContain("Replica wording");
    expect(noticeFor("aliexpress", one).warnings.join(" ")).toMatch(/verified in IPP/);
    const many = (n: number) => ({
      ...one,
      more: Array.from({ length: n - 1 }, (_, i) => ({ ...one.case, url: `${one.case.url}?${i}` })),
    });
    expect(noticeFor("aliexpress", many(300)).errors).toEqual([]);
    expect(value(noticeFor("aliexpress", many(300)), "infringingLinks").split("\n")).toHaveLength(300);
    expect(noticeFor("aliexpress", many(301)).errors.join(" ")).toMatch(/at most 300/);
  });

  it("Walmart: Counterfeit is its own type, a USPTO registration whatever the site, up to 10 URLs each with its seller", () => {
    const notice = noticeFor("walmart", input("walmart", "https://www.walmart.ca/en/ip/1"));
    expect(value(notice, "infringementType")).toBe("Counterfeit");
    expect(value(notice, "registration")).toBe("978952");
    expect(value(notice, "itemUrls")).toContain("seller: =cheap_kicks_88");
    expect(notice.url).toBe("https://brandportal.walmart.com/");
    const base = input("walmart");
    const eleven = { ...base, more: Array.from({ length: 10 }, () => base.case) };
    expect(noticeFor("walmart", eleven).errors.join(" ")).toMatch(/at most 10/);
  });

  it("Etsy: refuses a notice without the owner's name, address and phone, or with a shop URL", () => {
    const ok = noticeFor("etsy", input("etsy", "https://www.etsy.com/listing/1385245506/sterling-silver"));
    expect(ok.errors).toEqual([]);
    const bare = input("etsy", "https://www.etsy.com/shop/CheapKicks");
    bare.profile.address = "";
    bare.profile.phone = "";
    bare.profile.company = "";
    const refused = noticeFor("etsy", bare);
    expect(refused.errors.join("\n")).toMatch(/Physical address/);
    expect(refused.errors.join("\n")).toMatch(/Phone/);
    expect(refused.errors.join("\n")).toMatch(/Name of the IP owner/);
    expect(refused.errors.join("\n")).toMatch(/etsy\.com\/shop\/CheapKicks" is not accepted/);
    expect(noticeText(refused)).toMatch(/^NOT READY: /m);
  });

  it("Temu: the type of infringement from the case, test-buy orders, and the good-faith statement", () => {
    const details = { where: ["product", "packaging"] as const, testBuyOrders: ["PO-211-0042"] };
    const notice = noticeFor("temu", input("temu", undefined, { details: { ...details, where: [...details.where] } }));
    expect(value(notice, "infringementType")).toBe("Product, Packaging");
    expect(value(notice, "supporting")).toContain("Test-buy order(s): PO-211-0042");
    expect(value(notice, "statement")).toMatch(/good faith belief/);
    expect(notice.errors).toEqual([]);
    expect(noticeFor("temu", input("temu")).errors.join(" ")).toMatch(/Type of infringement: required/);
  });

  it("Mercado Libre: rights are enrolled per country, so the listing's country registration is cited", () => {
    const made = input("mercadolibre", "https://articulo.mercadolibre.com.ar/MLA-1");
    made.profile.trademarks = [
      { office: "USPTO", number: "978952", classes: "25", jurisdiction: "US", expiry: "" },
      { office: "INPI", number: "AR-2001", classes: "25", jurisdiction: "AR", expiry: "" },
    ];
    const notice = noticeFor("mercadolibre", made);
    expect(value(notice, "registration")).toBe("AR-2001");
    expect(notice.url).toBe("https://global-selling.mercadolibre.com/brandprotection/enforcement");
    expect(notice.urlVerified).toBe(true);
  });

  it("DHgate and Rakuten: the unverified address is opened as the IP help page, and the notice says so", () => {
    for (const m of ["dhgate", "rakuten"] as const) {
      const notice = noticeFor(m, input(m));
      expect(notice.urlVerified).toBe(false);
      expect(notice.url).not.toBeNull();
      expect(notice.warnings[0]).toMatch(/No public source confirms/);
    }
    expect(value(noticeFor("rakuten", input("rakuten")), "reason")).toBe("偽造品 (counterfeit)");
  });

  it("a good-faith statement in every portal's notice", () => {
    for (const p of REGISTRY.portals) {
      expect(value(writeNotice(p.id, input("amazon")), "statement"), p.id).toMatch(/good faith belief/);
    }
  });

  it("where no source gives a limit, long text is kept short and the notice says the limit is unknown", () => {
    const listing = sampleListing("Nike ".repeat(800));
    for (const m of ["amazon", "aliexpress", "temu", "walmart", "dhgate", "mercadolibre", "etsy"] as const) {
      const notice = noticeFor(m, sampleNoticeInput({ ...listing, marketplace: m }));
      for (const f of notice.fields) {
        expect(f.value.length, `${m}.${f.key}`).toBeLessThanOrEqual(f.maxLength ?? REGISTRY.unknownLimitTarget * 10);
        if (f.maxLength === undefined && ["description", "supplementaryReasons"].includes(f.key)) {
          expect(f.value.length).toBeLessThanOrEqual(REGISTRY.unknownLimitTarget);
        }
      }
      expect(notice.warnings.join(" "), m).toMatch(/no public source gives .* limit/);
    }
  });

  it("cites the evidence hashes and the raise-risk signals with their words, not the ones that lower risk", () => {
    const text = value(noticeFor("ebay", input("ebay")), "details");
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

  it("asks for trademarks when the profile has none, and a required registration number is an error", () => {
    const bare = input("etsy");
    bare.profile.trademarks = [];
    expect(value(noticeFor("etsy", bare), "registrations")).toMatch(/add your trademark/);
    expect(noticeFor("amazon", bare).errors.join(" ")).toMatch(/registration number: required/i);
  });

  it("profile attachments: the letter and the certificate of the chosen registration are listed to upload", () => {
    const made = input("dhgate");
    const id = (c: string) => c.repeat(64);
    made.profile.attachments = [
      { id: id("1"), kind: "authorisation", name: "loa.pdf", mime: "application/pdf", bytes: 10, registration: "" },
      { id: id("2"), kind: "certificate", name: "us.pdf", mime: "application/pdf", bytes: 10, registration: "978952" },
      {
        id: id("3"),
        kind: "certificate",
        name: "eu.pdf",
        mime: "application/pdf",
        bytes: 10,
        registration: "000146555",
      },
    ];
    const notice = noticeFor("dhgate", made);
    expect(notice.attachments).toEqual([
      "screenshot.png",
      "attachments/authorisation-11111111-loa.pdf",
      "attachments/certificate-22222222-us.pdf",
    ]);
    expect(value(notice, "certificate")).toBe("attachments/certificate-22222222-us.pdf");
  });
});
