/**
 * The UI in another language, chosen in the options page: the popup, the
 * options page and the badge in Arabic (right to left) and in Simplified
 * Chinese, with the listing's own text isolated in its own direction; axe on
 * the Arabic popup and options page; and the choice taking effect at once in a
 * popup already open.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./fixtures.ts";
import { OptionsPage } from "./pages/options-page.ts";
import { PopupPage } from "./pages/popup-page.ts";
import { axeViolations } from "./support/axe.ts";
import { openOptionsForLongTest } from "./support/long-test.ts";
import { openViewSonic, REPLICA_TITLE } from "./support/viewsonic.ts";

test("Arabic: popup, options and badge right to left in Arabic, listing text isolated, axe clean", async ({
  context,
  extensionId,
  sw,
}) => {
  const options = await openOptionsForLongTest(context, extensionId);
  await expect(options.html).toHaveAttribute("dir", "ltr");
  await options.chooseLanguage("ar", "ar");
  await expect(options.html).toHaveAttribute("dir", "rtl");
  await expect(options.page.locator("#language-title")).toHaveText("اللغة");
  await expect(options.page.locator("#rules-title")).toHaveText("القواعد");
  expect(await axeViolations(options.page)).toEqual([]);
  // The worker's error about a broken pack file, worded in Arabic, the validator's JSON path and detail isolated.
  const dir = mkdtempSync(join(tmpdir(), "copycatch-pack-"));
  writeFileSync(join(dir, "broken.json"), '{"format": 1, "id": "broken"}');
  await options.importPackFile(join(dir, "broken.json"));
  await expect(options.rulesNotice).toHaveAttribute("role", "alert");
  await expect(options.rulesNotice).toContainText("الحزمة تالفة عند version: expected a non-negative integer");
  await expect(options.rulesNotice.locator("bdi").first()).toHaveText("version");

  const listing = await openViewSonic(context, REPLICA_TITLE);
  const tabId = await sw.tabIdOf(listing);
  await expect.poll(() => sw.badgeText(tabId)).toBe("عالٍ");
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.html).toHaveAttribute("lang", "ar");
  await expect(popup.html).toHaveAttribute("dir", "rtl");
  await expect(popup.risk).toHaveText("خطر مرتفع");
  await expect(popup.claimedBrand).toContainText("العلامة التجارية المذكورة");
  await expect(popup.reasons.filter({ hasText: "عبارة تدل على التقليد" }).first()).toBeVisible();
  // The Latin title keeps its own direction inside the right-to-left popup.
  await expect(popup.isolated("title")).toContainText(REPLICA_TITLE);
  expect(await popup.isolated("title").evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
  await expect(popup.evidence.filter({ hasText: "replica" }).first()).toBeVisible();
  // Laid out mirrored: the risk heading starts at the right, the score sits at the left.
  const [heading, score] = await Promise.all([popup.risk.boundingBox(), popup.score.boundingBox()]);
  expect((score?.x ?? 0) < (heading?.x ?? 0)).toBe(true);
  expect(await axeViolations(popup.page)).toEqual([]);
  expect(sw.errors).toEqual([]);
});

test("Simplified Chinese: popup and badge in Chinese, listing title isolated", async ({ context, extensionId, sw }) => {
  const options = await OptionsPage.open(context, extensionId);
  await options.chooseLanguage("zh_CN", "zh-CN");
  await expect(options.page.locator("#language-title")).toHaveText("语言");
  const listing = await openViewSonic(context, REPLICA_TITLE);
  const tabId = await sw.tabIdOf(listing);
  await expect.poll(() => sw.badgeText(tabId)).toBe("高");
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.html).toHaveAttribute("lang", "zh-CN");
  await expect(popup.html).toHaveAttribute("dir", "ltr");
  await expect(popup.risk).toHaveText("高风险");
  await expect(popup.claimedBrand).toContainText("所标品牌：");
  await expect(popup.reasons.filter({ hasText: "假货用语" }).first()).toBeVisible();
  await expect(popup.isolated("title")).toContainText(REPLICA_TITLE);
  await expect(popup.page.locator('dd[data-field="seller-status"]')).toHaveText(/卖家|自营|旗舰店/);
  expect(sw.errors).toEqual([]);
});

test("the language chosen in the options applies at once to an open popup; the browser's language brings English back", async ({
  context,
  extensionId,
  sw,
}) => {
  const listing = await openViewSonic(context);
  const popup = await PopupPage.open(context, extensionId, await sw.tabIdOf(listing));
  await expect(popup.risk).toHaveText("Low risk");
  await expect(popup.html).toHaveAttribute("lang", "en");
  const options = await OptionsPage.open(context, extensionId);
  await options.chooseLanguage("ar", "ar");
  await expect(popup.html).toHaveAttribute("dir", "rtl");
  await expect(popup.risk).toHaveText("خطر منخفض");
  await options.chooseLanguage("de", "de");
  await expect(popup.risk).toHaveText("Geringes Risiko");
  await options.chooseLanguage("", "en");
  await expect(popup.risk).toHaveText("Low risk");
  await expect(popup.html).toHaveAttribute("dir", "ltr");
  await expect(options.languageSelect).toHaveValue("");
  expect(sw.errors).toEqual([]);
});
