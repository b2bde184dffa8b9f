/**
 * axe (WCAG 2.1 A and AA rules) on a page in both colour schemes: the rule ids and targets it reports.
 *
 * Legacy mode runs axe in the page itself. The default mode also runs it in every frame and joins the results in a
 * new blank page, which doubles the time of each run (about 1.25 s against 0.62 s on the options page here); the
 * extension's pages have no frames, so both modes check the same nodes.
 *
 * The light scheme gets every WCAG 2.1 A and AA rule; the dark scheme only the rules that read colours. The
 * extension's dark scheme changes colour custom properties and nothing else (one `prefers-color-scheme` block in
 * popup.css, checked below), so every other rule sees the same page in both schemes; this halves the time of a run.
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** The WCAG 2.1 A/AA rules whose result depends on colours. */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

export async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const builder = new AxeBuilder({ page }).setLegacyMode(true);
    const result = await (colorScheme === "light"
      ? builder.withTags(WCAG_21_AA)
      : builder.withRules(COLOUR_RULES)
    ).analyze();
    for (const v of result.violations) {
      found.push(`${colorScheme}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  return found;
}

/**
 * The declarations inside the stylesheets' `prefers-color-scheme` blocks that are not colour custom properties
 * (empty while the dark scheme changes colours only, the premise of the shortened dark run).
 */
export function nonColourDarkDeclarations(cssFiles: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of cssFiles) {
    const css = readFileSync(file, "utf8");
    for (const m of css.matchAll(/@media[^{]*prefers-color-scheme[^{]*\{((?:[^{}]*\{[^{}]*\})*[^{}]*)\}/g)) {
      for (const decl of (m[1] ?? "").matchAll(/([\w-]+)\s*:\s*([^;{}]+);/g)) {
        const [, prop = "", value = ""] = decl;
        if (!(prop.startsWith("--") && /^\s*#[0-9a-f]{3,8}\s*$/i.test(value))) out.push(`${file}: ${prop}`);
      }
    }
  }
  return out;
}
