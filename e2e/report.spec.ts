/**
 * The report flow end to end, on a real saved Amazon page served at its real
 * URL, with the TEST build (dist-test/: <all_urls> granted, fast retries).
 * Build it first: COPYCATCH_TEST_BUILD=1 npm run build.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { ROOT } from "../scripts/lib/browser.ts";
import { originalUrl } from "../scripts/lib/serve-pages.ts";
import { verifyBundle } from "../src/shared/case-bundle.ts";
import { readZip } from "../src/shared/zip.ts";
import { expect, testOnTestBuild } from "./fixtures.ts";
import { OptionsCases } from "./pages/options-cases.ts";
import { PopupPage } from "./pages/popup-page.ts";
import { pauses } from "./support/test-pause.ts";
import { openViewSonic, REPLICA_TITLE, VIEWSONIC } from "./support/viewsonic.ts";
import { startWebhookServer } from "./support/webhook-server.ts";

const test = testOnTestBuild;

const HOSTILE = "<img src=x onerror=alert(1)>";
const SHOTS = join(ROOT, "demo-output/popup");

/** A replica-style title that carries markup (escaped in the HTML, so it is the title's text). */
const HOSTILE_TITLE = `${REPLICA_TITLE} &lt;img src=x onerror=alert(1)&gt;`;

/** The listing with the hostile title, at its real address (the case records that address). */
function openHostile(context: BrowserContext): Promise<Page> {
  return openViewSonic(context, HOSTILE_TITLE, { atOriginalUrl: true });
}

/** Any alert() anywhere means markup from the listing ran. */
function watchDialogs(context: BrowserContext): string[] {
  const dialogs: string[] = [];
  const watch = (p: Page) =>
    p.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  context.pages().forEach(watch);
  context.on("page", watch);
  return dialogs;
}

/** The id of a tab no content script reports on (test build: tab URLs are visible with <all_urls>). */
async function tabIdByUrl(sw: { worker(): Promise<import("@playwright/test").Worker> }, page: Page): Promise<number> {
  const worker = await sw.worker();
  const id = await worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
    page.url(),
  );
  if (id === null) throw new Error(`no tab for ${page.url()}`);
  return id;
}

async function tabUrls(sw: { worker(): Promise<import("@playwright/test").Worker> }): Promise<string[]> {
  const worker = await sw.worker();
  return worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.pendingUrl ?? t.url ?? ""));
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test("agent: one click files a complete case; options list it, the ZIP verifies, markup stays text", async ({
  context,
  extensionId,
  sw,
}) => {
  const dialogs = watchDialogs(context);
  const options = await OptionsCases.openAsAgent(context, extensionId);

  const listing = await openHostile(context);
  const tabId = await sw.tabIdOf(listing);
  await expect.poll(() => sw.badgeText(tabId)).toBe("HIGH");
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.risk).toHaveText("High risk");
  await expect(popup.field("title")).toContainText(HOSTILE);

  // Show on page: the evidence phrases are highlighted in the listing itself, and removed again.
  await popup.page.getByRole("button", { name: "Show on page" }).click();
  await expect(popup.page.locator(".highlight-status")).toHaveText(/^Highlighted on the page: [1-9]\d*$/);
  await expect(popup.page.getByRole("button", { name: "Hide on page" })).toHaveAttribute("aria-pressed", "true");
  await popup.page.getByRole("button", { name: "Hide on page" }).click();
  await expect(popup.page.locator(".highlight-status")).toHaveText("Highlights removed");

  await popup.page.getByRole("button", { name: "File a case with evidence" }).click();
  await expect(popup.page.locator(".report.filed h2")).toHaveText("Case saved");
  expect(await popup.page.locator(".capture-errors li").allTextContents()).toEqual([]);
  await expect(popup.page.locator(".capture-ok")).toBeVisible();
  const caseId = (await popup.page.locator(".case-id code").textContent()) ?? "";
  expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
  await popup.page.locator(".notice-preview summary").click();
  await expect(popup.page.locator(".notice-text")).toContainText(HOSTILE);
  await expect(popup.page.locator(".notice-text")).toContainText("Trademark registration number:\n  1695437");
  await shot(popup.page, "agent-case-saved");

  await options.page.reload();
  const row = options.row(caseId);
  await expect(row).toBeVisible();
  await expect(row.locator(".case-title")).toContainText(HOSTILE);
  await expect(options.page.locator("tr.case-row img")).toHaveCount(0);
  for (const name of ["screenshot.png", "page.mhtml", "listing.json", "verdict.json", "notices/amazon.txt"]) {
    await expect(row.locator(`.artefact[data-name="${name}"]`)).toBeVisible();
  }
  await expect(row.locator(".capture-error")).toHaveCount(0);
  await row.getByRole("button", { name: "Notices" }).click();
  const manifestSha = (await options.page.locator(".manifest-hash code").textContent()) ?? "";
  await expect(options.page.locator(".case-notice pre")).toContainText(HOSTILE);

  const zip = await options.exportZip(caseId);
  expect(zip.name).toMatch(/^copycatch-case-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.zip$/);
  const check = await verifyBundle(new Uint8Array(zip.bytes), manifestSha);
  expect(check.problems).toEqual([]);
  expect(check.intact).toBe(true);
  const files = new Map(readZip(new Uint8Array(zip.bytes)).map((e) => [e.name, e.bytes]));
  const png = files.get("screenshot.png") ?? new Uint8Array();
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.length).toBeGreaterThan(10_000);
  const mhtml = new TextDecoder().decode(files.get("page.mhtml"));
  expect(mhtml).toMatch(/^From: <Saved by Blink>/);
  expect(mhtml).toContain("ViewSonic");
  const listingJson = JSON.parse(new TextDecoder().decode(files.get("listing.json")));
  expect(listingJson.title).toContain(HOSTILE);
  expect(new TextDecoder().decode(files.get("notices/amazon.txt"))).toContain(HOSTILE);
  const manifest = JSON.parse(new TextDecoder().decode(files.get("manifest.json")));
  expect(manifest.caseId).toBe(caseId);
  expect(manifest.url).toBe(originalUrl(VIEWSONIC));
  expect(manifest.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(manifest.packs.length).toBeGreaterThan(0);
  expect(manifest.extensionVersion).toMatch(/^\d+\.\d+\.\d+/);

  const csv = (await options.exportCsv()).bytes.toString("utf8");
  expect(csv).toContain(caseId);
  expect(csv).toContain(HOSTILE);
  const json = JSON.parse((await options.exportJson()).bytes.toString("utf8"));
  expect(json[0].listing.title).toContain(HOSTILE);
  await shot(options.page, "options-cases");
  expect(dialogs).toEqual([]);
  expect(sw.errors).toEqual([]);
});

