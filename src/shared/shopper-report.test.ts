import { describe, expect, it } from "vitest";
import { HOSTILE_TITLE, sampleListing, sampleVerdict } from "./case-sample.node.ts";
import { shopperReport, shopperReportText } from "./shopper-report.ts";

describe("shopper report", () => {
  it("states the facts: where, what, who, the signals and when", () => {
    const text = shopperReportText(sampleListing(), sampleVerdict(), "2025-05-01T12:34:56.000Z");
    expect(text).toContain("on eBay may be offering counterfeit Nike goods");
    expect(text).toContain("https://www.ebay.com/itm/226771798286");
    expect(text).toContain(`Title: ${HOSTILE_TITLE}`);
    expect(text).toContain('- Replica wording: "replica"');
    expect(text).not.toContain("Official store");
    expect(text).toContain("2025-05-01 12:34 UTC (risk 91/100)");
  });

  it("points to the marketplace's page and prepares the brand's e-mail", () => {
    const report = shopperReport(sampleListing(), sampleVerdict(), "2025-05-01T12:00:00Z", {
      email: "counterfeit@nike.example",
      url: "https://nike.example/report",
      notes: null,
    });
    expect(report.portalUrl).toBe(
      "https://www.ebay.com/help/policies/prohibited-restricted-items/counterfeit-item-policy?id=4276",
    );
    expect(report.portalUrlVerified).toBe(true);
    expect(report.mailto).toMatch(/^mailto:counterfeit@nike\.example\?subject=Possible%20counterfeit%20Nike%20listing/);
    expect(decodeURIComponent(report.mailto?.split("body=")[1] ?? "")).toBe(report.text);
  });

  it("says when no public source confirms the page it opens", () => {
    const listing = {
      ...sampleListing(),
      marketplace: "dhgate" as const,
      url: "https://www.dhgate.com/product/x/1.html",
    };
    const report = shopperReport(listing, sampleVerdict(), "2025-05-01T12:00:00Z", null);
    expect(report.portalUrl).toBe("https://ipr.dhgate.com/");
    expect(report.portalUrlVerified).toBe(false);
  });

  it("builds no mailto from a malformed contact", () => {
    const r = shopperReport(sampleListing(), sampleVerdict(), "2025-05-01T12:00:00Z", {
      email: "x@y.z?bcc=victim@a.b",
      url: null,
      notes: null,
    });
    expect(r.mailto?.startsWith("mailto:x@y.z?bcc")).not.toBe(true);
  });
});
