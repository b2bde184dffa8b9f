/**
 * The opening of a long browser test (a cold worker and a 10,000-brand pack; a language switched with axe run on
 * two pages): the whole test's time budget raised to LONG_TEST_MS, then the options page opened.
 */
import type { BrowserContext } from "@playwright/test";
import { test } from "../fixtures.ts";
import { OptionsPage } from "../pages/options-page.ts";

/** Long enough for a cold browser on a loaded 2-core machine. */
export const LONG_TEST_MS = 120_000;

/** Raises the running test's time budget to LONG_TEST_MS and opens the options page. */
export async function openOptionsForLongTest(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
  test.setTimeout(LONG_TEST_MS);
  return OptionsPage.open(context, extensionId);
}
