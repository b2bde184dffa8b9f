import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { REGISTRY } from "../src/shared/marketplaces.ts";
import type { NoticeCase } from "../src/shared/notices/index.ts";
import { validateProfile } from "../src/shared/profile.ts";
import { PORTALS } from "../src/shared/report-portals.ts";
import { readZip, writeZip } from "../src/shared/zip.ts";
import { caseFromBundle } from "./lib/case-from-bundle.ts";
import { noticeForCases, main as noticeMain } from "./notice.ts";
import { main as portalsMain } from "./portals.ts";

const ROOT = join(import.meta.dirname, "..");
const SAMPLE = join(ROOT, "fixtures/cases/ebay-226771798286.case.zip");
const PROFILE_FILE = join(ROOT, "fixtures/cases/profile.sample.json");
const profile = validateProfile(JSON.parse(readFileSync(PROFILE_FILE, "utf8")));

let sample: NoticeCase;
beforeAll(async () => {
  sample = await caseFromBundle(new Uint8Array(readFileSync(SAMPLE)));
});

function printed(spy: ReturnType<typeof vi.spyOn>): string {
  return spy.mock.calls.map((c: unknown[]) => String(c[0])).join("\n");
}

afterEach(() => vi.restoreAllMocks());

describe("a notice for every portal from the real sample case", () => {
  it("reads the captured bundle: the real listing, its evidence hashes and the details", () => {
    expect(sample.url).toBe("https://www.ebay.com/itm/226771798286");
    expect(sample.marketplace).toBe("ebay");
    expect(sample.listing.sku).toBe("226771798286");
    expect(sample.evidence.map((e) => e.name).sort()).toEqual(["page.mhtml", "screenshot.png"]);
    expect(sample.details).toEqual({ where: ["product"], testBuyOrders: [] });
  });

  for (const portal of REGISTRY.portals) {
    it(`${portal.id}: the registry's fields in order, within its limits, the URL from the registry`, () => {
      const notice = noticeForCases({ portal: portal.id, profile, where: null, testBuys: [] }, [sample]);
      expect(notice.fields.map((f) => f.key)).toEqual(portal.fields.map((f) => f.key));
      for (const [i, f] of notice.fields.entries()) {
        const spec = portal.fields[i];
        const limit = spec?.maxLength?.value;
        if (limit !== undefined) {
          expect(f.maxLength).toBe(limit);
          expect(f.value.length, `${portal.id}.${f.key}`).toBeLessThanOrEqual(limit);
        } else {
          expect(f.maxLength).toBeUndefined();
          if (spec?.from === "description") expect(f.value.length).toBeLessThanOrEqual(REGISTRY.unknownLimitTarget);
        }
        if (spec?.value !== undefined) expect(f.value).toBe(spec.value);
      }
      const template = portal.agent.url.value;
      if (template === null) expect(notice.url).toBeNull();
      else {
        // The listing's own origin where it belongs to the portal (eBay), else the portal's home site.
        const own = PORTALS[portal.id]?.hosts.includes("www.ebay.com");
        const origin = own ? "https://www.ebay.com" : (PORTALS[portal.id]?.fallbackOrigin ?? "");
        expect(notice.url).toBe(template.replace("{origin}", origin));
      }
      expect(notice.urlVerified).toBe("source" in portal.agent.url);
      expect(notice.fields.find((f) => f.key === "statement")?.value ?? "").toMatch(/good faith belief/);
      // The sample is an eBay listing: only Etsy refuses it (a listing URL of another shop); the rest are ready.
      if (portal.id === "etsy") expect(notice.errors.join(" ")).toMatch(/is not accepted/);
      else expect(notice.errors, portal.id).toEqual([]);
    });
  }

  it("eBay: the NOCI counterfeit reason for a case marked 'product', the registration for the US site", () => {
    const notice = noticeForCases({ portal: "ebay-vero", profile, where: null, testBuys: [] }, [sample]);
    const field = (k: string) => notice.fields.find((f) => f.key === k)?.value;
    expect(field("reasonCode")).toBe("Trademark — item(s) is a counterfeit product (1.1)");
    expect(field("itemNumber")).toBe("226771798286");
    expect(field("details")).toContain("page.mhtml sha256:");
    expect(notice.submitTo).toBe("vero@ebay.com");
  });
});

describe("npm run -s notice", () => {
  it("prints the notice as JSON: fields, the URL to open, warnings; exit 0 when ready", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const args = ["--", "--portal", "temu", "--profile", PROFILE_FILE, "--test-buy", "PO-1", SAMPLE];
    expect(await noticeMain(args)).toBe(0);
    const out = JSON.parse(printed(log)) as {
      cases: string[];
      url: string;
      urlVerified: boolean;
      fields: { key: string; value: string }[];
      warnings: string[];
    };
    expect(out.cases).toEqual([sample.caseId]);
    expect(out.url).toBe("https://www.temu.com/intellectual-property-policy.html");
    expect(out.urlVerified).toBe(false);
    expect(out.fields.find((f) => f.key === "infringementType")?.value).toBe("Product");
    expect(out.fields.find((f) => f.key === "supporting")?.value).toContain("Test-buy order(s): PO-1");
    expect(out.warnings[0]).toMatch(/No public source confirms/);
  });

  it("exit 3 when the portal would refuse it (Etsy without the contact fields)", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await noticeMain(["--portal", "etsy", SAMPLE])).toBe(3);
    const out = JSON.parse(printed(log)) as { errors: string[] };
    expect(out.errors.join("\n")).toMatch(/Physical address: required/);
  });

  it("refuses a tampered bundle, an unknown portal and a missing case", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const entries = readZip(new Uint8Array(readFileSync(SAMPLE))).map((e) =>
      e.name === "listing.json" ? { name: e.name, bytes: new TextEncoder().encode('{"title":"edited"}') } : e,
    );
    const dir = mkdtempSync(join(tmpdir(), "notice-"));
    const tampered = join(dir, "tampered.zip");
    writeFileSync(tampered, writeZip(entries));
    expect(await noticeMain(["--portal", "amazon", tampered])).toBe(1);
    expect(printed(err)).toMatch(/does not verify/);
    expect(await noticeMain(["--portal", "nowhere", SAMPLE])).toBe(2);
    expect(await noticeMain(["--portal", "amazon"])).toBe(2);
    rmSync(dir, { recursive: true });
  });
});

describe("npm run -s portals", () => {
  it("--json prints the registry", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(portalsMain(["--", "--json"])).toBe(0);
    expect(JSON.parse(printed(log))).toEqual(REGISTRY);
  });

  it("--check passes on the project; the table says which URLs no source confirms", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(portalsMain(["--check"])).toBe(0);
    expect(portalsMain([])).toBe(0);
    const lines = printed(log).split("\n");
    expect(lines.find((l) => l.startsWith("dhgate\t"))).toContain("UNVERIFIED");
    expect(lines.find((l) => l.startsWith("ebay-vero\t"))).toContain("brand≤50 sellerMessage≤1000 details≤1000");
  });
});
