/**
 * The extraction pipeline with the site adapters plugged in: the one place
 * that joins the generic layers (extract/) and the adapters (sites/), so
 * neither folder imports the other (both import only base/). Every caller
 * (content script, CLI, evaluation, benchmarks, tests) extracts through here.
 */
import {
  DEFAULT_BUDGET_MS,
  type ExtractOptions,
  type ExtractResult,
  extractListing as extractWith,
} from "./extract/extract.ts";
import { adapterForHost } from "./sites/registry.ts";

export { DEFAULT_BUDGET_MS, type ExtractOptions, type ExtractResult };

export function extractListing(
  doc: Document,
  href: string,
  opts: Omit<ExtractOptions, "adapterFor"> = {},
): ExtractResult {
  return extractWith(doc, href, { ...opts, adapterFor: adapterForHost });
}
