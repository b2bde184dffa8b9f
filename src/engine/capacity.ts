/**
 * Capacity against price for storage media and power banks
 * (data/media-capacity.json): a "1TB" microSD card for US$8.99 or a
 * "50000mAh" power bank for US$6 cannot be what it says. Brand-independent:
 * fake-capacity goods are often sold under no brand or a made-up one.
 */
import type { Listing } from "../shared/listing.ts";
import type { Reason } from "../shared/verdict.ts";
import {
  bundledBefore,
  escapeRe,
  fitWordAfter,
  isSetOfPieces,
  statedCondition,
  wordAlternatives,
  wordsRe,
} from "./context.ts";
import MEDIA from "./data/media-capacity.json";
import type { MatcherData } from "./layout.ts";
import { listingPriceUsd } from "./price.ts";
import { round } from "./seller.ts";
import * as W from "./weights.ts";

interface Media {
  kind: string;
  unit: "GB" | "mAh";
  floorUsdPerUnit: number;
  minCapacity: number;
  words: string[];
}

const KINDS = (MEDIA.media as Media[]).map((m) => ({ ...m, re: wordsRe(m.words, "iu", "\\p{L}") }));
const NOT = wordsRe(MEDIA.not, "iu", "\\p{L}");
/** The first word opening what the item is for: the title from there on names the device it goes in. */
const FOR = wordsRe(MEDIA.notAfter, "iu", "\\p{L}");
const UNIT_OF = new Map<string, { unit: "GB" | "mAh"; times: number }>();
for (const w of MEDIA.units.TB) UNIT_OF.set(w, { unit: "GB", times: 1000 });
for (const w of MEDIA.units.GB) UNIT_OF.set(w, { unit: "GB", times: 1 });
for (const w of MEDIA.units.mAh) UNIT_OF.set(w, { unit: "mAh", times: 1 });
const UNIT_WORDS = [...UNIT_OF.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
/** Units that are also short words ("2T", "128G", French "1To" / "512Go" beside "1 to 3 days"): they must touch the number. */
const TOUCHING = new Set(["t", "g", "to", "go"]);
/** A number and its unit: "1TB", "1 TB", "512Go", "2T", "20000mAh", "128G". */
const CAPACITY = new RegExp(
  `(\\d+(?:[.,]\\d+)?)(?:\\s?(${UNIT_WORDS.filter((u) => !TOUCHING.has(u)).join("|")})|(${UNIT_WORDS.filter((u) => TOUCHING.has(u)).join("|")}))(?![\\p{L}])`,
  "giu",
);
/** Cheap pre-check (no Unicode classes): a digit followed by a capacity unit ("32 men's" is not one). */
const MAYBE = /\d ?(?:[tg](?![a-z])|tb|gb|mah|to|go|tera|giga|тб|гб|テラ|ギガ|毫安)/i;

const UNITS_AFTER = wordAlternatives(MEDIA.count.unitsAfter);
/**
 * "10 pcs", "3-pack", "2er Pack", "10张装": a number and a word of units or packs right after it (a word of a script
 * written without spaces needs no boundary after it).
 */
const COUNT_BEFORE_UNIT = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(\\d{1,3})\\s?-?\\s?(?:(?:${UNITS_AFTER.latin})(?![\\p{L}])|${UNITS_AFTER.cjk})`,
  "giu",
);
/** "pack of 2", "Kit 3", "lote de 5": a word of lots and the number after it (not one of a part number: "Pack 48-11-1850"). */
const COUNT_AFTER_WORD = new RegExp(
  `(?<![\\p{L}])(?:${Object.values(wordAlternatives(MEDIA.count.wordsBefore)).filter(Boolean).join("|")})\\s?(\\d{1,3})(?![\\p{N}.,]|[-/]\\p{N})`,
  "giu",
);

/**
 * How many of the item a title offers for its price: the one count it states (media-capacity.json "count"), else 1.
 * Several different counts, a count of 1, or one above the limit read as 1.
 */
export function countOf(title: string): number {
  return statedCount(title)?.n ?? 1;
}

/**
 * The one count a title states (as countOf) and where it is written: null when it states none, a count of 1, one
 * above the limit, or several different counts. `start`/`end` span the first phrase stating it ("2-Pack").
 */
export function statedCount(title: string): { n: number; start: number; end: number } | null {
  let found: { n: number; start: number; end: number } | null = null;
  for (const re of [COUNT_BEFORE_UNIT, COUNT_AFTER_WORD]) {
    re.lastIndex = 0;
    for (let m = re.exec(title); m !== null; m = re.exec(title)) {
      const n = Number(m[1]);
      if (n < 2 || n > MEDIA.count.max) continue;
      if (found && found.n !== n) return null;
      if (!found || m.index < found.start) found = { n, start: m.index, end: m.index + m[0].length };
    }
  }
  return found;
}

/**
 * How many of the item the title offers for its price ("2-Pack", "Pack of 2", "5er Pack", "komplet 4 szt"): the one
 * count it states (statedCount); null when it states none, when the count follows a bundle word (extras: "with 2
 * pcs tempered glass", "+ 2 straps"), when what follows it is a word of what fits a device ("2 pcs screen
 * protector") or when the title names a set of pieces ("12pc Socket Set", "Set of 4").
 */
export function itemsOffered(title: string): number | null {
  const stated = statedCount(title);
  if (!stated || bundledBefore(title, stated.start) || fitWordAfter(title, stated.end)) return null;
  // "Tablets 100 Pack": what one pack holds, not how many packs the price buys.
  if (CONTENTS_BEFORE.test(title.slice(Math.max(0, stated.start - 20), stated.start))) return null;
  // A kit word that is the count's own word of lots ("Kit com 5", "Kit 3 Camisetas": Brazilian multipacks) says how
  // many items, not that the item is a set of pieces: only a set word elsewhere in the title does (media-capacity.json).
  const phrase = title.slice(stated.start, stated.end).toLowerCase();
  const rest = LOT_KITS.some((w) => phrase.startsWith(w))
    ? `${title.slice(0, stated.start)} ${title.slice(stated.end)}`
    : title;
  return isSetOfPieces(rest) ? null : stated.n;
}

const LOT_KITS: readonly string[] = MEDIA.count.lotKits;
const CONTENTS_BEFORE = new RegExp(`(?:${wordsRe(MEDIA.count.contentsBefore.words).source})[\\s,:-]*$`, "iu");

/** A used or refurbished item's floor is this share of a new one's. */
const USED_SHARE = 0.5;

/** Capacities below this do not count when deciding whether a title offers several (the "5G" of a phone). */
const MIN_COUNTED = { GB: 16, mAh: 1000 } as const;

export interface CapacityClaim {
  kind: string;
  unit: "GB" | "mAh";
  amount: number;
  /** How many cards or drives the price buys (countOf). */
  count: number;
  text: string;
  start: number;
}

/** The capacity a storage or power-bank title offers (the smallest of several), or null (no such item, or something else). */
export function capacityOf(title: string): (CapacityClaim & { media: Media }) | null {
  if (!MAYBE.test(title)) return null;
  const media = KINDS.find((k) => k.re.test(title));
  if (!media || NOT.test(beforeFor(title))) return null;
  let found: Omit<CapacityClaim, "count"> | null = null;
  CAPACITY.lastIndex = 0;
  for (let m = CAPACITY.exec(title); m !== null; m = CAPACITY.exec(title)) {
    const u = UNIT_OF.get((m[2] ?? m[3] ?? "").toLowerCase());
    if (!u || u.unit !== media.unit) continue;
    const amount = Number((m[1] as string).replace(",", ".")) * u.times;
    if (!Number.isFinite(amount) || amount < MIN_COUNTED[u.unit]) continue;
    // Several capacities: a listing of variants shows its cheapest, the smallest's, price; the smallest is compared.
    if (!found || amount < found.amount) found = { kind: media.kind, unit: u.unit, amount, text: m[0], start: m.index };
  }
  if (!found) return null;
  // A lot's price buys every card or drive in it: what counts is all they hold (its share of fixed costs only grows
  // with the count, so the floor per unit stays a floor).
  const count = countOf(title);
  return found.amount * count >= media.minCapacity ? { ...found, count, media } : null;
}

/**
 * The title up to what the item is for or comes with ("1TB Memory Card" of "1TB Memory Card for Phone Camera" or of
 * "1TB Memory Card with Adapter"): the words after name the device it goes in, or an extra.
 */
function beforeFor(title: string): string {
  const at = title.search(FOR);
  return at < 0 ? title : title.slice(0, at);
}

/** The capacity reason for a listing, or null. */
export function capacityReason(d: MatcherData, listing: Listing): Reason | null {
  const title = listing.title;
  if (!title) return null;
  const c = capacityOf(title);
  if (!c) return null;
  // A dead drive holds nothing whatever it says; a used or refurbished one sells below new.
  const condition = statedCondition(title) ?? listing.condition;
  if (condition === "damaged") return null;
  const price = listingPriceUsd(d, listing);
  if (!price) return null;
  const count = c.count;
  const units = count * (c.unit === "GB" ? c.amount : c.amount / 1000);
  const perUnit = price.usd / units;
  const capacity = count > 1 ? `${count} × ${c.text.trim()}` : c.text.trim();
  const floor = c.media.floorUsdPerUnit * (condition === "used" || condition === "refurbished" ? USED_SHARE : 1);
  if (perUnit >= floor) return null;
  const w = Math.min(W.CAPACITY_MAX, W.CAPACITY_BASE + W.CAPACITY_SLOPE * Math.log2(floor / perUnit));
  const per = c.unit === "GB" ? "GB" : "1000 mAh";
  return {
    signal: "capacity-implausible",
    code: "capacity-implausible",
    params: {
      kind: c.kind,
      capacity,
      price: round(price.usd),
      perUnit: Math.round(perUnit * 1000) / 1000,
      floor,
      unit: c.unit,
      date: MEDIA.date,
    },
    message: `A ${c.kind} of ${capacity} for ≈ US$${price.usd.toFixed(2)} is US$${perUnit.toFixed(3)} per ${per}, below the lowest plausible US$${floor} per ${per} (${MEDIA.date}): fake-capacity goods report more than they hold`,
    weight: round(w),
    evidence: { field: "title", text: c.text, start: c.start, end: c.start + c.text.length },
  };
}
