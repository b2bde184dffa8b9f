/** JSON-LD layer (skeleton): the first schema.org Product, including @graph and arrays. */
import { parsePrice } from "../../shared/price.ts";
import type { ExtractContext, ListingPatch } from "../sites/types.ts";

type Node = Record<string, unknown>;

function products(value: unknown, out: Node[]): void {
  if (Array.isArray(value)) {
    for (const v of value) products(v, out);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const node = value as Node;
  const type = node["@type"];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => t === "Product" || t === "http://schema.org/Product")) out.push(node);
  if (node["@graph"]) products(node["@graph"], out);
}

function str(v: unknown): string | null {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  if (typeof v === "object" && v !== null && "name" in v) return str((v as Node).name);
  return null;
}

export function jsonLd(ctx: ExtractContext): ListingPatch {
  const found: Node[] = [];
  for (const s of ctx.doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      products(JSON.parse(s.textContent ?? ""), found);
    } catch {
      // Malformed blocks are common; the other blocks still count.
    }
  }
  const p = found[0];
  if (!p) return {};
  const offer = (Array.isArray(p.offers) ? p.offers[0] : p.offers) as Node | undefined;
  const amount = str(offer?.price ?? offer?.lowPrice);
  return {
    title: str(p.name),
    brand: str(p.brand),
    sku: str(p.sku),
    price: amount ? parsePrice(amount, str(offer?.priceCurrency)) : null,
  };
}

export function hasJsonLdProduct(ctx: ExtractContext): boolean {
  return Object.keys(jsonLd(ctx)).length > 0;
}
