/**
 * RDFa layer (RDFa Lite 1.1, https://www.w3.org/TR/rdfa-lite/): typeof/
 * property scopes with schema.org terms ("price", "schema:price",
 * "http://schema.org/price") turned into plain nodes, mapped like JSON-LD.
 * Head <meta property="og:..."> has no typeof scope and is left to the
 * OpenGraph layer.
 */
import type { ExtractContext, ListingPatch } from "../base/types.ts";
import { propValue } from "./microdata.ts";
import { breadcrumbs, collectProducts, mainProduct, productPatch, type SchemaNode } from "./schema-org.ts";

const MAX_PROPS = 5000;

function term(name: string): string {
  return name.split(/[/#:]/).pop() ?? name;
}

export function rdfa(ctx: ExtractContext): { patch: ListingPatch; hasProduct: boolean } {
  const scopes = ctx.doc.querySelectorAll("[typeof]");
  if (scopes.length === 0) return { patch: {}, hasProduct: false };
  const nodes = new Map<Element, SchemaNode>();
  const roots: SchemaNode[] = [];
  const nodeFor = (scope: Element): SchemaNode => {
    let n = nodes.get(scope);
    if (!n) {
      n = { "@type": (scope.getAttribute("typeof") ?? "").trim().split(/\s+/) };
      nodes.set(scope, n);
    }
    return n;
  };
  for (const scope of scopes) if (!scope.hasAttribute("property")) roots.push(nodeFor(scope));
  let count = 0;
  for (const el of ctx.doc.querySelectorAll("[typeof] [property]")) {
    if (++count > MAX_PROPS || (count % 256 === 0 && ctx.overBudget())) break;
    const scope = el.parentElement?.closest("[typeof]");
    if (!scope) continue;
    const value = el.hasAttribute("typeof")
      ? nodeFor(el)
      : (propValue(el) ?? el.getAttribute("resource") ?? el.getAttribute("src"));
    if (value === null) continue;
    for (const name of (el.getAttribute("property") ?? "").trim().split(/\s+/)) {
      if (!name || name.startsWith("og:")) continue;
      const n = nodeFor(scope);
      const key = term(name);
      const prev = n[key];
      n[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
  }
  const product = mainProduct(collectProducts(roots), ctx.url);
  const patch: ListingPatch = product ? productPatch(product, ctx.url) : {};
  const categories = breadcrumbs(roots);
  if (categories.length > 0) patch.categories = categories;
  return { patch, hasProduct: product !== null };
}
