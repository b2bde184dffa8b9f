/** Small reading helpers shared by the site adapters (numbers, percents, counts, dates, sellers); text and URL helpers are in ../../base/dom.ts. */
import { emptySeller, type Seller } from "../../../shared/listing.ts";
import { clean, text } from "../../base/dom.ts";

/** Text of the first element matching any selector, in the order given (not document order). */
export function firstText(root: ParentNode, selectors: readonly string[]): string | null {
  for (const sel of selectors) {
    const t = text(root.querySelector(sel));
    if (t) return t;
  }
  return null;
}

/**
 * A count as pages print it: "1,234 ratings", "1.234 valoraciones", "12 345", "2.5K", "1.2万".
 * Grouping separators are dropped; K/M/万 suffixes are expanded.
 */
export function parseCount(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
  const t = clean(value);
  if (!t) return null;
  const m = t.match(/(\d[\d.,\s\u00a0\u202f']*)\s*([KkMm](?![a-z])|万)?/);
  if (!m?.[1]) return null;
  let digits = m[1].replace(/[\s\u00a0\u202f']/g, "").replace(/[.,]$/, "");
  const suffix = m[2]?.toLowerCase();
  if (suffix) {
    const n = Number.parseFloat(digits.replace(",", "."));
    if (!Number.isFinite(n)) return null;
    return Math.round(n * (suffix === "k" ? 1000 : suffix === "万" ? 10_000 : 1_000_000));
  }
  digits = digits.replace(/[.,]/g, "");
  const n = Number.parseInt(digits, 10);
  return Number.isFinite(n) ? n : null;
}

/** A rating or percent: "4.5 out of 5", "4,5 de 5", "99.2%". */
export function parseDecimal(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const t = clean(value);
  const m = t?.match(/\d+(?:[.,]\d+)?/);
  if (!m) return null;
  const n = Number.parseFloat(m[0].replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** A positive-feedback percent, 0..100, or null. */
export function parsePercent(value: unknown): number | null {
  const n = parseDecimal(value);
  return n !== null && n >= 0 && n <= 100 ? n : null;
}

/** A rating on a 0..5 scale, or null. */
export function parseRating(value: unknown): number | null {
  const n = parseDecimal(value);
  return n !== null && n >= 0 && n <= 5 ? n : null;
}

/**
 * A seller record from the known parts; null when the page names no seller
 * (neither a name, an id nor a store URL): a rating or a badge alone belongs
 * to no one we can show.
 */
export function makeSeller(parts: Partial<Seller>): Seller | null {
  const s: Seller = { ...emptySeller() };
  for (const [k, v] of Object.entries(parts) as [keyof Seller, Seller[keyof Seller]][]) {
    if (v === null || v === undefined || v === "") continue;
    (s as unknown as Record<string, unknown>)[k] = v;
  }
  return s.name === null && s.id === null && s.url === null ? null : s;
}

/** Unique, non-empty, capped list, first occurrence kept. */
export function uniq(values: Iterable<string | null | undefined>, max: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    if (!v || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
    if (out.length >= max) break;
  }
  return out;
}

const MONTHS: Record<string, string> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};

/** "Mar 2015", "2015-03-02", "Since 2015": an ISO date prefix, else null. */
export function isoDate(value: unknown): string | null {
  const t = clean(value);
  if (!t) return null;
  const iso = t.match(/\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/);
  if (iso) return iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}`;
  const my = t.match(/\b([A-Za-z]{3})[a-z]*\.?\s+(?:\d{1,2},?\s+)?(\d{4})\b/);
  const month = my?.[1] ? MONTHS[my[1].toLowerCase()] : undefined;
  if (my?.[2] && month) return `${my[2]}-${month}`;
  const y = t.match(/\b(19[89]\d|20\d\d)\b/);
  return y?.[1] ?? null;
}
