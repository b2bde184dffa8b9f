/**
 * Accessibility: axe (WCAG 2.1 A and AA rules) on every popup state, the
 * options page and the case workspace's views (in English and in Arabic,
 * right to left), light and dark; and the agent's report flow done with the
 * keyboard alone, with focus moved to the result when the panel opens.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, testOnTestBuild } from "./fixtures.ts";
import { OptionsCases } from "./pages/options-cases.ts";
import { OptionsPage } from "./pages/options-page.ts";
import { PopupPage } from "./pages/popup-page.ts";
import { WorkspacePage } from "./pages/workspace-page.ts";
import { nonColourDarkDeclarations, axeViolations as violations } from "./support/axe.ts";
import { openViewSonic as openListing, REPLICA_TITLE } from "./support/viewsonic.ts";

const test = testOnTestBuild;

test("the dark scheme changes colours only, so its axe run checks the colour rules alone", () => {
  const css = ["src/popup/popup.css", "src/workspace/workspace.css"].map((f) => join(import.meta.dirname, "..", f));
  expect(nonColourDarkDeclarations(css)).toEqual([]);
  // The check reads what it should: a dark block that also hides an element is reported.
  const probe = join(import.meta.dirname, "..", "test-results", "dark-probe.css");
  mkdirSync(dirname(probe), { recursive: true });
  writeFileSync(probe, "@media (prefers-color-scheme: dark) { :root { --bg: #000; } .x { display: none; } }");
  expect(nonColourDarkDeclarations([probe])).toEqual([`${probe}: display`]);
});

test("axe finds no WCAG 2.1 AA violation on the popup's states and the options page", async ({
  context,
  extensionId,
  sw,
}) => {
  // Nine axe runs (two colour schemes each) on top of the page loads.
  test.setTimeout(180_000);
  const options = await OptionsCases.open(context, extensionId);
  await expect(options.page.locator("h1")).toBeVisible();
  expect(await violations(options.page)).toEqual([]);

  const genuine = await openListing(context);
  const low = await PopupPage.open(context, extensionId, await sw.tabIdOf(genuine));
  await expect(low.risk).toHaveText("Low risk");
  expect(await violations(low.page)).toEqual([]);

  const replica = await openListing(context, REPLICA_TITLE);
  const high = await PopupPage.open(context, extensionId, await sw.tabIdOf(replica));
  await expect(high.risk).toHaveText("High risk");
  expect(await violations(high.page)).toEqual([]);
  // The correction form and the shopper's report panel open inside the popup.
  await high.page.getByRole("button", { name: "This verdict is wrong" }).click();
  expect(await violations(high.page)).toEqual([]);

  await context.route("https://www.amazon.com/s?k=monitor", (r) =>
    r.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Amazon.com : monitor</title>" }),
  );
  const search = await context.newPage();
  await search.goto("https://www.amazon.com/s?k=monitor");
  const notListing = await PopupPage.open(context, extensionId, await sw.tabIdOf(search));
  await expect(notListing.stateTitle).toHaveText("Not a listing");
  expect(await violations(notListing.page)).toEqual([]);

  // Agent mode: the report panel and the filed case.
  await options.becomeAgent();
  expect(await violations(options.page)).toEqual([]);
  const agent = await PopupPage.open(context, extensionId, await sw.tabIdOf(replica));
  await expect(agent.risk).toHaveText("High risk");
  expect(await violations(agent.page)).toEqual([]);
  await agent.page.getByRole("button", { name: "File a case with evidence" }).click();
  await expect(agent.page.locator(".report.filed h2")).toHaveText("Case saved");
  expect(await violations(agent.page)).toEqual([]);
});

test("an agent files a case with the keyboard alone, and focus follows the panel that opens", async ({
  context,
  extensionId,
  sw,
}) => {
  await OptionsCases.openAsAgent(context, extensionId);
  const replica = await openListing(context, REPLICA_TITLE);
  const popup = await PopupPage.open(context, extensionId, await sw.tabIdOf(replica));
  await expect(popup.risk).toHaveText("High risk");

  // Tab through the popup until the report button has focus; every stop shows a visible focus ring.
  const file = popup.page.getByRole("button", { name: "File a case with evidence" });
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await popup.page.keyboard.press("Tab");
    const outline = await popup.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { width: style.outlineWidth, style: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(outline, "a focused element").not.toBeNull();
    expect(outline?.style !== "none" || outline?.shadow !== "none", "focus is visible").toBe(true);
    reached = await file.evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await popup.page.keyboard.press("Enter");
  await expect(popup.page.locator(".report.filed h2")).toHaveText("Case saved");
  // Focus moved into the result, not left on a button that no longer exists.
  await expect
    .poll(() => popup.page.evaluate(() => document.activeElement?.closest(".report.filed") !== null))
    .toBe(true);
  expect(sw.errors).toEqual([]);
});

test("axe finds no WCAG 2.1 AA violation on the case workspace (list, case, seller, report), in English and Arabic", async ({
  context,
  extensionId,
  sw,
}) => {
  // Twelve axe runs (two colour schemes each), two cases filed with their captures.
  test.setTimeout(240_000);
  await OptionsCases.openAsAgent(context, extensionId);
  const ids: string[] = [];
  for (const title of [REPLICA_TITLE, `${REPLICA_TITLE} wholesale lot`]) {
    const listing = await openListing(context, title);
    const popup = await PopupPage.open(context, extensionId, await sw.tabIdOf(listing));
    await popup.page.getByRole("button", { name: "File a case with evidence" }).click();
    await expect(popup.page.locator(".report.filed h2")).toHaveText("Case saved");
    ids.push((await popup.page.locator(".case-id code").textContent()) ?? "");
    await popup.close();
  }
  const ws = await WorkspacePage.open(context, extensionId);
  const views = async (dir: "ltr" | "rtl", heading: string) => {
    await ws.go("");
    await expect(ws.html).toHaveAttribute("dir", dir);
    await expect(ws.page.locator("h1")).toHaveText(heading);
    await expect(ws.rows).toHaveCount(2);
    expect(await violations(ws.page), `${dir} list`).toEqual([]);
    await ws.openCase(ids[0] as string);
    await expect(ws.page.locator(".integrity")).toHaveAttribute("data-intact", "true");
    expect(await violations(ws.page), `${dir} case`).toEqual([]);
    await ws.page.locator(".seller-repeat a").click();
    await expect(ws.page.locator(".seller-count")).toHaveText("2");
    expect(await violations(ws.page), `${dir} seller`).toEqual([]);
    await ws.page.locator("a.seller-report").click();
    await ws.page.locator(".report-ready").waitFor();
    expect(await violations(ws.page), `${dir} report`).toEqual([]);
  };
  await views("ltr", "Cases");
  const settings = await OptionsPage.open(context, extensionId);
  await settings.chooseLanguage("ar", "ar");
  await views("rtl", "الملفات");
  expect(sw.errors).toEqual([]);
});
