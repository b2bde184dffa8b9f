/**
 * The agent flow per portal, with the fields portals ask for: registrations
 * per jurisdiction, where the infringement appears, test-buy orders, and the
 * documents stored once in the profile and added to every case bundle.
 * Real saved pages (Amazon, eBay, AliExpress) and the written Temu page,
 * served at their real URLs; the TEST build (dist-test/). Build first:
 * npm run build && npm run build:test.
 *
 * `npm run -s capture-sample-case` runs the "sample case" test with
 * COPYCATCH_CAPTURE_SAMPLE=1, which writes its exported bundle to
 * fixtures/cases/ (the bundle the notice command's tests read).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { ROOT } from "../scripts/lib/browser.ts";
import { originalUrl, readSaved, servePages } from "../scripts/lib/serve-pages.ts";
import { verifyBundle } from "../src/shared/case-bundle.ts";
import { readZip } from "../src/shared/zip.ts";
import { expect, testOnTestBuild } from "./fixtures.ts";
import { AgentOptions, AgentReport, type FullProfile } from "./pages/agent-flow.ts";
import { PopupPage } from "./pages/popup-page.ts";

const test = testOnTestBuild;

const PROFILE: FullProfile = {
  name: "Ada Agent",
  company: "Example Brands Ltd",
  email: "brand-protection@example.com",
  phone: "+44 20 7946 0000",
  address: "1 Example Street, London",
  authorisationRef: "LOA-2026-004",
  trademarks: [
    { office: "USPTO", number: "1695437", classes: "9", jurisdiction: "US", expiry: "2034-05-01" },
    { office: "EUIPO", number: "018000001", classes: "9, 25", jurisdiction: "EU", expiry: "2031-01-01" },
    { office: "CNIPA", number: "5550001", classes: "25", jurisdiction: "CN", expiry: "2019-01-01" },
  ],
};

/** A hand-written stand-in for a scanned letter: the tests check it travels intact, not what it says. */
const LETTER = Buffer.from("%PDF-1.4\n% hand-written test document: letter of authorisation\n%%EOF\n");
const CERTIFICATE = Buffer.from("%PDF-1.4\n% hand-written test document: USPTO certificate 1695437\n%%EOF\n");

async function setUpAgent(context: BrowserContext, extensionId: string, documents = true): Promise<AgentOptions> {
  const options = await AgentOptions.open(context, extensionId);
  await options.becomeAgent();
  await options.fillProfile(PROFILE);
  if (documents) {
    await options.addDocument({
      kind: "authorisation",
      file: { name: "letter of authorisation.pdf", mimeType: "application/pdf", buffer: LETTER },
    });
    await options.addDocument({
      kind: "certificate",
      registration: "1695437",
      file: { name: "uspto-1695437.pdf", mimeType: "application/pdf", buffer: CERTIFICATE },
    });
    await expect(options.documents()).toHaveCount(2);
  }
  return options;
}

