/**
 * JSON-LD layer: every <script type="application/ld+json"> block, parsed
 * leniently (see lenient-json.ts), searched for the page's main Product
 * (@graph, arrays, nesting, ProductGroup/hasVariant, Offer.itemOffered).
 */
import type { ExtractContext, ListingPatch } from "../base/types.ts";
import { parseLenientJson } from "./lenient-json.ts";
import { breadcrumbs, collectProducts, mainProduct, productPatch } from "./schema-org.ts";

/** Blocks above this size are skipped: no real product block is that big, a hostile one could be. */
const MAX_BLOCK = 2_000_000;

export interface JsonLdResult {
  patch: ListingPatch;
  hasProduct: boolean;
}

export function jsonLdRoots(ctx: ExtractContext): unknown[] {
  const roots: unknown[] = [];
  // The context's script list, not a selector query: no second walk of a large document.
  for (const s of ctx.markup().scripts) {
    if ((s.getAttribute("type") ?? "").trim().toLowerCase() !== "application/ld+json") continue;
    if (ctx.overBudget()) break;
    const body = s.textContent ?? "";
    if (body.length > MAX_BLOCK) continue;
    roots.push(...parseLenientJson(body, { overBudget: ctx.overBudget }));
  }
  return roots;
}

export function jsonLd(ctx: ExtractContext, roots: unknown[] = jsonLdRoots(ctx)): JsonLdResult {
  const product = mainProduct(collectProducts(roots), ctx.url);
  const categories = breadcrumbs(roots);
  const patch: ListingPatch = product ? productPatch(product, ctx.url) : {};
  if (categories.length > 0) patch.categories = categories;
  return { patch, hasProduct: product !== null };
}