test("shopper: one click opens the marketplace's report page and prepares the text", async ({
  context,
  extensionId,
  sw,
}) => {
  const dialogs = watchDialogs(context);
  const listing = await openHostile(context);
  const portalUrl = "https://www.amazon.com/report/infringement";
  await context.route(portalUrl, (r) => r.fulfill({ status: 200, contentType: "text/html", body: "<h1>Report</h1>" }));
  const tabId = await sw.tabIdOf(listing);
  await expect.poll(() => sw.badgeText(tabId)).toBe("HIGH");
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.page.getByRole("button", { name: "File a case with evidence" })).toHaveCount(0);
  await shot(popup.page, "verdict-high");
  await popup.page.emulateMedia({ colorScheme: "dark" });
  await shot(popup.page, "verdict-high-dark");
  await popup.page.emulateMedia({ colorScheme: "light" });
  await popup.page.getByRole("button", { name: "Report to Amazon" }).click();
  // A tab the extension opens may load before Playwright routes it (no network here): check the tab's URL.
  await expect.poll(() => tabUrls(sw)).toContain(portalUrl);
  const text = popup.page.locator("textarea.report-text");
  await expect(text).toHaveValue(/may be offering counterfeit ViewSonic goods/);
  await expect(text).toHaveValue(new RegExp(originalUrl(VIEWSONIC).replace(/[.?]/g, "\\$&")));
  await expect(text).toHaveValue(/Title: .*<img src=x onerror=alert\(1\)>/);
  await expect(popup.page.locator(".brand-contact")).toBeVisible();
  await popup.page.bringToFront();
  await shot(popup.page, "shopper-prepared");

  // The correction is recorded locally and exported for pack authors.
  await popup.page.getByRole("button", { name: "This verdict is wrong" }).click();
  await popup.page.getByLabel("It is genuine: the risk is too high").check();
  await popup.page.getByLabel("Note (optional)").fill("Sold by the brand's own store");
  await shot(popup.page, "correction-form");
  await popup.page.getByRole("button", { name: "Save correction" }).click();
  await expect(popup.page.locator(".correction-saved")).toHaveText(/saved in this browser/);
  const options = await OptionsCases.open(context, extensionId);
  const exported = JSON.parse((await options.exportCorrections()).bytes.toString("utf8"));
  expect(exported.corrections).toHaveLength(1);
  expect(exported.corrections[0]).toMatchObject({
    url: originalUrl(VIEWSONIC),
    userSays: "genuine",
    risk: "high",
    note: "Sold by the brand's own store",
  });
  expect(exported.corrections[0].title).toContain(HOSTILE);
  expect(dialogs).toEqual([]);
  expect(sw.errors).toEqual([]);
});

