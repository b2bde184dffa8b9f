/**
 * The case workspace end to end with the TEST build (dist-test/): cases filed
 * for two sellers on real saved Amazon pages, grouped as repeat offenders
 * (popup and workspace), searched, filtered, followed up with dated states.
 * Build first: npm run build && npm run build:test.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { ROOT } from "../scripts/lib/browser.ts";
import { originalUrl, readSaved } from "../scripts/lib/serve-pages.ts";
import { readZip, writeZip } from "../src/shared/zip.ts";
import { pageInk, pdfText } from "../test-support/pdf.ts";
import { makeTsa } from "../test-support/tsa.ts";
import { expect, testOnTestBuild } from "./fixtures.ts";
import { OptionsCases } from "./pages/options-cases.ts";
import { PopupPage } from "./pages/popup-page.ts";
import { WorkspacePage } from "./pages/workspace-page.ts";
import { routeTo, startListingServer } from "./support/listing-server.ts";

const test = testOnTestBuild;

const VIEWSONIC = "amazon/orderapp_amazon-com_B07SRDX1Z1.html.gz";
const HOSTILE = "<img src=x onerror=alert(1)>";

/** The saved page as sold by another seller (name and id replaced), with a replica title carrying markup. */
function pageBy(seller: { name: string; id: string } | null, titleExtra: string): string {
  let page = readSaved(VIEWSONIC).toString("utf8");
  page = page.replace(
    /(<span id="productTitle"[^>]*>)[^<]*/,
    // Escaped in the HTML, so the markup is the title's text.
    `$1 ViewSonic VX3276 32 inch 4K monitor replica 1:1 AAA ${titleExtra.replaceAll("<", "&lt;").replaceAll(">", "&gt;")} `,
  );
  if (seller) page = page.replaceAll("EPHDirect", seller.name).replaceAll("A1XUYNJUT8LW0Z", seller.id);
  return page;
}

/** Serve pages at exact URLs (query strings included); everything else but loopback servers is answered empty. */
async function serve(context: BrowserContext, pages: Map<string, () => string>): Promise<void> {
  await context.route(
    (url) => (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "127.0.0.1",
    async (route) => {
      const body = pages.get(route.request().url());
      if (body) await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: body() });
      else await route.fulfill({ status: 204, body: "" });
    },
  );
}

async function becomeAgent(context: BrowserContext, extensionId: string): Promise<void> {
  const options = await OptionsCases.openAsAgent(context, extensionId);
  await options.close();
}

/** Open the listing, check the popup's earlier-cases line, file a case; returns the case id. */
async function fileCase(
  context: BrowserContext,
  extensionId: string,
  sw: { tabIdOf(p: Page): Promise<number> },
  url: string,
  earlier: number,
  stamped = false,
): Promise<string> {
  const listing = await context.newPage();
  await listing.goto(url);
  const tabId = await sw.tabIdOf(listing);
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.risk).toHaveText("High risk");
  await expect(popup.page.locator("button.open-workspace")).toBeVisible();
  if (earlier > 0) {
    await expect(popup.page.locator("a.earlier-cases")).toHaveAttribute("data-count", String(earlier));
    await expect(popup.page.locator("a.earlier-cases")).toContainText(`Earlier cases of this seller: ${earlier}`);
  } else {
    await expect(popup.page.locator("a.earlier-cases")).toHaveCount(0);
  }
  await popup.page.getByRole("button", { name: "File a case with evidence" }).click();
  await expect(popup.page.locator(".report.filed h2")).toHaveText("Case saved");
  const caseId = (await popup.page.locator(".case-id code").textContent()) ?? "";
  expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
  if (stamped) {
    await expect(popup.page.locator(".trusted-time-status")).toContainText("✓ Trusted time:", { timeout: 20_000 });
  }
  await popup.close();
  await listing.close();
  return caseId;
}

