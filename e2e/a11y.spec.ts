/**
 * Accessibility: axe (WCAG 2.1 A and AA rules) on every popup state and on the
 * options page, light and dark; and the agent's report flow done with the
 * keyboard alone, with focus moved to the result when the panel opens.
 */
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { originalUrl, readSaved, servePages } from "../scripts/lib/serve-pages.ts";
import { expect, testOnTestBuild } from "./fixtures.ts";
import { OptionsCases } from "./pages/options-cases.ts";
import { PopupPage } from "./pages/popup-page.ts";

const test = testOnTestBuild;

const VIEWSONIC = "amazon/orderapp_amazon-com_B07SRDX1Z1.html.gz";
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The rule ids and targets axe reports, in both colour schemes. */
async function violations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    for (const v of result.violations) {
      found.push(`${colorScheme}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  return found;
}

/** The saved page, with another title if given (and then at its own address, so each tab's verdict is found). */
async function openListing(context: BrowserContext, title?: string): Promise<Page> {
  const url = title ? `${originalUrl(VIEWSONIC)}?title=${encodeURIComponent(title)}` : originalUrl(VIEWSONIC);
  let body = readSaved(VIEWSONIC).toString("utf8");
  if (title) body = body.replace(/(<span id="productTitle"[^>]*>)[^<]*/, `$1 ${title} `);
  const page = await context.newPage();
  await servePages(page, [{ url, body }]);
  await page.goto(url);
  return page;
}

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

  const replica = await openListing(context, "ViewSonic VX3276 32 inch 4K monitor replica 1:1 AAA");
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
  const options = await OptionsCases.open(context, extensionId);
  await options.becomeAgent();
  const replica = await openListing(context, "ViewSonic VX3276 32 inch 4K monitor replica 1:1 AAA");
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