test("webhook: failures, a dropped connection and a late answer still deliver the case exactly once", async ({
  context,
  extensionId,
  sw,
}) => {
  test.setTimeout(120_000);
  const server = await startWebhookServer([
    { kind: "fail", status: 500 },
    { kind: "drop" },
    { kind: "late", ms: 4500 }, // processed, but answered after the client's 3 s timeout
    { kind: "ok" }, // the retry: a replay of the stored answer
  ]);
  try {
    const options = await OptionsCases.openAsAgent(context, extensionId);
    await options.setWebhook(server.url, "s3cret-token");
    const pause = pauses(options.page);
    await pause.hold("outbox-leased", 30_000);

    const listing = await openHostile(context);
    const tabId = await sw.tabIdOf(listing);
    await expect.poll(() => sw.badgeText(tabId)).toBe("HIGH");
    const popup = await PopupPage.open(context, extensionId, tabId);
    await popup.page.getByRole("button", { name: "File a case with evidence" }).click();
    await expect(popup.page.locator(".report.filed h2")).toHaveText("Case saved");
    expect(await popup.page.locator(".capture-errors li").allTextContents()).toEqual([]);
    const caseId = (await popup.page.locator(".case-id code").textContent()) ?? "";

    // Stop the worker right after the first send's run leased the case, before anything was sent and after the
    // alarm armed at filing has fired (it fires 50 ms after): only the outbox alarm's repetition can wake it again
    // (the hold is taken once; nothing else here changes storage, whose events would wake the worker too).
    await expect.poll(() => pause.reached("outbox-leased")).toBe(true);
    await sw.stop(listing);
    // Stop it again once the first attempt failed: the alarm must wake it for the retries.
    await expect.poll(() => server.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await sw.stop(listing);

    await expect.poll(() => server.received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
    const row = options.row(caseId);
    await expect(async () => {
      await options.page.reload();
      await expect(row.locator(".delivery-state")).toHaveText("✓ Delivered", { timeout: 5000 });
    }).toPass({ timeout: 30_000 });

    // Chromium itself may resend a request whose reused connection was dropped, and on a loaded machine the
    // answer to the successful attempt can itself come after the client's timeout, so the extension tries once more:
    // the server can see more requests than the steps, all of them replays answered "ok" from the stored answer.
    // What must hold is that it processes the case once and never two at a time (checked below).
    const steps = server.received.map((r) => r.step);
    expect(steps.slice(0, 4)).toEqual(["fail", "drop", "late", "ok"]);
    expect(steps.slice(4).every((s) => s === "ok")).toBe(true);
    const attempts = Number((await row.locator(".delivery-attempts").textContent())?.match(/\d+/)?.[0]);
    // A worker stopped mid-send spends an attempt the server never sees, so there is no upper bound here.
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(server.received.every((r) => r.key === caseId)).toBe(true);
    expect(server.received.every((r) => r.authorization === "Bearer s3cret-token")).toBe(true);
    expect(server.processed.get(caseId)).toBe(1);
    expect(server.overlaps).toEqual([]);

    // The body carries the case and every artefact, hashes matching the bytes.
    const body = server.bodies.get(caseId) as {
      case: { id: string; listing: { title: string } };
      artefacts: { name: string; sha256: string; base64: string }[];
    };
    expect(body.case.id).toBe(caseId);
    expect(body.case.listing.title).toContain(HOSTILE);
    const { createHash } = await import("node:crypto");
    for (const a of body.artefacts) {
      expect(createHash("sha256").update(Buffer.from(a.base64, "base64")).digest("hex")).toBe(a.sha256);
    }
    expect(body.artefacts.map((a) => a.name)).toContain("page.mhtml");

    // The token lives in IndexedDB's secrets store only, never in storage.
    const w = await sw.worker();
    const stored = await w.evaluate(async () =>
      JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]),
    );
    expect(stored).not.toContain("s3cret-token");
  } finally {
    await server.close();
  }
});