test("repeat offenders: cases of two sellers grouped, N earlier cases in the popup, search, filters, follow-up", async ({
  context,
  extensionId,
  sw,
}) => {
  test.setTimeout(240_000);
  const dialogs: string[] = [];
  context.on("page", (p) => p.on("dialog", (d) => void d.dismiss().then(() => dialogs.push(d.message()))));
  const base = originalUrl(VIEWSONIC);
  const a1 = `${base}?th=1`;
  const a2 = `${base}?th=2`;
  const b1 = `${base}?th=3`;
  await serve(
    context,
    new Map([
      [a1, () => pageBy(null, HOSTILE)],
      [a2, () => pageBy(null, "second listing")],
      [b1, () => pageBy({ name: "Monitor Outlet Store", id: "A2BBBBBBBBBBBB" }, "third listing")],
    ]),
  );
  await becomeAgent(context, extensionId);

  const first = await fileCase(context, extensionId, sw, a1, 0);
  const second = await fileCase(context, extensionId, sw, a2, 1);
  const other = await fileCase(context, extensionId, sw, b1, 0);

  const ws = await WorkspacePage.open(context, extensionId);
  await expect(ws.count).toHaveText("3 of 3 cases");
  await expect(ws.row(first).locator(".repeat")).toHaveAttribute("data-count", "1");
  await expect(ws.row(second).locator(".repeat")).toHaveAttribute("data-count", "1");
  await expect(ws.row(other).locator(".repeat")).toHaveCount(0);
  // Markup in the listing text is shown as text.
  await expect(ws.row(first).locator(".ws-title")).toContainText(HOSTILE);
  await expect(ws.page.locator("tr.ws-row img")).toHaveCount(0);

  // Search and filters.
  await ws.filter("seller", "monitor outlet");
  await expect(ws.count).toHaveText("1 of 3 cases");
  await expect(ws.rows).toHaveCount(1);
  await ws.filter("seller", "");
  await ws.filter("q", "second listing");
  await expect(ws.rows).toHaveCount(1);
  await expect(ws.row(second)).toBeVisible();
  await ws.filter("q", "");
  const today = new Date().toISOString().slice(0, 10);
  await ws.filter("from", today);
  await expect(ws.rows).toHaveCount(3);
  await ws.filter("to", "2000-01-01");
  await expect(ws.rows).toHaveCount(0);
  await ws.filter("to", "");
  await ws.filter("from", "");
  await ws.choose("sort", "oldest");
  await expect(ws.rows.first()).toHaveAttribute("data-case-id", first);

  // The seller view: both cases of EPHDirect, not the other seller's.
  await ws.row(first).locator(".ws-seller a").click();
  await expect(ws.page.locator(".seller-count")).toHaveText("2");
  await expect(ws.page.locator(".seller-title")).toHaveText("EPHDirect");
  await expect(ws.rows).toHaveCount(2);
  await expect(ws.row(other)).toHaveCount(0);

  // Case detail: evidence verified in place, screenshot, reasons, notice; then the follow-up, each step dated.
  await ws.go("");
  await ws.openCase(first);
  const view = ws.page.locator("article.case-view");
  await expect(view.locator(".integrity")).toHaveAttribute("data-intact", "true");
  await expect(view.locator(".case-title")).toHaveText(new RegExp(HOSTILE.replace(/[()]/g, "\\$&")));
  await expect(view.locator(".screenshot img")).toBeVisible();
  await expect(view.locator('.artefact[data-name="page.mhtml"]')).toBeVisible();
  await expect(view.locator(".reasons .reason").first()).toBeVisible();
  await expect(view.locator(".notice-text")).toContainText("1695437");
  await expect(view.locator(".seller-repeat .repeat-count")).toHaveText("1");
  const mhtml = await ws.download(view.locator("button.open-mhtml"));
  expect(mhtml.bytes.subarray(0, 200).toString("latin1")).toMatch(/MIME-Version|From:|Snapshot-Content-Location/i);

  await expect(ws.state).toHaveText("Draft");
  await ws.moveTo("filed", { portal: "amazon", reference: "AMZ-CASE-4711", note: "sent with LOA" });
  await expect(view.locator(".filing-ref")).toHaveText("AMZ-CASE-4711");
  await ws.moveTo("removed");
  await view.locator('textarea[name="notes"]').fill("Seller relists under new ASINs: <b>watch</b>");
  await view.locator("button.save-notes").click();
  await expect(view.locator(".follow-up-status")).toHaveText("Notes saved");
  await ws.page.reload();
  await expect(ws.state).toHaveText("Removed");
  await expect(view.locator('textarea[name="notes"]')).toHaveValue("Seller relists under new ASINs: <b>watch</b>");
  const kinds = await ws.history.evaluateAll((li) =>
    li.map((l) => `${l.getAttribute("data-kind")}:${l.getAttribute("data-state")}`),
  );
  expect(kinds).toEqual(["created:draft", "state:filed", "state:removed", "note:removed"]);
  const times = await ws.history.locator("time").evaluateAll((t) => t.map((x) => x.getAttribute("datetime") ?? ""));
  expect(times.every((t) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(t))).toBe(true);
  expect([...times].sort()).toEqual(times);
  // A move the table does not allow is refused by the worker, not only hidden.
  const refused = await ws.page.evaluate(
    async (id) => chrome.runtime.sendMessage({ type: "set-case-state", caseId: id, to: "draft" }),
    first,
  );
  expect(refused).toMatchObject({ ok: false });

  await ws.go("");
  // The pictures: three Amazon cases this week; of the one filed, one removed.
  const week = ws.page.locator('.weekly-chart rect[data-marketplace="amazon"]');
  await expect(week).toHaveCount(1);
  await expect(week).toHaveAttribute("data-count", "3");
  await expect(ws.page.locator('.removed-chart .removed-row[data-marketplace="amazon"]')).toHaveAttribute(
    "data-removed",
    "1",
  );
  await expect(ws.page.locator('.removed-chart .removed-row[data-marketplace="amazon"]')).toHaveAttribute(
    "data-filed",
    "1",
  );
  await ws.choose("state", "removed");
  await expect(ws.rows).toHaveCount(1);
  await expect(ws.row(first)).toBeVisible();

  // Exports carry the follow-up.
  await ws.choose("state", "");
  const csv = (await ws.download(ws.page.locator("button.export-csv"))).bytes.toString("utf8");
  expect(csv.split("\r\n")[0]).toContain("state");
  expect(csv).toContain("AMZ-CASE-4711");
  const json = JSON.parse((await ws.download(ws.page.locator("button.export-json"))).bytes.toString("utf8"));
  expect(json.find((c: { id: string }) => c.id === first).followUp.state).toBe("removed");

  // The printable report of one case and of the seller (two cases), printed to PDF and read back as images and text.
  await ws.go(`#report/${first}`);
  await ws.page.locator(".report-ready section.case-report").waitFor();
  const one = await ws.printPdf("case");
  const onePages = pageInk(one);
  expect(onePages.length).toBeGreaterThanOrEqual(1);
  for (const ink of onePages) expect(ink).toBeGreaterThan(0.005);
  const oneText = pdfText(one);
  expect(oneText).toContain(first);
  expect(oneText).toContain(HOSTILE);
  expect(oneText).toContain("AMZ-CASE-4711");
  expect(oneText).toContain("Ada Agent");
  expect(oneText).toContain("intact: every file re-hashed matches the manifest");
  expect(oneText).not.toContain("Print or save as PDF");
  await ws.go("");
  await ws.row(first).locator(".ws-seller a").click();
  await ws.page.locator("a.seller-report").click();
  await expect(ws.page.locator(".report-ready section.case-report")).toHaveCount(2);
  const both = await ws.printPdf("seller");
  expect(pageInk(both).length).toBeGreaterThan(onePages.length);
  const bothText = pdfText(both);
  expect(bothText).toContain(first);
  expect(bothText).toContain(second);
  expect(bothText).not.toContain(other);
  expect(dialogs).toEqual([]);
});

