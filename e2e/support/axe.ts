/**
 * axe (WCAG 2.1 A and AA rules) on a page in both colour schemes: the rule ids and targets it reports.
 *
 * Legacy mode runs axe in the page itself. The default mode also runs it in every frame and joins the results in a
 * new blank page, which doubles the time of each run (about 1.25 s against 0.62 s on the options page here); the
 * extension's pages have no frames, so both modes check the same nodes.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode(true).analyze();
    for (const v of result.violations) {
      found.push(`${colorScheme}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  return found;
}
