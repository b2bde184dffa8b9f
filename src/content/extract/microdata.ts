/**
 * Microdata layer (WHATWG HTML "Microdata"): itemscope/itemtype/itemprop
 * trees turned into plain schema.org nodes, then mapped like JSON-LD. One
 * querySelectorAll for all properties; each is attached to its nearest scope.
 */

import { clean } from "../base/dom.ts";
import type { ExtractContext, ListingPatch } from "../base/types.ts";
import { breadcrumbs, collectProducts, mainProduct, productPatch, type SchemaNode } from "./schema-org.ts";

const MAX_PROPS = 5000;

/** The value of a property element, per the microdata spec's element table. */
export function propValue(el: Element, contentAttr = "content"): string | null {
  const tag = el.tagName.toLowerCase();
  if (el.hasAttribute(contentAttr)) return clean(el.getAttribute(contentAttr));
  if (tag === "meta") return clean(el.getAttribute("content"));
  if (tag === "a" || tag === "link" || tag === "area") return clean(el.getAttribute("href"));
  if (tag === "img" || tag === "source" || tag === "audio" || tag === "video" || tag === "iframe" || tag === "embed")
    return clean(el.getAttribute("src") ?? el.getAttribute("data-src"));
  if (tag === "object") return clean(el.getAttribute("data"));
  if (tag === "data" || tag === "meter") return clean(el.getAttribute("value"));
  if (tag === "time") return clean(el.getAttribute("datetime") ?? el.textContent);
  return clean(el.textContent);
}

function add(node: SchemaNode, key: string, value: unknown): void {
  const prev = node[key];
  if (prev === undefined) node[key] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else node[key] = [prev, value];
}

export function microdataRoots(ctx: ExtractContext): SchemaNode[] {
  const nodes = new Map<Element, SchemaNode>();
  const roots: SchemaNode[] = [];
  const nodeFor = (scope: Element): SchemaNode => {
    let n = nodes.get(scope);
    if (!n) {
      n = { "@type": (scope.getAttribute("itemtype") ?? "").trim().split(/\s+/) };
      nodes.set(scope, n);
    }
    return n;
  };
  const scopes = ctx.doc.querySelectorAll("[itemscope]");
  // Properties outside every scope belong to no item: without a scope there is nothing to walk for.
  if (scopes.length === 0) return roots;
  for (const scope of scopes) {
    const n = nodeFor(scope);
    if (!scope.hasAttribute("itemprop")) roots.push(n);
  }
  let count = 0;
  for (const el of ctx.doc.querySelectorAll("[itemprop]")) {
    if (++count > MAX_PROPS || (count % 256 === 0 && ctx.overBudget())) break;
    const scope = el.parentElement?.closest("[itemscope]");
    if (!scope) continue;
    const value = el.hasAttribute("itemscope") ? nodeFor(el) : propValue(el);
    if (value === null) continue;
    for (const name of (el.getAttribute("itemprop") ?? "").trim().split(/\s+/)) {
      if (name) add(nodeFor(scope), name.split("/").pop() ?? name, value);
    }
  }
  return roots;
}

export function microdata(ctx: ExtractContext): { patch: ListingPatch; hasProduct: boolean } {
  const roots = microdataRoots(ctx);
  const product = mainProduct(collectProducts(roots), ctx.url);
  const patch: ListingPatch = product ? productPatch(product, ctx.url) : {};
  const categories = breadcrumbs(roots);
  if (categories.length > 0) patch.categories = categories;
  return { patch, hasProduct: product !== null };
}