test("takedown re-check against a local server: live, then removed, then relisted; on a schedule; relisting seen while browsing", async ({
  context,
  extensionId,
  sw,
}) => {
  test.setTimeout(180_000);
  const url = originalUrl(VIEWSONIC);
  const removal = "<!doctype html><title>Page Not Found</title><h1>Sorry! We couldn't find that page</h1>";
  const server = await startListingServer(() => pageBy(null, "recheck"), removal);
  try {
    await context.route(
      (u) => u.protocol === "http:" || u.protocol === "https:",
      (route) => route.fulfill({ status: 204, body: "" }),
    );
    await routeTo(context, url, server);
    await becomeAgent(context, extensionId);
    const caseId = await fileCase(context, extensionId, sw, url, 0);

    const ws = await WorkspacePage.open(context, extensionId);
    await ws.openCase(caseId);
    // Off by default: no re-check button until the agent opts in.
    await expect(ws.page.locator("button.recheck")).toHaveCount(0);
    await ws.go("");
    await ws.enableRecheck(null);
    await ws.go(`#case/${caseId}`);
    await ws.moveTo("filed", { portal: "amazon", reference: "AMZ-77" });

    server.requests.length = 0;
    await ws.recheck(/^Re-check: live/);
    await expect(ws.state).toHaveText("Filed");
    server.mode = "removed";
    await ws.recheck(/^Re-check: removed \(the server answered 404 \(not found\)\)/);
    await expect(ws.state).toHaveText("Removed");
    server.mode = "listing";
    await ws.recheck(/^Re-check: live/);
    await expect(ws.state).toHaveText("Relisted");

    // Exactly one plain GET of the listing's own address per re-check: no cookies, no referrer.
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill(`GET ${new URL(url).pathname}`));
    for (const r of server.requests) {
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.referer).toBeUndefined();
    }
    const checks = ws.page.locator('li.history-event[data-kind="check"]');
    await expect(checks).toHaveCount(3);
    await expect(checks.nth(0)).toContainText(/live \(HTTP 200, [\d,]+ bytes, sha256 [0-9a-f]{16}…\)/);
    await expect(checks.nth(1)).toContainText("removed (HTTP 404");
    await expect(checks.nth(1)).toHaveAttribute("data-state", "removed");
    await expect(checks.nth(2)).toHaveAttribute("data-state", "relisted");

    // The schedule is one periodic alarm at the agent's interval; switching re-checks off removes it.
    await ws.go("");
    await ws.enableRecheck(60);
    const alarm = async () =>
      (await sw.worker()).evaluate(async () => (await chrome.alarms.get("copycatch-recheck"))?.periodInMinutes ?? null);
    await expect.poll(alarm).toBe(60);
    await ws.disableRecheck();
    await expect.poll(alarm).toBeNull();

    // The same seller's same title at a new URL, seen while browsing, relists a removed case.
    await ws.go(`#case/${caseId}`);
    await ws.moveTo("removed", { note: "taken down again" });
    const elsewhere = `${url}?th=99`;
    const tab = await context.newPage();
    await tab.goto(elsewhere);
    await expect.poll(async () => (await ws.caseRecord(caseId)).followUp.state, { timeout: 15_000 }).toBe("relisted");
    const last = (await ws.caseRecord(caseId)).followUp.history.at(-1);
    expect(last).toMatchObject({ by: "browsing", url: elsewhere, state: "relisted" });

    // Shoppers cannot re-check.
    const refused = await ws.page.evaluate(async (id) => {
      await chrome.runtime.sendMessage({ type: "set-role", role: "shopper" });
      return chrome.runtime.sendMessage({ type: "recheck-case", caseId: id });
    }, caseId);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/agents/) });
  } finally {
    await server.close();
  }
});

