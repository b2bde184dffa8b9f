/**
 * The schema.org nodes an adapter needs from the page's JSON-LD (Product,
 * BreadcrumbList), for sites whose own markup is mostly JSON-LD (Etsy,
 * Alibaba). Blocks are size-bounded; malformed ones are skipped.
 */
import type { ExtractContext } from "../../base/types.ts";
import { isObject, type Json, parseJson } from "./script-json.ts";

const MAX_BLOCK = 2_000_000;

function collect(v: unknown, type: string, out: Json[], depth: number): void {
  if (depth > 6 || out.length > 50) return;
  if (Array.isArray(v)) {
    for (const x of v) collect(x, type, out, depth + 1);
    return;
  }
  if (!isObject(v)) return;
  const t = v["@type"];
  if (t === type || (Array.isArray(t) && t.includes(type))) out.push(v);
  if (v["@graph"]) collect(v["@graph"], type, out, depth + 1);
}

export function ldNodes(ctx: ExtractContext, type: string): Json[] {
  const out: Json[] = [];
  for (const s of Array.from(ctx.doc.querySelectorAll('script[type="application/ld+json"]'))) {
    if (ctx.overBudget()) break;
    const text = s.textContent ?? "";
    if (text.length > MAX_BLOCK) continue;
    collect(parseJson(text), type, out, 0);
  }
  return out;
}

/** BreadcrumbList names, outermost first. */
export function ldBreadcrumb(ctx: ExtractContext): string[] {
  const list = ldNodes(ctx, "BreadcrumbList")[0];
  const items = Array.isArray(list?.itemListElement) ? list.itemListElement : [];
  return items
    .filter(isObject)
    .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
    .map((i) =>
      typeof i.name === "string" ? i.name : isObject(i.item) && typeof i.item.name === "string" ? i.item.name : "",
    )
    .filter((n) => n.trim() !== "");
}
