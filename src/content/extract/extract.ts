/**
 * Layered extraction (skeleton): the site adapter when one matches, then
 * JSON-LD, then OpenGraph. Each field keeps the source it came from.
 */
import { emptyListing, type FieldSource, type Listing, type ListingField } from "../../shared/listing.ts";
import { adapterForHost } from "../sites/index.ts";
import type { ExtractContext, ListingPatch } from "../sites/types.ts";
import { meta } from "./dom.ts";
import { jsonLd } from "./json-ld.ts";

export interface ExtractOptions {
  /** Site adapters on (default) or off (`--generic-only`). */
  adapters?: boolean;
  budgetMs?: number;
  now?: () => number;
}

export interface ExtractResult {
  isListing: boolean;
  listing: Listing | null;
}

function context(doc: Document, url: URL, opts: ExtractOptions): ExtractContext {
  const now = opts.now ?? (() => performance.now());
  const deadline = now() + (opts.budgetMs ?? 200);
  let scripts: string[] | null = null;
  return {
    doc,
    url,
    overBudget: () => now() > deadline,
    scriptTexts: () => {
      scripts ??= Array.from(doc.querySelectorAll("script:not([src])"), (s) => s.textContent ?? "");
      return scripts;
    },
  };
}

function merge(listing: Listing, patch: ListingPatch, source: FieldSource): void {
  const target = listing as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (key === "warnings" || value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (target[key] !== null && !(Array.isArray(target[key]) && (target[key] as unknown[]).length === 0)) continue;
    target[key] = value;
    listing.sources[key as ListingField] = source;
  }
  if (patch.warnings) listing.warnings.push(...patch.warnings);
}

function openGraph(ctx: ExtractContext): ListingPatch {
  return { title: meta(ctx.doc, "og:title") };
}

export function extractListing(doc: Document, href: string, opts: ExtractOptions = {}): ExtractResult {
  const url = new URL(href);
  const ctx = context(doc, url, opts);
  const adapter = opts.adapters === false ? null : adapterForHost(url.hostname);
  const ld = jsonLd(ctx);
  const isListing = adapter ? adapter.isListing(ctx) : ld.title !== undefined || meta(doc, "og:type") === "product";
  if (!isListing) return { isListing: false, listing: null };
  const listing = emptyListing(href, adapter?.id ?? "generic");
  if (adapter) merge(listing, adapter.extract(ctx), "adapter");
  merge(listing, ld, "json-ld");
  merge(listing, openGraph(ctx), "opengraph");
  return { isListing: true, listing };
}