async function open(context: BrowserContext, url: string, body: string | Buffer): Promise<Page> {
  await servePages(context, [{ url, body }]);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function popupFor(
  context: BrowserContext,
  extensionId: string,
  sw: { tabIdOf(p: Page): Promise<number>; badgeText(id: number): Promise<string> },
  page: Page,
): Promise<AgentReport> {
  const tabId = await sw.tabIdOf(page);
  await expect.poll(() => sw.badgeText(tabId)).not.toBe("");
  const popup = await PopupPage.open(context, extensionId, tabId);
  return new AgentReport(popup.page);
}

function files(zip: Buffer): Map<string, Uint8Array> {
  return new Map(readZip(new Uint8Array(zip)).map((e) => [e.name, e.bytes]));
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

test("Amazon: the registration of the site's jurisdiction, documents in the bundle", async ({
  context,
  extensionId,
  sw,
}) => {
  const options = await setUpAgent(context, extensionId);
  const file = "amazon/orderapp_amazon-com_B07SRDX1Z1.html.gz";
  const listing = await open(context, originalUrl(file), readSaved(file));
  const report = await popupFor(context, extensionId, sw, listing);
  await report.setWhere(["product", "packaging"]);
  await report.setTestBuys("112-0000001-0000001");
  const caseId = await report.file();
  await expect(report.portalName).toHaveText("Amazon Report Infringement");
  await expect(report.errors).toHaveCount(0);
  await expect(report.unverified).toHaveCount(0);
  await expect(report.page.getByRole("button", { name: "Open portal" })).toBeVisible();
  await expect(report.attachments).toContainText("letter of authorisation.pdf");
  const notice = await report.noticeText();
  expect(notice).toContain("Trademark registration number:\n  1695437");
  expect(notice).toContain("Test-buy order(s): 112-0000001-0000001");
  expect(notice).toContain("The infringement appears in: product, packaging.");

  const zip = await options.exportZip(caseId);
  const check = await verifyBundle(new Uint8Array(zip));
  expect(check.problems).toEqual([]);
  const entries = files(zip);
  const names = [...entries.keys()];
  const letter = names.find(
    (n) => n.startsWith("attachments/authorisation-") && n.endsWith("letter of authorisation.pdf"),
  );
  expect(letter).toBeDefined();
  expect(Buffer.from(entries.get(letter ?? "") ?? [])).toEqual(LETTER);
  expect(names.some((n) => n.startsWith("attachments/certificate-") && n.endsWith("uspto-1695437.pdf"))).toBe(true);
  expect(JSON.parse(text(entries.get("details.json")))).toEqual({
    where: ["product", "packaging"],
    testBuyOrders: ["112-0000001-0000001"],
  });
  expect(sw.errors).toEqual([]);
});

test("eBay: one NOCI reason (2.1 when the mark is only in the listing's text), sent to vero@ebay.com", async ({
  context,
  extensionId,
  sw,
}) => {
  await setUpAgent(context, extensionId, false);
  const file = "ebay/mkalsyd_ebay-com_226771798286.html.gz";
  const listing = await open(context, originalUrl(file), readSaved(file));
  const report = await popupFor(context, extensionId, sw, listing);
  await report.setWhere(["text"]);
  await report.file();
  await expect(report.portalName).toHaveText("eBay VeRO — Notice of Claimed Infringement");
  await expect(report.submitTo).toHaveText("vero@ebay.com");
  await expect(report.warnings.filter({ hasText: "one step from its reporting page" })).toHaveCount(1);
  const notice = await report.noticeText();
  expect(notice).toContain(
    "Reason code (one per notice):\n  Trademark — listing(s) uses the trademark unlawfully (2.1)",
  );
  expect(notice).not.toMatch(/\(1\.[123]\)/);
  expect(notice).toContain("Trademark registrations:\n  USPTO (US) reg. no. 1695437, class 9, valid until 2034-05-01");
  expect(sw.errors).toEqual([]);
});

test("Alibaba IPP (AliExpress): complaint type and reason apart, supplementary reasons, verify the right first", async ({
  context,
  extensionId,
  sw,
}) => {
  await setUpAgent(context, extensionId);
  const file = "aliexpress/ogsp_aliexpress-he_32993251330.html.gz";
  const listing = await open(context, originalUrl(file), readSaved(file));
  const report = await popupFor(context, extensionId, sw, listing);
  await report.setWhere(["product", "images"]);
  await report.file();
  await expect(report.portalName).toHaveText("Alibaba IP Protection Platform (IPP)");
  await expect(report.warnings.filter({ hasText: "must be verified in IPP" })).toHaveCount(1);
  const notice = await report.noticeText();
  expect(notice).toContain("Platform:\n  AliExpress");
  expect(notice).toContain("Complaint type:\n  Product listing");
  expect(notice).toContain("Complaint reason:\n  Counterfeit — sale of counterfeit goods");
  expect(notice).toContain("Supplementary reasons:\n  The listing");
  expect(notice).toContain(`Infringing link(s):\n  ${originalUrl(file)}`);
  expect(notice).toContain("Proof of authorisation:\n  LOA-2026-004\n  attachments/authorisation-");
  expect(sw.errors).toEqual([]);
});

test("Temu: type of infringement, test-buy orders and the good-faith statement; the unverified page is said", async ({
  context,
  extensionId,
  sw,
}) => {
  await setUpAgent(context, extensionId, false);
  const html = readFileSync(join(ROOT, "fixtures/pages/temu/written_temu_uk.written.html"), "utf8");
  const url = html.match(/url: (https:\/\/www\.temu\.com\/\S+\.html)/)?.[1] ?? "";
  expect(url).not.toBe("");
  const listing = await open(context, url, html);
  const report = await popupFor(context, extensionId, sw, listing);

  // Without the type of infringement Temu would refuse the notice: the popup says so.
  const first = await report.file();
  expect(first).toMatch(/^[0-9a-f-]{36}$/);
  await expect(report.errors).toContainText([
    "Type of infringement: required by Temu Intellectual Property Portal, empty.",
  ]);
  await expect(report.unverified).toBeVisible();
  await expect(report.page.getByRole("button", { name: "Open IP help page" })).toBeVisible();

  const again = new AgentReport((await PopupPage.open(context, extensionId, await sw.tabIdOf(listing))).page);
  await again.setWhere(["product", "packaging", "images"]);
  await again.setTestBuys("PO-211-0042, PO-211-0043");
  await again.file();
  await expect(again.errors).toHaveCount(0);
  const notice = await again.noticeText();
  expect(notice).toContain("Type of infringement:\n  Product, Packaging, Images");
  expect(notice).toContain(
    "Supporting documents or test-buy order ids:\n  Test-buy order(s): PO-211-0042, PO-211-0043",
  );
  expect(notice).toMatch(/Good-faith statement:\n {2}I have a good faith belief/);
  expect(sw.errors).toEqual([]);
});

test("sample case: a real eBay page captured and exported as a bundle the notice command reads", async ({
  context,
  extensionId,
  sw,
}) => {
  const options = await setUpAgent(context, extensionId, false);
  const file = "ebay/mkalsyd_ebay-com_226771798286.html.gz";
  const listing = await open(context, originalUrl(file), readSaved(file));
  const report = await popupFor(context, extensionId, sw, listing);
  await report.setWhere(["product"]);
  const caseId = await report.file();
  expect(await report.page.locator(".capture-errors li").allTextContents()).toEqual([]);
  const zip = await options.exportZip(caseId);
  const check = await verifyBundle(new Uint8Array(zip));
  expect(check.problems).toEqual([]);
  const names = [...files(zip).keys()];
  for (const name of [
    "screenshot.png",
    "page.mhtml",
    "listing.json",
    "verdict.json",
    "details.json",
    "manifest.json",
  ]) {
    expect(names).toContain(name);
  }
  if (process.env.COPYCATCH_CAPTURE_SAMPLE === "1") {
    mkdirSync(join(ROOT, "fixtures/cases"), { recursive: true });
    writeFileSync(join(ROOT, "fixtures/cases/ebay-226771798286.case.zip"), zip);
  }
  expect(sw.errors).toEqual([]);
});
