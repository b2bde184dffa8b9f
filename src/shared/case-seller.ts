/**
 * Repeat offenders: the keys that say two cases are the same seller. On one
 * marketplace the seller id; across marketplaces the same store name
 * (case-, width- and punctuation-folded) or the same external shop link (a
 * link off the listing's own site; the marketplace's seller page is the id).
 * Image hashes are not keys: cases record image URLs, not image bytes.
 * Cases sharing any key are one seller (grouped transitively).
 */
import type { Listing } from "./listing.ts";

export type SellerKey = string;

function foldName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

function hostOf(raw: string): string | null {
  try {
    return new URL(raw).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

/** A link to the seller's shop outside the listing's own site (the marketplace's seller page is covered by the id). */
function shopLink(raw: string, listingUrl: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.hostname.replace(/^www\./, "") === hostOf(listingUrl)) return null;
    const path = url.pathname.replace(/\/+$/, "");
    return `${url.hostname.replace(/^www\./, "")}${path}`.toLowerCase();
  } catch {
    return null;
  }
}

export function sellerKeys(listing: Pick<Listing, "url" | "marketplace" | "seller">): SellerKey[] {
  const s = listing.seller;
  if (!s) return [];
  const keys: SellerKey[] = [];
  if (s.id) keys.push(`id:${listing.marketplace}:${s.id.trim().toLowerCase()}`);
  const name = s.name ? foldName(s.name) : "";
  if (name.length >= 2) keys.push(`name:${name}`);
  const link = s.url ? shopLink(s.url, listing.url) : null;
  if (link) keys.push(`link:${link}`);
  return keys;
}

/** A title folded for "the same title": case, width, spacing and punctuation do not count. */
export function sameTitleKey(title: string | null): string | null {
  if (!title) return null;
  const folded = foldName(title);
  return folded.length >= 8 ? folded : null;
}

/**
 * Group items by shared seller keys (union-find). Returns groups of at least
 * one item, each with the union of its keys; items without keys are alone.
 */
export function groupBySeller<T>(items: T[], keysOf: (item: T) => SellerKey[]): { items: T[]; keys: SellerKey[] }[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const owner = new Map<SellerKey, number>();
  items.forEach((item, i) => {
    for (const key of keysOf(item)) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, { items: T[]; keys: Set<SellerKey> }>();
  items.forEach((item, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) {
      g = { items: [], keys: new Set() };
      groups.set(root, g);
    }
    g.items.push(item);
    for (const k of keysOf(item)) g.keys.add(k);
  });
  return [...groups.values()].map((g) => ({ items: g.items, keys: [...g.keys].sort() }));
}