test("a worker stopped between capture and save leaves no case; the next report is complete", async ({
  context,
  extensionId,
  sw,
}) => {
  const options = await OptionsCases.openAsAgent(context, extensionId);
  const listing = await openHostile(context);
  const tabId = await sw.tabIdOf(listing);
  await expect.poll(() => sw.badgeText(tabId)).toBe("HIGH");

  // Test build: hold the report for 10 s right after capture, and say so in storage.session.
  const pause = pauses(options.page);
  await pause.hold("captured", 10_000);
  const popup = await PopupPage.open(context, extensionId, tabId);
  await popup.page.getByRole("button", { name: "File a case with evidence" }).click();
  await expect.poll(() => pause.reached("captured")).toBe(true);
  await sw.stop(listing);
  await expect(popup.page.locator(".report .error-message")).toBeVisible();
  expect(await options.storeCounts()).toEqual({ cases: 0, evidence: 0, outbox: 0 });

  await pause.hold("captured", null);
  const popup2 = await PopupPage.open(context, extensionId, tabId);
  await popup2.page.getByRole("button", { name: "File a case with evidence" }).click();
  await expect(popup2.page.locator(".report.filed h2")).toHaveText("Case saved");
  const caseId = (await popup2.page.locator(".case-id code").textContent()) ?? "";
  const counts = await options.storeCounts();
  expect(counts.cases).toBe(1);
  await options.page.reload();
  const zip = await options.exportZip(caseId);
  const check = await verifyBundle(new Uint8Array(zip.bytes));
  expect(check.problems).toEqual([]);
  expect(counts.evidence).toBe(check.lines.length + 1); // every artefact plus manifest.json
});

test("popup states, light and dark, for the screenshots", async ({ context, extensionId, sw }) => {
  const listing = await openViewSonic(context);
  const tabId = await sw.tabIdOf(listing);
  await expect.poll(() => sw.badgeText(tabId)).not.toBe("");
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.risk).toBeVisible();
  await expect(popup.page.locator('dd[data-field="seller-status"]')).not.toHaveText("");
  await shot(popup.page, "verdict-genuine");
  await popup.page.emulateMedia({ colorScheme: "dark" });
  await shot(popup.page, "verdict-genuine-dark");

  const search = "<!doctype html><title>Amazon.com : monitor</title><h1>Results</h1>";
  await context.route("https://www.amazon.com/s?k=monitor", (r) =>
    r.fulfill({ status: 200, contentType: "text/html", body: search }),
  );
  const other = await context.newPage();
  await other.goto("https://www.amazon.com/s?k=monitor");
  const otherId = await sw.tabIdOf(other);
  const notListing = await PopupPage.open(context, extensionId, otherId);
  await expect(notListing.stateTitle).toHaveText("Not a listing");
  await shot(notListing.page, "not-listing");

  // A shop Copycatch has no content script for: the popup offers "Check this page".
  await context.route("https://shop.example/product/1", (r) =>
    r.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>A shop</title><h1>Shoe</h1>" }),
  );
  const shop = await context.newPage();
  await shop.goto("https://shop.example/product/1");
  const shopId = await tabIdByUrl(sw, shop);
  const none = await PopupPage.open(context, extensionId, shopId);
  await expect(none.stateTitle).toHaveText("Not checked yet");
  await shot(none.page, "not-checked");
  expect(sw.errors).toEqual([]);
});

test("a verdict recorded for another URL than the tab shows is not shown, and no case pairs the two", async ({
  context,
  extensionId,
  sw,
}) => {
  const page = await openViewSonic(context);
  const tabId = await sw.tabIdOf(page);
  await expect.poll(() => sw.badgeText(tabId)).toBe("LOW");
  const current = await PopupPage.open(context, extensionId, tabId);
  await expect(current.risk).toHaveText("Low risk");
  await current.close();
  // The stored verdict lags behind the tab: it was recorded for the listing the tab showed before.
  const previous = "https://www.amazon.com/dp/B00N150YS4";
  const worker = await sw.worker();
  await worker.evaluate(
    async ({ id, other }) => {
      const key = `tab:${id}`;
      const state = (await chrome.storage.session.get(key))[key] as { url: string };
      await chrome.storage.session.set({ [key]: { ...state, url: other } });
    },
    { id: tabId, other: previous },
  );
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.stateTitle).toHaveText("Re-checking…");
  await expect(popup.risk).toHaveCount(0);
  // Filing a case now would pair that listing with a screenshot of this page: refused, nothing saved.
  const reply = await popup.page.evaluate(
    (id) => chrome.runtime.sendMessage({ type: "report-case", tabId: id }),
    tabId,
  );
  expect(reply).toMatchObject({ ok: false });
  expect(String(reply.error)).toContain("no longer shows the checked listing");
  expect(sw.errors).toEqual([]);
});