test("trusted time: a case stamped by a local RFC 3161 authority, verified by verify-case, refused after one changed byte", async ({
  context,
  extensionId,
  sw,
}) => {
  test.setTimeout(180_000);
  const tsa = makeTsa();
  const dir = mkdtempSync(join(tmpdir(), "ws-tsa-"));
  try {
    await tsa.serve();
    const url = originalUrl(VIEWSONIC);
    await serve(context, new Map([[url, () => pageBy(null, "stamped")]]));
    await becomeAgent(context, extensionId);
    const ws = await WorkspacePage.open(context, extensionId);
    // Off by default.
    expect((await ws.settings()).tsaUrl).toBeNull();
    await ws.setTsa(tsa.url);
    const caseId = await fileCase(context, extensionId, sw, url, 0, true);
    expect((await ws.caseRecord(caseId)).timestamp?.signer).toBe("CN=Copycatch Test TSA, O=Loopback");
    expect(tsa.queries).toHaveLength(1);
    await ws.go(`#case/${caseId}`);
    await expect(ws.page.locator(".trusted-time")).toHaveAttribute("data-stamped", "true");
    await expect(ws.page.locator('li.history-event[data-kind="timestamp"]')).toHaveCount(1);
    // The stored token is re-checked in the page.
    await expect(ws.page.locator(".token-check")).toHaveAttribute("data-ok", "true");
    // The worker keeps only what a page hands it for the authority that is set, as DER.
    const junk = await ws.page.evaluate(
      async (id) =>
        chrome.runtime.sendMessage({
          type: "save-timestamp",
          caseId: id,
          reply: btoa("not der"),
          genTime: "2026-01-01T00:00:00Z",
          signer: "x",
        }),
      caseId,
    );
    expect(junk).toMatchObject({ ok: false, error: expect.stringMatching(/not a DER time-stamp reply/) });

    const { bytes } = await ws.download(ws.page.locator("button.export-zip"));
    const files = readZip(new Uint8Array(bytes)).map((f) => ({ name: f.name, bytes: f.bytes }));
    expect(files.map((f) => f.name)).toContain("manifest.tsr");
    const ca = join(dir, "ca.pem");
    writeFileSync(ca, tsa.caPem);
    const good = join(dir, "case.zip");
    writeFileSync(good, bytes);
    const ok = verifyCase([good, "--tsa-cert", ca]);
    expect(ok.status).toBe(0);
    expect(ok.out).toMatch(/^INTACT/);
    expect(ok.out).toMatch(
      /ok {2}manifest\.tsr {2}RFC 3161 time .* signature holds against the trusted authority certificate/,
    );

    for (const [name, at] of [
      ["manifest.tsr", (b: Uint8Array) => b.length - 1],
      ["manifest.json", (b: Uint8Array) => Buffer.from(b).indexOf("B07SRDX1Z1") + 3],
    ] as const) {
      const changed = files.map((f) => {
        if (f.name !== name) return f;
        const copy = new Uint8Array(f.bytes);
        const i = at(copy);
        copy[i] = (copy[i] as number) ^ 1;
        return { name: f.name, bytes: copy };
      });
      const path = join(dir, `bad-${name}.zip`);
      writeFileSync(path, writeZip(changed));
      const bad = verifyCase([path, "--tsa-cert", ca]);
      expect(bad.status, name).toBe(1);
      expect(bad.out).toMatch(/^TAMPERED/);
      expect(bad.out).toMatch(/DIFFERS {2}manifest\.tsr: /);
    }
  } finally {
    await tsa.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** `npm run -s verify-case -- ARGS`, as a user runs it: exit status and output. */
function verifyCase(args: string[]): { status: number; out: string } {
  const r = spawnSync(join(ROOT, "node_modules/.bin/tsx"), ["cli/verify-case.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}
