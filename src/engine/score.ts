/**
 * score(listing, matcher) → Verdict. Reads the fields, turns what was found
 * into signals (each a Reason with its evidence span), adds their log-odds to
 * the prior and maps the sum to a probability and a risk level (weights.ts).
 */
import type { Listing, Money } from "../shared/listing.ts";
import type { EvidenceSpan, Reason, Risk, Verdict } from "../shared/verdict.ts";
import { capacityReason, itemsOffered } from "./capacity.ts";
import {
  accessoryModel,
  bareNumberAfter,
  bidiUse,
  childSize,
  displayOrder,
  fitsOthers,
  hasBidi,
  isBundleWord,
  isFabricBefore,
  isGameMedium,
  isSetOfPieces,
  isStrapWord,
  isVariantWord,
  namesMoreThanConsole,
  namesOtherGeneration,
  namesWatchMovement,
  otherVariantAfter,
  outletGoods,
  packagingOnly,
  platformInBrackets,
  platformSuffix,
  priceIsBid,
  sellsChip,
  siteCondition,
  soldByBookshop,
  statedCondition,
  unbrandedValue,
  variantAfter,
  vintagePiece,
} from "./context.ts";
import { rateFactor } from "./context-data.ts";
import STORE_NAMES from "./data/store-names.json";
import {
  type BrandMention,
  type FieldName,
  type FieldResult,
  itemWithin,
  readField,
  SIDE_BRAND,
  SIDE_CONTEXT,
  SIDE_TERM,
  type TermMention,
} from "./fields.ts";
import { brandNames, type CompiledMatcher, type MatcherData, TIERS } from "./layout.ts";
import {
  BRAND_SPECIFIC_NAMES,
  isBrandColour,
  isComponent,
  isDescriptor,
  isOperatingSystem,
  mayBeBrandColour,
  ORDINARY_PHRASES,
} from "./lexicon.ts";
import {
  hasFloorOf,
  listingPriceUsd,
  type OtherGeneration,
  type PriceCheck,
  type PriceInputs,
  priceBelow,
  priceWeight,
  type Reference,
  referenceFor,
  referenceMoney,
  sizedReference,
} from "./price.ts";
import {
  aboutBrand,
  childShare,
  groupBits,
  isFitted,
  isPiece,
  isSingle,
  makesChips,
  makesDevices,
  makesFittings,
  makesForDevices,
  resoldUsed,
  sellsGenerations,
  sellsToys,
  toyMaker,
  typeFactor,
  typeGroupBit,
  typeIndex,
  typeName,
  typeWithin,
  watchHouse,
} from "./product-type.ts";
import {
  daysBetween,
  hostOf,
  onBrandDomain,
  onClassifieds,
  round,
  type SellerStanding,
  sellerStanding,
  squash,
  weakSeller,
} from "./seller.ts";
import { dupeOf, isAdjoined, ordinarySense, SPACELESS, specificationSense, wordCharAt } from "./senses.ts";
import { type StatedSize, statedSize } from "./size.ts";
import * as W from "./weights.ts";

export const ENGINE_VERSION = "2.0.0";

const BRAND_SPECIFICS = new Set(BRAND_SPECIFIC_NAMES);
const ORDINARY = new Set(ORDINARY_PHRASES);

interface Read {
  brands: BrandMention[];
  terms: TermMention[];
  bulk: EvidenceSpan | null;
  seller: BrandMention[];
  product: number;
  /** Product types named in the title (price floors per kind of item). */
  types: number[];
  /** Product types the title names by brand words only (FieldResult.brandTypes). */
  brandTypes: number[];
  /** Original offsets of the kinds of item named in the title. */
  titleItems: number[];
  /** Bidi controls in the title used as an evasion (context.ts bidiUse). */
  bidi: ReturnType<typeof bidiUse>;
  /** Values of the brand field and brand specifics, as the listing gives them. */
  brandValues: string[];
  /** The spans of the models the title names. */
  titleModels: EvidenceSpan[];
  /** The spans of the brands and lines the title names (not models). */
  titleNames: EvidenceSpan[];
  /**
   * The title with the models' names blanked out, for the words that say what the item is not (a child's size,
   * packaging only): inside a model's own name they are the name ("Casio Baby-G", "Telfar Shopping Bag").
   */
  outsideModels: string;
  /** The kinds of item named outside the models' names ("Dior Book Tote" names no book). */
  typesOutsideModels: number[];
  /** A bookshop sells the listing (context.ts soldByBookshop); null until first asked. */
  bookshop: boolean | null;
  /** The title names a kind of item that fits the models it names (see fitsOf); null until first asked. */
  fits: boolean | null;
  /** The title says the item is an outlet's goods, or a piece of a named decade (priceModels); null until first asked. */
  outlet: boolean | null;
  vintage: boolean | null;
  /** The title's own reading: kinds of item that fit a device and dupe phrases, as the matcher found them. */
  title: FieldResult;
  /** The time of the verdict (ISO 8601; "" unknown): the age of a seller, a rate, a model year. */
  now: string;
}

/** The text with these spans replaced by spaces, offsets kept. */
function blanked(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const sp of spans) out = out.slice(0, sp.start) + " ".repeat(sp.end - sp.start) + out.slice(sp.end);
  return out;
}

/** Whether the title names a kind of item that fits the models it names (context.ts fitsOthers), asked once. */
function fitsOf(r: Read, l: Listing): boolean {
  if (r.fits === null) {
    r.fits = fitsOthers(l, l.title ?? "", r.title.fits, r.titleModels, r.titleNames);
  }
  return r.fits;
}

/** Reads one field and drops the counterfeit terms its text uses in an ordinary sense ("AAA batteries"). */
function readIn(m: CompiledMatcher, field: FieldName, text: string, sides: number, evasion: boolean): FieldResult {
  const f = readField(m, field, text, sides, evasion);
  if (f.terms.length > 0) {
    f.terms = f.terms.filter((t) => !ordinarySense(m.d.vTerm.at(t.vocab) ?? "", text, t.span.start, t.span.end));
  }
  return f;
}

function readListing(m: CompiledMatcher, l: Listing, now: string): Read {
  const all: FieldResult[] = [];
  const titleText = l.title ?? "";
  const title = readIn(m, "title", titleText, SIDE_BRAND | SIDE_TERM | SIDE_CONTEXT, true);
  // A watch named with its movement wears the strap the title names: the strap is no item of its own.
  if (title.fits.length > 0 && namesWatchMovement(titleText))
    title.fits = title.fits.filter((f) => !isStrapWord(f.text));
  all.push(title);
  let bidi: Read["bidi"] = null;
  if (titleText && hasBidi(titleText)) {
    // The shopper reads the display order ("\u202Eekin" shows "nike"): read that text too.
    bidi = bidiUse("title", titleText);
    // Only overrides reorder letters; embeddings, isolates and marks are dropped by folding already.
    if (bidi?.kind === "override") {
      all.push(readIn(m, "title", displayOrder(titleText), SIDE_BRAND | SIDE_TERM | SIDE_CONTEXT, true));
    }
  }
  const brandValues: string[] = [];
  if (l.brand) {
    all.push(readField(m, "brand", l.brand, SIDE_BRAND, true));
    brandValues.push(l.brand);
  }
  for (const sp of l.specifics) {
    const isBrand = BRAND_SPECIFICS.has(sp.name.trim().toLowerCase());
    if (isBrand) brandValues.push(sp.value);
    const f = readIn(
      m,
      isBrand ? "brand" : "specifics",
      sp.value,
      isBrand ? SIDE_BRAND | SIDE_CONTEXT : SIDE_BRAND | SIDE_TERM | SIDE_CONTEXT,
      isBrand,
    );
    if (f.terms.length > 0)
      f.terms = f.terms.filter((t) => specificationSense(sp.name, sp.value, t.span.start, t.span.end));
    all.push(f);
  }
  if (l.description) all.push(readIn(m, "description", l.description, SIDE_TERM, false));
  // The store's own name is read for brands (impersonation, official stores) and for counterfeit wording: a store
  // calling itself "Top Replica Factory" or "顶级版本" says what it sells as plainly as a title does.
  const sellerRead = l.seller?.name ? readIn(m, "seller", l.seller.name, SIDE_BRAND | SIDE_TERM, false) : null;
  const seller = sellerRead?.brands ?? [];
  // Plain loops: flatMap and spreads cost more than the rest of this function on a short listing.
  const brands: BrandMention[] = [];
  const terms: TermMention[] = [];
  for (const f of all) {
    for (const b of f.brands) brands.push(b);
    for (const t of f.terms) terms.push(t);
  }
  // A term that is the store's whole name ("AAA", the motoring club's store) names the store, as a specification's
  // whole value names that specification's value; a name saying more ("Top Replica Factory") is wording.
  if (sellerRead)
    for (const t of sellerRead.terms)
      if (specificationSense("", l.seller?.name ?? "", t.span.start, t.span.end)) terms.push(t);
  const titleModels = brands.filter((b) => b.field === "title" && b.model >= 0).map((b) => b.span);
  return {
    brands,
    terms,
    bulk: all.find((f) => f.bulk)?.bulk ?? null,
    seller: seller.filter((b) => b.model < 0),
    product: Math.max(1, ...all.map((f) => f.product)),
    types: title.types,
    brandTypes: title.brandTypes,
    titleItems: title.itemAt,
    bidi,
    brandValues,
    titleModels,
    titleNames: brands.filter((b) => b.field === "title" && b.model < 0).map((b) => b.span),
    outsideModels: blanked(l.title ?? "", titleModels),
    typesOutsideModels:
      titleModels.length === 0
        ? title.types
        : title.types.filter((t) => title.itemType.some((x, i) => x === t && !itemWithin(title, i, titleModels))),
    bookshop: null,
    fits: null,
    outlet: null,
    vintage: null,
    title,
    now,
  };
}

interface BrandView {
  brand: number;
  mentions: BrandMention[];
  plain: BrandMention | null;
  disguised: BrandMention | null;
  models: number[];
  accessory: EvidenceSpan | null;
  fromBrandField: boolean;
  standing: SellerStanding;
  sellerMention: BrandMention | null;
  /** Claimed only through a store name presenting itself as the brand's, selling a kind of item ("Eric Emanuel Official Store" selling "shorts"). */
  viaStore: boolean;
  /** Every title mention names the brand as what the item imitates ("inspired by Chanel"): the phrase. */
  dupe: EvidenceSpan | null;
}

function groupBrands(m: CompiledMatcher, r: Read, l: Listing): BrandView[] {
  const d = m.d;
  const views = new Map<number, BrandView>();
  const get = (b: number): BrandView => {
    let v = views.get(b);
    if (!v) {
      v = {
        brand: b,
        mentions: [],
        plain: null,
        disguised: null,
        models: [],
        accessory: null,
        fromBrandField: false,
        standing: null,
        sellerMention: null,
        viaStore: false,
        dupe: null,
      };
      views.set(b, v);
    }
    return v;
  };
  for (const mnt of r.brands) {
    const v = get(mnt.brand);
    v.mentions.push(mnt);
    if (mnt.accessory && !v.accessory) v.accessory = mnt.accessory;
    if (mnt.model >= 0 && !v.models.includes(mnt.model)) v.models.push(mnt.model);
    if (mnt.model < 0 && mnt.field === "brand") v.fromBrandField = true;
    // A disguise is one only where no plain reading of the same text exists ("NMD R1" is the alias "NMD R1" too).
    if (mnt.disguised && !v.disguised && !r.brands.some((x) => sameSpot(x, mnt) && !x.disguised)) v.disguised = mnt;
    if (!mnt.disguised && !v.plain && (mnt.model < 0 || namesBrand(m, mnt))) v.plain = mnt;
  }
  // The brand named with its own fitting before the devices it fits ("Apple MagSafe Charger for iPhone 15"): the
  // brand makes the item, which fits its devices; the claim stands. The fitting's name alone ("MagSafe Charger for
  // iPhone 15") is what sellers of other makers' chargers write too.
  const title = l.title ?? "";
  for (const v of views.values()) {
    const acc = v.accessory;
    const named = v.plain;
    if (acc === null || acc.field !== "title" || named?.field !== "title" || named.accessory) continue;
    if (named.span.start >= acc.start) continue;
    const own = v.mentions.some(
      (x) =>
        x.field === "title" && !x.accessory && x.model >= 0 && x.span.end <= acc.end && accessoryModel(title, x.span),
    );
    if (own) v.accessory = null;
  }
  // A brand in the seller's name matters only for a brand the listing claims ("salomon_87" selling a GPU is a person's name).
  for (const mnt of r.seller) {
    const v = views.get(mnt.brand);
    if (v) v.sellerMention = mnt;
    else if (r.titleItems.length > 0 && d.bCommon[mnt.brand] !== 1 && isStoreName(l.seller?.name ?? "")) {
      const w = get(mnt.brand);
      w.sellerMention = mnt;
      w.viaStore = true;
    }
  }
  for (const v of views.values()) v.standing = sellerStanding(d, v.brand, l);
  // A phrase that counts only against a brand ("style") and touches none is no phrase here (most titles' "style").
  const touching = (p: EvidenceSpan, after: boolean) => !isAdjoined(p) || touchesMention(title, p, after, r.brands);
  const dupeBefore = r.title.dupeBefore.filter((p) => touching(p, false));
  const dupeAfter = r.title.dupeAfter.filter((p) => touching(p, true));
  if (dupeBefore.length > 0 || dupeAfter.length > 0) {
    for (const v of views.values()) {
      const inTitle = v.mentions
        .filter((x) => x.field === "title" && !x.accessory)
        .sort((x, y) => x.span.start - y.span.start);
      const phrases: (EvidenceSpan | null)[] = [];
      for (const [i, x] of inTitle.entries()) {
        // A model right after the brand a phrase names is the same reference ("inspired by Le Labo Santal 33").
        // So is one after the phrase written right after the brand ("Ugg style Tasman slippers").
        const before = i > 0 ? (phrases[i - 1] ?? null) : null;
        const joined = before !== null && joinedTo(title, inTitle[i - 1]?.span.end ?? 0, x.span.start, before);
        phrases.push(dupeOf(title, x.span.start, x.span.end, dupeBefore, dupeAfter) ?? (joined ? before : null));
      }
      if (inTitle.length > 0 && phrases.every((p) => p !== null)) v.dupe = phrases[0] ?? null;
    }
  }
  return [...views.values()];
}

/**
 * The phrase is written right after (`after`) or right before a title mention, no word between as dupeOf counts
 * words: only such phrases can be one the brand's reading finds adjoined.
 */
function touchesMention(title: string, p: EvidenceSpan, after: boolean, brands: readonly BrandMention[]): boolean {
  let k = after ? p.start : p.end;
  if (after) while (k > 0 && !wordCharAt(title, k - 1)) k--;
  else while (k < title.length && !wordCharAt(title, k)) k++;
  return brands.some((x) => x.field === "title" && (after ? x.span.end === k : x.span.start === k));
}

/**
 * Nothing but a possessive, spaces, dashes, or the dupe phrase itself stands between the end of one mention (`from`)
 * and the start of the next (`to`): "Le Labo's Santal 33", "Ugg style Tasman".
 */
function joinedTo(title: string, from: number, to: number, phrase: EvidenceSpan): boolean {
  const between =
    phrase.start >= from && phrase.end <= to
      ? title.slice(from, phrase.start) + title.slice(phrase.end, to)
      : title.slice(from, to);
  return /^(?:['’]s)?[\s\-–]*$/u.test(between);
}

function sameSpot(a: BrandMention, b: BrandMention): boolean {
  return a.brand === b.brand && a.field === b.field && a.span.start === b.span.start && a.span.end === b.span.end;
}

const STORE_WORDS = STORE_NAMES.storeName;
const STORE_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:${STORE_WORDS.filter((w) => /^[a-z]/.test(w)).join("|")})(?:$|[^\\p{L}])|${STORE_WORDS.filter((w) => !/^[a-z]/.test(w)).join("|")}`,
  "iu",
);

/** The seller's name presents a store ("… Official Store", "… Shop", "…专卖店"), not a person. */
export function isStoreName(name: string): boolean {
  return STORE_RE.test(name);
}

/**
 * A model mention that spells out its brand ("adidas Predator", "Nikon D3400") does not hide it, nor one that
 * spells the first name of a brand named "X & Y" or "X and Y" ("Tiffany Setting" for Tiffany & Co.) or opens with
 * the brand's first word ("MAC Matte Lipstick" for MAC Cosmetics).
 */
function namesBrand(m: CompiledMatcher, mnt: BrandMention): boolean {
  const own = ownNames(m, mnt.brand);
  const text = squash(mnt.span.text);
  if (own.names.some((n) => text.includes(n))) return true;
  // The brand's first word opening the model's name: "MAC Matte Lipstick" for MAC Cosmetics.
  return own.first !== "" && mnt.span.text.toLowerCase().startsWith(own.first);
}

/**
 * What a model's name must hold to spell out brand b, squashed (seller.ts squash): its full name, the first name of
 * an "X & Y" or "X and Y" name, and its own names of two letters or more ("飞天茅台" holds 茅台; "Air Jordan" holds
 * no Nike name); and its first word with a space after, when the name has several words and that word two letters
 * or more ("mac " for MAC Cosmetics, "on " for On Running: "On Cloud 5" names the brand). Made once per brand, when first asked.
 */
function ownNames(m: CompiledMatcher, b: number): { names: string[]; first: string } {
  const known = m.ownNames[b];
  if (known) return known;
  const full = m.d.bName.at(b) ?? "";
  const names = [full, full.split(/\s+(?:&|and|\+)\s+/u)[0] ?? ""].map(squash).filter((n) => n.length > 0);
  for (const n of brandNames(m, b)) {
    const s = squash(n);
    if ([...s].length >= 2) names.push(s);
  }
  const word = full.split(/\s+/u)[0] ?? "";
  const first = [...word].length >= 2 && full.includes(" ") ? `${word.toLowerCase()} ` : "";
  // Longest first: a store name is read by taking the brand's names out of it, the longer before the shorter.
  const made = { names: [...new Set(names)].sort((a, c) => c.length - a.length), first };
  m.ownNames[b] = made;
  return made;
}

/**
 * A brand that is also a common word (Coach, Apple, Puma) is only claimed with
 * brand context: the brand field, a model, counterfeit wording, a disguise, a
 * seller standing, a replica-trade code name, or an explicit collaboration
 * with another claimed brand ("Supreme x Burberry").
 */
function claimed(d: MatcherData, v: BrandView, hasVocab: boolean, r: Read, l: Listing): boolean {
  const title = l.title ?? "";
  if (v.accessory) return false;
  // A dupe names the brand plainly; one that disguises the name ("G.u.c.c.i style belt") hides it from filters.
  if (v.dupe && !v.fromBrandField && !v.disguised) return false;
  if (!v.fromBrandField && namedAsColour(d, v, r, title)) return false;
  // Named only through models: a model that is not distinctive of its brand, or one the item only fits
  // ("Spider-Man 2 - PlayStation 5" is a game), does not claim the brand.
  if (!v.plain && !v.fromBrandField && !v.disguised && v.models.length > 0 && !v.viaStore) {
    if (v.models.every((mi) => d.mAlone[mi] === 0)) return false;
    if (fitsOf(r, l)) return false;
  }
  // Named only inside the name of the device a strap opening the title fits ("Tali Jam Apple Watch 45mm", "Dây đeo
  // Apple Watch", "Strap Apple Watch Series 9"), as "strap for" names it: the strap's maker is not named.
  if (!v.fromBrandField && !v.disguised && v.plain?.model !== undefined && v.plain.model >= 0) {
    const opener = strapOpening(r.title, title);
    if (opener >= 0 && v.mentions.every((x) => x.field !== "title" || (x.model >= 0 && x.span.start >= opener)))
      return false;
  }
  // A toy maker named beside a brand that sells no toys ("LEGO Technic 42151 Bugatti Bolide", "Hot Wheels Porsche
  // 911"): the toy is made in the brand's likeness under licence; the brand is its subject, not its maker.
  if (!v.fromBrandField && !v.disguised && !sellsToys(d.bGroups[v.brand] ?? 0) && namesToyMaker(d, v, r)) return false;
  const onlyCommonLines = v.mentions.length > 0 && v.mentions.every((x) => x.commonLine);
  if (d.bCommon[v.brand] !== 1 && !onlyCommonLines) return true;
  return (
    v.fromBrandField ||
    v.models.length > 0 ||
    v.mentions.some((x) => x.model < 0 && COMPANY_FORM.test(x.span.text)) ||
    // Counterfeit wording does not make a name the brand where the title names something else by it ("Barcelona
    // chair replica": a design's replica, not the club's), nor a licensor's name, a city's or a country's, in a
    // title naming none of its merchandise ("Original Japan Brand Spark Plug OEM Quality").
    (hasVocab &&
      (d.bLicensor[v.brand] !== 1 || namesKindSold(d, v.brand, r)) &&
      !v.mentions.every((x) => x.field === "title" && inOrdinaryPhrase(x, title))) ||
    v.disguised !== null ||
    v.standing !== null ||
    v.mentions.some((x) => x.model < 0 && (isCodeName(x.span.text) || namesItem(d, x, r, title, v.mentions)))
  );
}

/**
 * Another brand named in the title is a toy maker (product-type.ts toyMaker), named by a name that is no common
 * word or by one of its models ("LEGO Technic").
 */
function namesToyMaker(d: MatcherData, v: BrandView, r: Read): boolean {
  for (const x of r.brands) {
    if (x.field !== "title" || x.brand === v.brand || x.disguised || !toyMaker(d.bGroups[x.brand] ?? 0)) continue;
    if (x.model >= 0 || d.bCommon[x.brand] !== 1) return true;
  }
  return false;
}

/** A brand selling the groups of items `sells` (a bit set, bGroups) sells the kind of item `type`. */
function sellsKind(sells: number, type: number | undefined): boolean {
  return (sells & typeGroupBit(type ?? -1)) !== 0;
}

/** The title names a kind of item the brand sells, anywhere. */
function namesKindSold(d: MatcherData, brand: number, r: Read): boolean {
  const sells = d.bGroups[brand] ?? 0;
  return r.title.itemType.some((type) => sellsKind(sells, type));
}

/**
 * Every mention of the brand in the title is its name used as a colour's ("Ferrari red nail polish", "Tiffany blue
 * satin dress"; item-context.json "brandColours"), and the title names no kind of item the brand sells (a "Ferrari
 * red cap" is still the team's cap).
 */
function namedAsColour(d: MatcherData, v: BrandView, r: Read, title: string): boolean {
  let any = false;
  for (const x of v.mentions) {
    if (x.field === "seller") continue;
    any = true;
    if (x.field !== "title" || x.model >= 0 || !mayBeBrandColour(x.span.text)) return false;
    const next = title.slice(x.span.end).match(/^[\s\-–]*(\p{L}+)/u)?.[1] ?? "";
    const previous = title.slice(0, x.span.start).match(/(\p{L}+)[\s\-–]*$/u)?.[1] ?? "";
    if (!isBrandColour(x.span.text, next, previous)) return false;
  }
  if (!any) return false;
  return !namesKindSold(d, v.brand, r);
}

/**
 * A name in a company's form ("Tiffany & Co.", "Tiffany and Co", "Marks & Spencer") is never the ordinary word the
 * brand's short name may be ("Tiffany" is also a first name): it claims the brand without product context.
 */
const COMPANY_FORM = /\s*&\s*\p{L}|\band\s+co\b|\bco\.|\b(?:inc|ltd|gmbh|llc)\b/iu;

/**
 * A common-word brand named as the brand of the item: opening the title, with
 * the title naming a kind of item the brand sells ("Supreme T-shirt",
 * "Converse Vintage Cream Suede High Top Sneakers", "Celine grey
 * wool hoodie"), or written as a name inside the title and followed directly by the
 * kind of item ("Women's Converse shoes"). That is how a title names the brand
 * of the item, where the ordinary word would be an adjective somewhere inside
 * ("white sneakers with off white sole", "supreme quality"), or the opening
 * word of a title about something the brand does not sell ("Monster Hunter
 * game" for an audio brand). Known ordinary phrases ("coach jacket", "off
 * white") are excluded (data/lexicon.json ordinaryPhrases).
 */
function namesItem(
  d: MatcherData,
  x: BrandMention,
  r: Read,
  title: string,
  mine: readonly BrandMention[] = [],
): boolean {
  if (x.field !== "title" || x.accessory) return false;
  const opens = !/[\p{L}\p{N}]/u.test(title.slice(0, x.span.start));
  if (!opens && !writtenAsName(x.span.text)) return false;
  if (readsOrdinary(x, title)) return false;
  const sells = d.bGroups[x.brand] ?? 0;
  // Inside a title, a name in a script without capitals ("苹果", also the fruit) is the brand only after the kind
  // of item that opens the title ("เสื้อบอล ลิเวอร์พูล"), not before whatever kind comes next ("苹果音响支架").
  if (!opens && !/^\p{Lu}/u.test(x.span.text)) return namedAfterKind(d, x, r, title, sells);
  // The name as written holds the kind of item, an alias such as "GUESS Jeans" or "Chippewa Boots": the brand
  // and its kind, as "Guess jeans" would be.
  const t = r.title;
  for (let i = 0; i < t.itemAt.length; i++) {
    const at = t.itemAt[i] as number;
    if (at > x.span.start && (t.itemEnd[i] as number) <= x.span.end && sellsKind(sells, t.itemType[i])) return true;
  }
  if (opens) {
    const name = d.bName.at(x.brand) ?? "";
    // "Supreme x Fox Racing T-shirt": a known collaborator's name is a brand's, not the product's own name; an
    // unknown one ("Supreme x Fox tee") counts as a word of the product's name, the "x" before it does not.
    const partner = partnerOf(r, x, title)?.span.end;
    const from = partner ?? x.span.end + (title.slice(x.span.end).match(COLLAB_LEAD)?.[0].length ?? 0);
    for (let i = 0; i < r.title.itemAt.length; i++) {
      const at = r.title.itemAt[i] as number;
      if (at < from || !sellsKind(sells, r.title.itemType[i])) continue;
      const words = withoutSpans(title, from, at, mine).match(/[\p{L}\p{N}'’-]+/gu) ?? [];
      const named = words.filter((w) => !isDescriptor(w) && !isMonogram(w, name));
      // A name of several words opening the title ("Golden Goose", "Canada Goose") is no ordinary phrase that
      // happens to start a title about one of its kinds: the words before the kind need not be capitalised
      // ("Golden Goose Superstar glitter star sneakers").
      const nameWords = multiWord(x.span.text) || named.every(isProductNameWord);
      if (named.length <= PRODUCT_NAME_WORDS && nameWords && !othersBetween(r, x, at, mine, title)) return true;
    }
  }
  if (namedAfterKind(d, x, r, title, sells)) return true;
  // The kind named next; a kind of item outside the groups the brand's categories sell is not its item ("Nike
  // Monster Hoodie": no hoodie of the audio brand). A brand whose categories map to no group (an oil company, a
  // spirit, a medicine) sells none of the kinds a title names: "Puka Shell Necklace", "Malibu T-shirt" are not
  // theirs. A brand whose pack gives no categories is not held to this.
  const kinds = r.title.itemAt.map((at, i) => ({
    at,
    sold: d.bNoGoods[x.brand] !== 1 && (sells === 0 || sellsKind(sells, r.title.itemType[i])),
  }));
  const next = [...kinds, ...r.title.fits.map((f) => ({ at: f.start, sold: true }))]
    .filter((k) => k.at >= x.span.end)
    .sort((a, b) => a.at - b.at)[0];
  if (next === undefined || !next.sold) return false;
  // A quantity with its unit between is the item's specification ("Apple 20W Charger", "Samsung 25W charger"); a
  // season its edition ("Lewandowski Barcelona 2024 25 Home Jersey", "Liverpool 24/25 away shirt").
  const between = (
    title
      .slice(x.span.end, next.at)
      .replace(SEASON, " ")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => !QUANTITY.test(w));
  return between.length <= (opens ? 1 : 0);
}

/**
 * Languages that put the noun first name the kind, then the brand, at the head of the title: "Bolso Coach", "Tas
 * Coach", "Túi xách Coach", "เสื้อบอล ลิเวอร์พูล" (not an ordinary phrase turned round: "Jacket Coach" is a coach
 * jacket); and titles that close on the brand name it right after the kind: "Silk Twill Scarf Hermes", "Leather
 * Tote Bag Coach".
 */
function namedAfterKind(d: MatcherData, x: BrandMention, r: Read, title: string, sells: number): boolean {
  if (!writtenAsName(x.span.text)) return false;
  const t = r.title;
  const closes = !/[\p{L}\p{N}]/u.test(title.slice(x.span.end));
  for (let i = 0; i < t.itemAt.length; i++) {
    const at = t.itemAt[i] as number;
    const end = t.itemEnd[i] as number;
    if (
      end <= x.span.start &&
      (closes || !/[\p{L}\p{N}]/u.test(title.slice(0, at))) &&
      (/^\s+$/u.test(title.slice(end, x.span.start)) ||
        gluedInSpacelessScript(title, end, x.span.start) ||
        monogramBetween(d, title.slice(end, x.span.start), x.brand)) &&
      sellsKind(sells, t.itemType[i]) &&
      !ORDINARY.has(`${x.span.text} ${title.slice(at, end)}`.toLowerCase())
    )
      return true;
  }
  return false;
}

/** Only the brand's monogram between a kind and the name: "Ceinture H Hermès", "Belt GG Gucci". */
function monogramBetween(d: MatcherData, gap: string, brand: number): boolean {
  const m = /^\s+([\p{L}]{1,3})\s+$/u.exec(gap);
  return m !== null && isMonogram(m[1] as string, d.bName.at(brand) ?? "");
}

/** Nothing between two words of a script written without spaces: "เสื้อบอลลิเวอร์พูล" is two words, a kind and a name. */
function gluedInSpacelessScript(title: string, end: number, start: number): boolean {
  return end === start && SPACELESS.test(title.charAt(end - 1)) && SPACELESS.test(title.charAt(start));
}

/**
 * A mention written as a name: capitalised, or in a script without capitals (Thai, Arabic, Hebrew, Chinese,
 * Japanese, Korean, Devanagari), where a name looks like any other word ("เสื้อบอล ลิเวอร์พูล": a football shirt,
 * Liverpool).
 */
function writtenAsName(text: string): boolean {
  return /^\p{Lu}/u.test(text) || !/[\p{Lu}\p{Ll}]/u.test(text);
}

/**
 * A season written as two years or a year and the next one's last digits ("2024/25", "2024 25", "24-25"), as sports
 * kits are; a year alone is left as a word: "Mens Coach 2024 Jacket" is still a coach jacket.
 */
const SEASON = /(?<!\p{N})(?:(?:19|20)\d\d\s*[/\-–]?\s*(?:(?:19|20)\d\d|\d\d)|\d\d\s*[/\-–]\s*\d\d)(?!\p{N})/gu;

/** A number with its unit written solid: "20W", "256GB", "100ml". */
const QUANTITY = /^\d+(?:[.,]\d+)?\p{L}{1,4}$/u;

/**
 * Titles name an item as brand, product name, attributes, kind of item ("Converse One Star black suede
 * sneakers", "Celine Triomphe leather belt"): up to this many capitalised words between the brand and the kind of
 * item are the product's own name. Lower-case words there are ordinary prose ("Coach of the year mug").
 */
const PRODUCT_NAME_WORDS = 3;

/** A name written as two words or more ("Golden Goose", "Off-White"), not one. */
function multiWord(text: string): boolean {
  return /[\p{L}\p{N}][\s\-‐–]+[\p{L}\p{N}]/u.test(text.trim());
}

/**
 * A word of a product's name: written as a name (capitalised or all capitals: "Kelly", "CEL"; words with digits
 * are descriptors and never reach here), and not a lone letter, which stands for some other name's initial
 * ("Celine Q buckle belt").
 */
function isProductNameWord(word: string): boolean {
  return [...word].length > 1 && (/^[\p{Lu}\p{Lt}]/u.test(word) || !/\p{Ll}/u.test(word));
}

/**
 * The mention reads as a known ordinary phrase ("off white", "coach jacket"), alone or with the word after it, or is
 * a word of a smaller or other variant ("Mini Shorts": a size, not the car maker).
 */
function readsOrdinary(x: BrandMention, title: string): boolean {
  const mention = x.span.text.toLowerCase();
  return ORDINARY.has(mention) || inOrdinaryPhrase(x, title) || isVariantWord(mention) || namesOrigin(x, title);
}

/** The mention says where the item was made: "Made in USA", "Hecho en México". */
function namesOrigin(x: BrandMention, title: string): boolean {
  return MADE_IN.test(title.slice(Math.max(0, x.span.start - 24), x.span.start));
}

/** Words saying where an item was made, right before a name: the name is a place ("Made in USA", "Hecho en México"). */
const MADE_IN = /(?:made|hecho|fabricado|fabriqué|fabbricato|hergestellt|produzido)\s+(?:in|en|em)\s+(?:the\s+)?$/iu;

/** The mention and the word after it are a known ordinary phrase ("Barcelona chair", "Chelsea boots"). */
function inOrdinaryPhrase(x: BrandMention, title: string): boolean {
  const next = title.slice(x.span.end).match(/^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u)?.[1] ?? "";
  return ORDINARY.has(`${x.span.text.toLowerCase()} ${next.toLowerCase()}`);
}

/** Another brand joined to the mention as a collaborator, right after it ("Supreme x Fox", "Nike × Stüssy"). */
function partnerOf(r: Read, x: BrandMention, title: string): BrandMention | undefined {
  return r.brands.find(
    (b) =>
      b.field === "title" &&
      b.brand !== x.brand &&
      b.span.start >= x.span.end &&
      COLLAB_GAP.test(title.slice(x.span.end, b.span.start)),
  );
}

/**
 * Another brand, or another brand's line or model, named between the brand and the item: the title is about that
 * ("Converse Boost sneakers"). Not another subject: a mention that reads as an ordinary phrase (the colour in
 * "Converse High Top Off White Canvas Shoes") or a collaborator joined to the brand ("Supreme x Fox tee": the
 * item is both brands').
 */
function othersBetween(r: Read, x: BrandMention, at: number, mine: readonly BrandMention[], title: string): boolean {
  return r.brands.some(
    (b) =>
      b.field === "title" &&
      b.brand !== x.brand &&
      !mine.includes(b) &&
      b.span.start >= x.span.end &&
      b.span.end <= at &&
      !readsOrdinary(b, title) &&
      !COLLAB_GAP.test(title.slice(x.span.end, b.span.start)),
  );
}

/**
 * The title's text from `from` to `to`, with the brand's own other mentions (its product lines, a second
 * spelling) blanked out: a line name between the brand and the item is part of the product's name ("Converse
 * Chuck 70 canvas sneakers" when the pack names Chuck 70 as a line of Converse), not another subject.
 */
function withoutSpans(title: string, from: number, to: number, mine: readonly BrandMention[]): string {
  let text = title.slice(from, to);
  for (const m of mine) {
    if (m.field !== "title" || m.span.start < from || m.span.end > to) continue;
    const a = m.span.start - from;
    const b = m.span.end - from;
    text = `${text.slice(0, a)}${" ".repeat(b - a)}${text.slice(b)}`;
  }
  return text;
}

/**
 * A word that is the brand's monogram: its initials ("CK" for Calvin Klein), its first letter ("H" for Hermès,
 * "C" for Coach, as in "H buckle belt") or that letter doubled ("GG", "CC"): the logo the item carries, a
 * description of the item like its colour.
 */
export function isMonogram(word: string, brandName: string): boolean {
  if (word.length > 3) return false;
  const initials = (brandName.match(/\p{L}+/gu) ?? []).map((w) => w[0]?.toLowerCase() ?? "").join("");
  const w = word.toLowerCase();
  const first = initials[0] ?? "";
  if (!first) return false;
  return w === initials || w === first || w === first + first;
}

/**
 * The replica trade's code names follow one convention: a syllable of the
 * brand plus 家 ("house"): 香家 Chanel, 芬家 Fendi, 蔻家 Coach, 驴家 Louis
 * Vuitton, D家 Dior. Such a name is never the ordinary word the brand's name
 * may be (蔻驰 or コーチ can be a sports coach; 蔻家 cannot), so it claims the
 * brand even when the brand is a common word. Transliterations (苹果 is
 * also the fruit) do not qualify.
 */
export function isCodeName(text: string): boolean {
  return text.length >= 2 && text.length <= 6 && /\p{Script=Han}/u.test(text) && text.includes("家");
}

/** Some title mentions of `a` and `b` have a collaboration's mark between them ("Gucci x Apple Watch band"). */
function markedCollab(a: BrandView, b: BrandView, title: string): boolean {
  const inTitle = (v: BrandView) => v.mentions.filter((x) => x.field === "title");
  return inTitle(a).some((x) => inTitle(b).some((y) => COLLAB_GAP.test(gapBetween(x, y, title) ?? "")));
}

/** The title's text between two mentions, in either order; null when they overlap. */
function gapBetween(a: BrandMention, b: BrandMention, title: string): string | null {
  const [first, second] = a.span.start < b.span.start ? [a, b] : [b, a];
  return second.span.start < first.span.end ? null : title.slice(first.span.end, second.span.start);
}

/** Text between two mentions that marks a collaboration: "Supreme x Burberry", "Nike × Stüssy", "Gazelle X Gucci". */
const COLLAB_GAP = /^\s*(?:x|×|✕|\+|&|collab|co-?branded)\s*$/i;
/** A collaboration marker opening the text after a brand, before a name: "Supreme x Fox", "Nike × sacai". */
const COLLAB_LEAD = /^\s+(?:x|×|✕)\s+(?=\p{Lu})/u;
/** Only spaces between: enough when one side is a model ("Blazer Mid Off-White", "Off-White Air Jordan 1"). */
const ADJACENT_GAP = /^\s+$/;

/** Common-word brands named in explicit collaboration with a claimed brand are claimed too ("Supreme x Burberry tee"). */
function collabClaims(views: BrandView[], claims: BrandView[], title: string): BrandView[] {
  const out: BrandView[] = [];
  for (const v of views) {
    if (claims.includes(v) || v.accessory) continue;
    const mine = v.mentions.filter((x) => x.field === "title" && !namesOrigin(x, title));
    const other = claims.flatMap((c) => c.mentions.filter((x) => x.field === "title"));
    const linked = mine.some((a) =>
      other.some((b) => {
        const gap = gapBetween(a, b, title);
        if (gap === null) return false;
        // Right after a model, a size or variant word ("Classic Flap Mini") is the model's variant, not a brand.
        const variant = isVariantWord(a.span.text) || isDescriptor(a.span.text);
        return COLLAB_GAP.test(gap) || (b.model >= 0 && a.model < 0 && !variant && ADJACENT_GAP.test(gap));
      }),
    );
    if (linked) out.push(v);
  }
  return out;
}

/**
 * The claim's reasons. `ownerNamed`: a brand of the same owner is named plainly beside it ("Nerf Elite 2.0": the
 * Nerf brand itself, whose owner Hasbro lists the line as a model), so its models are not named without a brand.
 * So too when its device is named as what another maker's goods are made for ("OtterBox Defender iPhone 15 Pro").
 */
function brandReasons(d: MatcherData, v: BrandView, ownerNamed: boolean): Reason[] {
  const name = d.bName.at(v.brand) ?? "";
  const out: Reason[] = [];
  const first = v.plain ?? v.disguised ?? v.mentions[0] ?? v.sellerMention;
  const through = v.plain
    ? ""
    : v.models.length
      ? ` (through the model ${d.mName.at(v.models[0] as number)})`
      : v.viaStore
        ? " (through the store's name, selling that kind of item)"
        : "";
  const via = v.plain ? null : v.models.length ? (d.mName.at(v.models[0] as number) ?? "") : v.viaStore ? "" : null;
  out.push({
    signal: "brand-claimed",
    code: via === null ? "brand-claimed" : via ? "brand-claimed-via-model" : "brand-claimed-via-store",
    params: via ? { brand: name, model: via } : { brand: name },
    message: `Claims the brand ${name}${through}`,
    weight: W.W_BRAND_CLAIMED,
    evidence: first?.span ?? null,
  });
  if (v.disguised) {
    out.push({
      signal: "brand-obfuscated",
      code: "brand-disguised",
      params: {
        text: v.disguised.span.text,
        reads: (v.disguised.model >= 0 ? d.mName.at(v.disguised.model) : name) ?? "",
      },
      message: `Brand name disguised: "${v.disguised.span.text}" reads as ${v.disguised.model >= 0 ? d.mName.at(v.disguised.model) : name}`,
      weight: v.disguised.typo ? W.W_BRAND_TYPO : W.W_BRAND_OBFUSCATED,
      evidence: v.disguised.span,
    });
  } else if (!v.plain && !ownerNamed && v.models.length > 0 && v.mentions.some((x) => x.field === "title")) {
    const model = v.mentions.find((x) => x.model >= 0);
    out.push({
      signal: "brand-hidden",
      code: "brand-hidden",
      params: { model: d.mName.at(model?.model ?? 0) ?? "", brand: name },
      message: `Names the model ${d.mName.at(model?.model ?? 0)} without its brand ${name}`,
      weight: W.W_BRAND_HIDDEN,
      evidence: model?.span ?? null,
    });
  }
  return out;
}

/**
 * The seller's name is the brand's own store's as marketplaces write it (data/store-names.json): the brand's name with
 * store and "official" words only, and one other word when an "official" word is there ("Casio Argentina Oficial").
 */
function ownStoreName(m: CompiledMatcher, brand: number, seller: string): boolean {
  const squashed = squash(seller);
  let rest = squashed;
  for (const n of ownNames(m, brand).names) rest = rest.replaceAll(n, " ");
  let official = false;
  for (const w of OFFICIAL_WORDS) {
    if (rest.includes(w)) official = true;
    rest = rest.replaceAll(w, " ");
  }
  for (const w of STORE_NAME_WORDS) rest = rest.replaceAll(w, " ");
  const left = rest.split(" ").filter((x) => x.length > 0);
  return rest !== squashed && (left.length === 0 || (official && left.length === 1 && /^\p{L}+$/u.test(left[0] ?? "")));
}
const byLength = (a: string, b: string) => b.length - a.length;
const OFFICIAL_WORDS = STORE_NAMES.official.map(squash).sort(byLength);
const STORE_NAME_WORDS = STORE_NAMES.store.map(squash).sort(byLength);

function standingReason(v: BrandView, d: MatcherData, l: Listing, m: CompiledMatcher): Reason | null {
  const name = d.bName.at(v.brand) ?? "";
  if (v.standing === "marketplace") {
    const seller = l.seller?.name ?? l.marketplace;
    return {
      signal: "seller-marketplace",
      code: "seller-marketplace",
      params: { seller, brand: name },
      message: `Sold by the retailer itself (${seller}), not by a third party; not ${name}'s own store`,
      weight: W.W_SELLER_MARKETPLACE,
      evidence: { field: "seller", text: seller, start: 0, end: seller.length },
    };
  }
  if (v.standing === "official")
    return {
      signal: "seller-official",
      code: "seller-official",
      params: { brand: name },
      message: `Sold by ${name}'s official store or website`,
      weight: W.W_SELLER_OFFICIAL,
      evidence: v.sellerMention?.span ?? null,
    };
  if (v.standing === "authorised")
    return {
      signal: "seller-authorised",
      code: "seller-authorised",
      params: { brand: name },
      message: `Seller is authorised by ${name}`,
      weight: W.W_SELLER_AUTHORISED,
      evidence: v.sellerMention?.span ?? null,
    };
  // The brand's own store's name on a page that does not say whether the marketplace verified it: no evidence,
  // except on classifieds, where brands keep no stores.
  if (
    v.sellerMention &&
    l.seller?.official == null &&
    ownStoreName(m, v.brand, l.seller?.name ?? "") &&
    !onClassifieds(l.url)
  )
    return null;
  if (v.sellerMention)
    return {
      signal: "seller-impersonates-brand",
      code: "seller-impersonates-brand",
      params: { brand: name },
      message: `Seller name uses the brand ${name} but is not an official or authorised store`,
      weight: W.W_SELLER_IMPERSONATES,
      evidence: v.sellerMention.span,
    };
  return null;
}

function termReasons(d: MatcherData, terms: TermMention[]): Reason[] {
  const live = terms.filter((t) => !t.negated && d.vKind[t.vocab] !== 3);
  const scored = live
    .map((t) => ({
      t,
      w: (d.vWeight[t.vocab] as number) * (t.field === "description" ? W.VOCAB_DESCRIPTION_FACTOR : 1),
    }))
    .sort((a, b) => b.w - a.w || a.t.span.start - b.t.span.start);
  const out: Reason[] = [];
  // One reason per term and per place: "réplica" and "replica" fold alike and must not count twice.
  const seen = new Set<string>();
  let total = 0;
  for (const { t, w } of scored) {
    const where = `${t.field}:${t.span.start}:${t.span.end}`;
    if (seen.has(`v${t.vocab}`) || seen.has(where)) continue;
    seen.add(`v${t.vocab}`);
    seen.add(where);
    let add = out.length === 0 ? w : w * W.VOCAB_EXTRA_FACTOR;
    add = Math.min(add, W.VOCAB_CAP - total);
    if (add <= 0.01) break;
    total += add;
    out.push({
      signal: "counterfeit-term",
      code: "counterfeit-term",
      params: { text: t.span.text, term: d.vTerm.at(t.vocab) ?? "", lang: d.vLang.at(t.vocab) ?? "" },
      message: `Counterfeit wording "${t.span.text}" (${d.vTerm.at(t.vocab)}, ${d.vLang.at(t.vocab)})`,
      weight: round(add),
      evidence: t.span,
    });
  }
  return out;
}

function unbrandedReason(d: MatcherData, terms: TermMention[]): Reason | null {
  const t = terms.find((x) => !x.negated && d.vKind[x.vocab] === 3 && x.field !== "description");
  if (!t) return null;
  return {
    signal: "accessory-context",
    code: "unbranded",
    params: { text: t.span.text },
    message: `Describes the item as unbranded ("${t.span.text}")`,
    weight: round(-(d.vWeight[t.vocab] as number) * W.UNBRANDED_FACTOR),
    evidence: t.span,
  };
}

/** Counterfeit wording strong enough to give a common-word brand its brand reading ("Coach AAA bag", not "premium quality coach jacket"). */
function strongVocab(vocab: Reason[]): boolean {
  return vocab.reduce((a, x) => a + x.weight, 0) >= W.COMMON_WORD_VOCAB_MIN;
}

function riskOf(p: number): Risk {
  if (p >= W.HIGH_AT) return "high";
  if (p >= W.MEDIUM_AT) return "medium";
  return "low";
}

/**
 * A counterfeit term inside a model name the listing names is part of that
 * name, not a claim about the item: Maison Margiela's "Replica" fragrances
 * ("Replica Jazz Club"), a brand's own "Retro" or "复刻" line. The pack
 * decides, by listing such models; the term is dropped only inside the span of
 * the model's own mention.
 */
function outsideModelNames(terms: TermMention[], brands: BrandMention[]): TermMention[] {
  const models = brands.filter((b) => b.model >= 0 && !b.accessory);
  if (models.length === 0) return terms;
  return terms.filter(
    (t) => !models.some((b) => b.field === t.field && b.span.start <= t.span.start && t.span.end <= b.span.end),
  );
}

/** The brand is named in the title itself (not only as what the item fits). */
function namedInTitle(v: BrandView): boolean {
  return v.mentions.some((x) => x.field === "title" && !x.accessory);
}

/** Where the brand is first named in the title, or -1. */
function firstInTitle(v: BrandView): number {
  let at = -1;
  for (const x of v.mentions)
    if (x.field === "title" && !x.accessory && (at < 0 || x.span.start < at)) at = x.span.start;
  return at;
}

/**
 * A maker of goods for other makers' devices (a case or charger maker, a game publisher), of another owner, is
 * named in the title before this device maker: its goods are the item, and this brand's device is what they are
 * made for ("OtterBox Defender iPhone 15 Pro", "EA Sports FC 25 PS5"). The device's price says nothing of the
 * item. `anyOrder`: named anywhere in the title, the two are no collaboration either ("Galaxy S24 Ultra Spigen Case",
 * "iPhone 15 Pro OtterBox Defender bundle").
 */
function madeForDeviceOf(d: MatcherData, v: BrandView, claims: readonly BrandView[], anyOrder = false): boolean {
  if (!makesDevices(d.bGroups[v.brand] ?? 0)) return false;
  const at = firstInTitle(v);
  if (at < 0) return false;
  const owner = ownerOf(d, v.brand);
  return claims.some((o) => {
    if (o === v || ownerOf(d, o.brand) === owner || !makesForDevices(d.bGroups[o.brand] ?? 0)) return false;
    const first = firstInTitle(o);
    return first >= 0 && (anyOrder || first < at);
  });
}

const NO_WORD_LEAD = /^[^\p{L}\p{N}]*/u;

/**
 * Every title mention of the brand follows a word that makes it a kind of fabric ("Kaos Polos Bahan Lacoste": a
 * plain tee of piqué knit): the brand names the cloth, not the maker, whatever else the title names.
 */
function onlyFabric(v: BrandView, title: string): boolean {
  const inTitle = v.mentions.filter((x) => x.field === "title");
  return (
    inTitle.length > 0 &&
    inTitle.every((x) => isFabricBefore(title.slice(Math.max(0, x.span.start - FABRIC_REACH), x.span.start)))
  );
}
/** Characters before a name where its fabric word may stand ("tela de "). */
const FABRIC_REACH = 24;

/**
 * Every title mention of the brand is followed by a component word ("3M reflective", "Vibram sole") or is an
 * operating system the device runs ("Windows 11 Pro" in a laptop's title): an ingredient.
 */
function onlyComponent(v: BrandView, title: string): boolean {
  const inTitle = v.mentions.filter((x) => x.field === "title" && !x.accessory);
  return (
    inTitle.length > 0 &&
    inTitle.every(
      (x) => isComponent(title.slice(x.span.end).replace(NO_WORD_LEAD, "")) || isOperatingSystem(x.span.text),
    )
  );
}

/**
 * A chip designer's brand (product-types.json group "chips") beside a brand that makes devices and designs no chips:
 * the processor or graphics chip the device holds ("Lenovo Legion 5 RTX 4060 i7-13700HX", "ASUS TUF Gaming A15,
 * GeForce RTX 4060, AMD Ryzen 7"), an ingredient as a component word makes one; not where the title sells the chip or
 * its card ("ASUS ROG Strix RTX 4090 graphics card": item-context.json chipItems).
 */
function chipsOf(d: MatcherData, v: BrandView, claims: readonly BrandView[], title: string): boolean {
  if (!makesChips(d.bGroups[v.brand] ?? 0) || sellsChip(title)) return false;
  return claims.some((o) => {
    const g = d.bGroups[o.brand] ?? 0;
    return o !== v && makesDevices(g) && !makesChips(g);
  });
}

/** Several brands claimed together ("Nike Stüssy", "Gazelle x Gucci"): collaborations are the replica trade's favourite items. */
function collabReason(
  d: MatcherData,
  claims: BrandView[],
  title: string,
  platform: { start: number; end: number } | null,
  fits: boolean,
): Reason | null {
  // A platform named last ("… - Nintendo Switch") is what the item runs on, not a partner.
  const onPlatform = (v: BrandView) =>
    platform !== null &&
    v.mentions.every((x) => x.field !== "title" || (platform.start <= x.span.start && x.span.end <= platform.end));
  const named = claims.filter(
    (v) => namedInTitle(v) && !onlyComponent(v, title) && !onPlatform(v) && !madeForDeviceOf(d, v, claims, true),
  );
  // A licensor (a club, a league, a franchise) on a maker's goods is a licence, not a collaboration.
  const makers = named.filter((v) => d.bLicensor[v.brand] !== 1);
  const inTitle = makers.length > 0 ? makers : named;
  // Brands of one owner (a franchise and its publisher, a line and its parent) are one claim, not a collaboration.
  if (inTitle.length < 2) return null;
  const owners = new Set(inTitle.map((v) => ownerOf(d, v.brand)));
  if (owners.size < 2) return null;
  const other = inTitle.find((v) => ownerOf(d, v.brand) !== (d.bOwner[inTitle[0]?.brand ?? 0] ?? -1));
  if (other) inTitle.splice(1, 0, other);
  const [a, b] = inTitle as [BrandView, BrandView];
  // A part or accessory names its maker and what it fits ("TRW brake pads VW Golf V", "klocki hamulcowe TRW … Audi
  // A3"): with a word of what fits in the title, only a collaboration's mark between the two makes one.
  if (fits && !markedCollab(a, b, title)) return null;
  const ea = a.mentions.find((x) => x.field === "title")?.span ?? null;
  const eb = b.mentions.find((x) => x.field === "title")?.span ?? null;
  const evidence =
    ea && eb
      ? {
          field: ea.field,
          text: `${ea.text} … ${eb.text}`,
          start: Math.min(ea.start, eb.start),
          end: Math.max(ea.end, eb.end),
        }
      : ea;
  return {
    signal: "brand-claimed",
    code: "brand-collab",
    params: { brand: d.bName.at(a.brand) ?? "", other: d.bName.at(b.brand) ?? "" },
    message: `Names two brands together (${d.bName.at(a.brand)}, ${d.bName.at(b.brand)}): collaborations are among the most counterfeited items`,
    weight: W.W_BRAND_COLLAB,
    evidence,
  };
}

/** The kinds of item named inside the title's mentions of these models ("Lee Jeans": jeans). */
function kindsInModelNames(r: Read, v: BrandView, models: readonly number[]): number[] {
  const spans = v.mentions.filter((x) => x.field === "title" && models.includes(x.model)).map((x) => x.span);
  const out: number[] = [];
  const t = r.title;
  for (let i = 0; i < t.itemAt.length; i++) {
    const type = t.itemType[i] as number;
    if (itemWithin(t, i, spans) && !out.includes(type)) out.push(type);
  }
  return out;
}

/**
 * How many items the price buys (capacity.ts itemsOffered: "Battery 2-Pack", "Hemd 3 Stück") when every kind
 * of item the price is for, named in the title or in the models priced, is priced for one item and sold singly
 * (product-types.json "single"); 1 otherwise, and for an accessory and a luxury house's goods (in bulk a signal of
 * their own, bulk-luxury, and a house's sets of pieces are sold as one item).
 */
function itemCount(
  m: CompiledMatcher,
  v: BrandView,
  title: string,
  models: readonly number[],
  types: readonly number[],
  accessory: boolean,
): number {
  if (accessory || m.d.bTier[v.brand] === 0) return 1;
  const kinds = [...types];
  for (const mi of models) kinds.push(...modelKinds(m, mi));
  // The kinds first: most titles name none sold singly, and need no reading for a count.
  if (kinds.length === 0 || !kinds.every(isSingle)) return 1;
  return itemsOffered(title) ?? 1;
}

/** The size the title states (a half bottle, a travel spray), read once and only when a sized brand asks. */
function statedSizeOnce(l: Listing): () => StatedSize | null {
  let size: StatedSize | null | undefined;
  return () => {
    if (size === undefined) size = statedSize(l.title ?? "");
    return size;
  };
}

/** The listing's price is an auction's bid (context.ts priceIsBid). */
function bidOnly(listing: Listing): boolean {
  return priceIsBid(hostOf(listing.url), listing.title ?? "");
}

/**
 * The price inputs of a claimed brand, or null when no price of the brand says what this item costs: a store of
 * its own standing, packaging or a sample or an auction's bid (`unpriced`), a book or film about the brand, a part
 * made for a model it names. The verdict's price check and `referenceOf` both read them here.
 */
function priceInputs(
  m: CompiledMatcher,
  r: Read,
  listing: Listing,
  v: BrandView,
  claims: readonly BrandView[],
  unpriced: boolean,
  size: () => StatedSize | null,
): PriceInputs | null {
  const d = m.d;
  if (v.standing || unpriced || aboutIt(d, r, listing, v)) return null;
  if (madeForDeviceOf(d, v, claims)) return null;
  let models = priceModels(m, v, r, listing);
  const kinds = kindsFor(d, r, v.brand);
  if (models.length === 0 && soldByAnotherOnly(d, v, r.brands, kinds)) return null;
  let types = kitShirt(d, v.brand, priceTypes(r, listing, kinds), listing.title ?? "");
  let product = r.product;
  let accessory = false;
  // A mass or premium brand that makes no accessories: its cheapest item says nothing of one.
  const groups = d.bGroups[v.brand] ?? 0;
  const cheapestNotAnAccessory = d.bTier[v.brand] !== 0 && !makesFittings(groups);
  // Models named without a price of their own ("Lee Jeans", "Mumm Cordon Rouge") that name their kind of item:
  // the brand's floor for that kind is the reference.
  if (models.length > 0 && models.every((mi) => !Number.isFinite(d.mRefUsd[mi] as number))) {
    const own = kindsInModelNames(r, v, models);
    if (own.length > 0) {
      models = [];
      types = own;
    }
  }
  // A collection's or a model's name beside one of the pieces a house makes in each collection ("Dior Saddle Card
  // Holder", "Dior Saddle Belt", "Marmont sunglasses", "Samba socks": product-types.json "piece") that is not the
  // model's own kind: the model's price is its signature piece's. The brand's floor for the piece is the reference
  // when it is the lower bar; without one, the piece has no known price.
  if (models.length > 0) {
    const pieces = types.filter((t) => isPiece(t) && r.typesOutsideModels.includes(t));
    if (pieces.length > 0 && models.every((mi) => !modelKinds(m, mi).some((k) => pieces.some((t) => sameKind(k, t))))) {
      const currency = listing.price?.currency?.toUpperCase() ?? null;
      const ofModel = referenceFor(d, v.brand, models, product, types, currency);
      const ofKind = referenceFor(d, v.brand, [], product, pieces, currency);
      if (!ofModel || !ofKind || ofKind.usd * ofKind.threshold < ofModel.usd * ofModel.threshold) {
        models = [];
        types = pieces;
      }
    }
  }
  // A part or accessory made for a model it names ("Submariner bezel insert", "EOS R6 body cap") of no kind the
  // pack prices: the brand's own cheapest item says nothing about it ("Goyard key case" names no model). A brand
  // whose goods are such fittings names its own line ("OtterBox Defender Series Case"): its cheapest item stands.
  if (models.length === 0 && types.length === 0 && v.models.length > 0 && fitsOf(r, listing) && !makesFittings(groups))
    return null;
  // What fits a kind of item the title names ("shoe laces", "sunglasses case", "hair dryer attachment", "shoe bag"):
  // that kind's floor is not the item's. Nor is the brand's own cheapest item, unless the brand is a luxury house
  // (whose name on a case or a strap is the claim) or makes such accessories as its goods: a mass or premium
  // brand sells its accessories for less.
  if (models.length === 0 && kinds.length > 0 && (r.title.fits.length > 0 || r.title.itemAt.length > 1)) {
    const title = listing.title ?? "";
    const fitted = kinds.filter((type) => namedBeforeWhatFits(r.title, title, type));
    if (fitted.length > 0) {
      accessory = true;
      types = types.filter((type) => !fitted.includes(type));
      if (types.length === 0 && cheapestNotAnAccessory) return null;
      product = Math.max(1, ...types.map((type) => typeFactor(type)));
    }
  }
  // A licensor (a club, a franchise) named beside the maker of the goods: the maker's prices say what the
  // licensed item costs, the licensor's cheapest item says nothing of it.
  const licensed = d.bLicensor[v.brand] === 1 && claims.some((o) => d.bLicensor[o.brand] !== 1 && namedInTitle(o));
  // No kind or model left and a word of what fits a device named ("Rolex watch strap", "Gucci case"): an accessory.
  // A mass or premium brand's cheapest item says nothing of it either ("Fitbit Inspire 3 Band", "Beats cable"),
  // unless the brand makes such accessories as its own goods ("OtterBox iPhone 15 case").
  if (!accessory && models.length === 0 && types.length === 0 && r.title.fits.length > 0) {
    accessory = fitsOf(r, listing);
    if (accessory && cheapestNotAnAccessory) return null;
  }
  // A watch house's own straps and boxes cost a small share of its cheapest watch ("Omega leather strap").
  if (accessory && types.length === 0 && watchHouse(groups)) product = W.WATCH_ACCESSORY_SHARE;
  const stated = (d.bSizeMl[v.brand] ?? 0) > 0 ? size() : null;
  const older = models.length === 0 ? otherGenerationOf(d, v, r, listing) : null;
  // A child's size ("Gucci Kids GG T-Shirt", "Moncler Enfant down jacket") of the kinds named: the adult floor at the
  // share such a size sells for (no model price is taken for one: priceModels).
  const child =
    models.length === 0 && childSized(r, listing) ? childShare(types, TIERS[d.bTier[v.brand] as number] ?? "") : 1;
  const vintage = vintageOf(d, v.brand, r);
  const count = itemCount(m, v, listing.title ?? "", models, types, accessory);
  return { models, types, product, accessory, size: stated, brandWide: !licensed, older, child, vintage, count };
}

/**
 * The model the title names by its line's name alone followed by another generation ("Apple Watch Series 3", "iPad
 * Air 2", "MacBook Pro 2015") of a brand whose goods lose value with each generation: its name, or null. The pack
 * prices the generations it knows as models of their own, so another one is nearly always older, and sold used.
 */
function otherGenerationOf(d: MatcherData, v: BrandView, r: Read, l: Listing): OtherGeneration | null {
  if (!sellsGenerations(d.bGroups[v.brand] ?? 0)) return null;
  const title = l.title ?? "";
  const oldYear = oldModelYear(r);
  for (const x of v.mentions) {
    if (x.field !== "title" || x.model < 0) continue;
    const name = d.mName.at(x.model) ?? "";
    if (namesOtherGeneration(title, x.span.start, x.span.end, name, oldYear)) return { name, back: 1 };
  }
  // The brand's or a line's own name followed by the number of a generation the pack does not price, where it prices
  // numbered generations of that name ("PlayStation 3" beside "PlayStation 5"); the next few numbers are later
  // generations, which cost no less ("JBL Charge 6" beside "JBL Charge 5"). A number with a unit is a size ("Hydro
  // Flask 32 oz").
  let current = false;
  for (const x of v.mentions) {
    if (x.field !== "title" || x.model >= 0 || !bareNumberAfter(title, x.span.end)) continue;
    const said = title.slice(x.span.start, x.span.end).toLowerCase();
    const [from, to] = modelsOf(d, v.brand);
    let other: string | null = null;
    let numbered = false;
    // How many generations before the nearest numbered one the pack prices ("PlayStation 2" is three before 5).
    const n = Number(/^[\s\-–]*(\d+)/u.exec(title.slice(x.span.end))?.[1] ?? Number.NaN);
    let back = Number.POSITIVE_INFINITY;
    for (let mi = from; mi < to; mi++) {
      const name = d.mName.at(mi) ?? "";
      if (!Number.isFinite(d.mRefUsd[mi] as number) || !name.toLowerCase().startsWith(`${said} `)) continue;
      const own = /^(\d+)(?![\p{L}\p{N}])/u.exec(name.slice(said.length).trim())?.[1];
      const isNumbered = own !== undefined;
      numbered ||= isNumbered;
      if (otherVariantAfter(title, x.span.start, x.span.end, name, true, oldYear)) {
        other ??= name;
        if (isNumbered && Number(own) > n) back = Math.min(back, Number(own) - n);
      } else if (isNumbered) {
        // The number of a generation the pack prices, or of one of the next few: no older one.
        other = null;
        current = true;
        break;
      }
    }
    if (other && numbered) return { name: other, back: Number.isFinite(back) ? back : 1 };
  }
  // A console named by none of the models the pack prices ("Xbox 360 S Console", "Nintendo Wii U Console",
  // "Nintendo 64 Console"), nor by a line's number the pack prices or one of the next ("PlayStation 6"): console
  // makers name their generations by words, and the pack prices the current ones, so another is nearly always an
  // older one, sold used. The brand's console floor is its cheapest current console; a title naming only the brand
  // and a console ("Sony console") is priced against it.
  if (
    !current &&
    r.typesOutsideModels.includes(CONSOLE) &&
    hasFloorOf(d, v.brand, CONSOLE) &&
    !v.mentions.some((x) => x.field === "title" && x.model >= 0) &&
    namesMoreThanConsole(blanked(title, r.titleNames))
  ) {
    return { name: `${d.bName.at(v.brand) ?? ""} ${typeName(CONSOLE)}`, back: 1 };
  }
  return null;
}

/** The models of a brand, as a range of the model columns: the compiler adds them brand by brand. */
function modelsOf(d: MatcherData, brand: number): [number, number] {
  const first = (b: number) => {
    let lo = 0;
    let hi = d.mBrand.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((d.mBrand[mid] as number) < b) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [first(brand), first(brand + 1)];
}

/** A model year two or more years before the verdict names an older generation: the latest such year (0: none known). */
function oldModelYear(r: Read): number {
  const year = Number(r.now.slice(0, 4));
  return year > 0 ? year - 2 : 0;
}

/**
 * A claimed brand's price check, with its owner, whether a model of it named in the listing was the reference, and
 * whether the brand is owned by another (a sub-brand, a diffusion line, a franchise).
 */
interface OwnerCheck {
  owner: number;
  pc: PriceCheck | null;
  model: boolean;
  owned: boolean;
}

/**
 * The strongest price evidence among the claimed brands. Brands of one owner named together are one claim
 * ("Swatch x Omega MoonSwatch Speedmaster": one group's product): their weakest evidence counts, and none when one
 * of them names a model of its own whose price the listing meets. An owned brand named with its owner is what the
 * item is ("Maison Margiela MM6 bag", "Converse by Nike"): its evidence counts, not its owner's prices. Brands of
 * different owners: the strongest.
 */
function bestPriceCheck(checks: readonly OwnerCheck[]): PriceCheck | null {
  const byOwner = new Map<number, OwnerCheck[]>();
  for (const c of checks) {
    const group = byOwner.get(c.owner);
    if (group) group.push(c);
    else byOwner.set(c.owner, [c]);
  }
  let best: PriceCheck | null = null;
  for (let group of byOwner.values()) {
    if (group.length > 1 && group.some((c) => c.model && c.pc === null)) continue;
    if (group.some((c) => c.owned) && group.some((c) => !c.owned)) group = group.filter((c) => c.owned);
    let weakest: PriceCheck | null = null;
    for (const c of group) if (c.pc && (!weakest || c.pc.reason.weight < weakest.reason.weight)) weakest = c.pc;
    if (weakest && (!best || weakest.reason.weight > best.reason.weight)) best = weakest;
  }
  return best;
}

/** The listing read, its counterfeit wording, the brands it names and those it claims: what the verdict and referenceOf share. */
function readClaims(m: CompiledMatcher, listing: Listing, now: string) {
  const d = m.d;
  const r = readListing(m, listing, now);
  const vocab = termReasons(d, outsideModelNames(r.terms, r.brands));
  const views = groupBrands(m, r, listing);
  const all = views.filter((v) => claimed(d, v, strongVocab(vocab), r, listing));
  all.push(...collabClaims(views, all, listing.title ?? ""));
  // A brand named only as what a part of the item is made by ("Xiaomi 14 Leica optics", "Pandora charm Swarovski
  // crystals") is an ingredient beside the item's brand: not claimed, and its prices say nothing of the item.
  const title = listing.title ?? "";
  const cloth = all.filter((v) => !onlyFabric(v, title));
  const makers = cloth.filter((v) => !onlyComponent(v, title) && !chipsOf(d, v, cloth, title));
  const claims = otherBrandsLines(d, makers.length > 0 ? makers : cloth, views, r, listing);
  return { r, vocab, views, claims };
}

/**
 * What may stand between a brand's name and its own line's: at most two words ("Nike Sportswear Essentials"), no
 * collaboration's mark ("Air Force 1 x LV", "Nike & CDG" name two houses).
 */
function ownLineGap(between: string): boolean {
  const words = between.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length <= 2 && !words.some((w) => /^(?:x|with|and|feat|ft)$/iu.test(w)) && !/[×&+]/u.test(between);
}

/** The brand's owner (a group's house for its brands: BrandRule.owner), or the brand itself. */
function ownerOf(d: MatcherData, brand: number): number {
  return d.bOwner[brand] ?? brand;
}

/** Named only through a line whose name is a common word ("Essentials" for Fear of God Essentials). */
function onlyCommonLine(v: BrandView): boolean {
  return !v.fromBrandField && v.mentions.length > 0 && v.mentions.every((x) => x.commonLine);
}

/**
 * A line whose name is a common word is another brand's line where the title names that brand's name right before
 * it ("Nike Sportswear Essentials Hoodie", "Amazon Essentials Men's Hoodie", "adidas Essentials"; not a
 * collaboration, "Air Force 1 x LV") or the listing is that brand's own store (adidas.com): the claims without it.
 */
function otherBrandsLines(
  d: MatcherData,
  claims: BrandView[],
  views: readonly BrandView[],
  r: Read,
  l: Listing,
): BrandView[] {
  if (!claims.some(onlyCommonLine)) return claims;
  return claims.filter((v) => {
    // On the line's own brand's store it is that brand's line.
    if (!onlyCommonLine(v) || v.standing === "official") return true;
    const mine = ownerOf(d, v.brand);
    const title = l.title ?? "";
    const lines = v.mentions.filter((x) => x.field === "title");
    const after = (x: BrandMention) =>
      lines.some((line) => x.span.end <= line.span.start && ownLineGap(title.slice(x.span.end, line.span.start)));
    if (
      claims.some(
        (o) =>
          !onlyCommonLine(o) &&
          ownerOf(d, o.brand) !== mine &&
          o.mentions.some((x) => x.field === "title" && x.model < 0 && after(x)),
      )
    )
      return false;
    if (views.some((o) => o.standing === "official" && ownerOf(d, o.brand) !== mine)) return false;
    // The seller names a brand whose own site the listing is on.
    return !r.seller.some((x) => ownerOf(d, x.brand) !== mine && onBrandDomain(d.bDomains.at(x.brand) ?? "", l.url));
  });
}

/**
 * The verdict on a listing. `now` (ISO 8601) is the time of the verdict, by which a seller's, a rate's and a model
 * year's ages are read; by default the time the rules were compiled.
 */
export function score(listing: Listing, m: CompiledMatcher, now: string = m.d.meta.at(0) ?? ""): Verdict {
  const d = m.d;
  const { r, vocab, views, claims } = readClaims(m, listing, now);
  const reasons: Reason[] = [...vocab];
  const cancelled = views.filter((v) => v.accessory && !claims.includes(v));
  let marketplaceSaid = false;
  const checks: OwnerCheck[] = [];
  // Packaging or a sample of the brand's product: no price of the product applies to it.
  const unpriced = claims.length > 0 && (packagingOnly(r.outsideModels) || bidOnly(listing));
  const sizeOnce = statedSizeOnce(listing);
  // Brands whose item is what fits a kind of item the title names: price alone makes no "high" for them either.
  const accessories: number[] = [];
  // A page that gives no condition: the title's own word for it ("Pre-owned", "Renewed") decides, read only when the
  // price is below the reference as new (a used item's threshold is lower, never higher).
  let priced: Listing | null = listing.condition === null ? null : listing;
  for (const v of claims) {
    const owner = ownerOf(d, v.brand);
    const ownerNamed = claims.some((o) => o !== v && o.plain?.field === "title" && ownerOf(d, o.brand) === owner);
    reasons.push(...brandReasons(d, v, ownerNamed || madeForDeviceOf(d, v, claims)));
    const st = standingReason(v, d, listing, m);
    // The marketplace's own retail is one fact about the listing, said once whatever the number of brands.
    if (st && !(st.signal === "seller-marketplace" && marketplaceSaid)) reasons.push(st);
    if (st?.signal === "seller-marketplace") marketplaceSaid = true;
    const inputs = priceInputs(m, r, listing, v, claims, unpriced, sizeOnce);
    if (!inputs) continue;
    if (inputs.accessory) accessories.push(v.brand);
    let pc = priceBelow(d, priced ?? listing, v.brand, inputs);
    if (pc && priced === null) {
      // The condition the title states, else the one the site gives (a resale site's, or used on classifieds unless
      // the title says new), else, for another generation of a device, a used one's.
      const said =
        statedCondition(r.outsideModels, d.bTier[v.brand] === 0) ??
        // Names blanked: "New Balance" says nothing new.
        (isStoreName(listing.seller?.name ?? "") || !resoldUsed(inputs.types, d.bGroups[v.brand] ?? 0)
          ? null
          : siteCondition(listing.url, blanked(listing.title ?? "", [...r.titleModels, ...r.titleNames])));
      const stated = said ?? (inputs.older ? "used" : null);
      priced = stated ? { ...listing, condition: stated } : listing;
      if (stated) pc = priceBelow(d, priced, v.brand, inputs);
    }
    checks.push({ owner, pc, model: inputs.models.length > 0, owned: owner !== v.brand });
  }
  const best = bestPriceCheck(checks);
  if (best) reasons.push(rateAdjusted(d, best, r.now));
  let collab: Reason | null = null;
  if (!claims.some((v) => v.standing || aboutIt(d, r, listing, v))) {
    // The platform named last may be a model ("- PlayStation 5") or a brand's own name ("- Nintendo Switch").
    const named: EvidenceSpan[] = [];
    for (const v of claims) for (const x of v.mentions) if (x.field === "title") named.push(x.span);
    const platforms = platformSuffix(listing.title ?? "", named);
    const platform = platforms && { start: platforms[0]?.start ?? 0, end: platforms.at(-1)?.end ?? 0 };
    collab = collabReason(d, claims, listing.title ?? "", platform, r.title.fits.length > 0);
    if (collab) reasons.push(collab);
  }
  if (cancelled.length > 0 && cancelled[0]?.accessory) {
    const v = cancelled[0];
    reasons.push({
      signal: "accessory-context",
      code: "accessory-fits",
      params: { brand: d.bName.at(v.brand) ?? "", text: v.accessory?.text ?? "" },
      message: `${d.bName.at(v.brand)} is named as what the item fits ("${v.accessory?.text}"), not as its brand`,
      weight: W.W_ACCESSORY,
      evidence: v.accessory,
    });
  }
  const dupe = views.find((v) => v.dupe && !claims.includes(v));
  if (dupe?.dupe) {
    reasons.push({
      signal: "dupe-reference",
      code: "dupe-imitates",
      params: { brand: d.bName.at(dupe.brand) ?? "", text: dupe.dupe.text },
      message: `${d.bName.at(dupe.brand)} is named as what the item imitates ("${dupe.dupe.text}"), not as its brand`,
      weight: 0,
      evidence: dupe.dupe,
    });
  }
  const capacity = capacityReason(d, listing);
  if (capacity) reasons.push(capacity);
  if (claims.length > 0) {
    const unb = unbrandedReason(d, r.terms);
    if (unb) reasons.push(unb);
    const weak = weakSeller(listing, r.now);
    if (weak) reasons.push(weak);
    // A count of pieces in a set ("12pc Socket Set") is what the one item holds; "wholesale", "lot of 10" still say bulk.
    const pieces = r.bulk !== null && /^\d/u.test(r.bulk.text) && isSetOfPieces(listing.title ?? "");
    if (r.bulk && !pieces && claims.some((v) => d.bTier[v.brand] === 0 && !v.standing)) {
      reasons.push({
        signal: "bulk-luxury",
        code: "bulk-luxury",
        params: { text: r.bulk.text },
        message: `Luxury brand sold in bulk ("${r.bulk.text}")`,
        weight: W.W_BULK_LUXURY,
        evidence: r.bulk,
      });
    }
    const mismatch = brandFieldMismatch(d, r, claims);
    if (mismatch) reasons.push(mismatch);
  }
  if (r.bidi && (claims.length > 0 || vocab.length > 0)) {
    const override = r.bidi.kind === "override";
    reasons.push({
      signal: "bidi-controls",
      code: override ? "bidi-override" : "bidi-stray",
      params: {},
      message: override
        ? "The title reverses its text with a bidi override: the shopper reads another text than the one stored"
        : "The title carries invisible text-direction controls it has no use for",
      weight: override ? W.W_BIDI_OVERRIDE : W.W_BIDI_STRAY,
      evidence: r.bidi.span,
    });
  }
  if (listing.priceConflict && (claims.length > 0 || vocab.length > 0) && pricesDiffer(d, listing)) {
    const pc = listing.priceConflict;
    const text =
      `${pc.structured.amount} ${pc.structured.currency ?? ""} vs ${pc.visible.amount} ${pc.visible.currency ?? ""}`.trim();
    reasons.push({
      signal: "price-conflict",
      code: "price-conflict",
      params: {
        structured: `${pc.structured.amount} ${pc.structured.currency ?? ""}`.trim(),
        visible: `${pc.visible.amount} ${pc.visible.currency ?? ""}`.trim(),
      },
      message: `Structured-data price differs from the visible price (${text})`,
      weight: W.W_PRICE_CONFLICT,
      evidence: { field: "price", text, start: 0, end: text.length },
    });
  }
  reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.signal.localeCompare(b.signal));
  const sum = W.PRIOR + reasons.reduce((acc, x) => acc + x.weight, 0);
  let p = 1 / (1 + Math.exp(-sum));
  // High means corroborated: a low price alone is not proof for a brand that is discounted and cleared everywhere.
  const luxuryItem = best !== null && d.bTier[best.brand] === 0 && !accessories.includes(best.brand);
  // A collaboration with a mass-market brand is sold at that brand's prices as often as at the house's ("H&M x
  // Balmain", "Uniqlo x JW Anderson"): a price below the house's alone is no corroborated evidence, and naming the
  // two brands together is what such a genuine item's title does.
  const massCollab =
    collab !== null &&
    best !== null &&
    TIERS[d.bTier[best.brand] as number] !== "mass" &&
    claims.some((v) => v.brand !== best.brand && TIERS[d.bTier[v.brand] as number] === "mass" && namedInTitle(v));
  const uncorroborated = massCollab ? priceAlone(reasons, null) : !luxuryItem && priceAlone(reasons, collab);
  if (p >= W.HIGH_AT && best && uncorroborated) p = W.PRICE_ALONE_CAP;
  const thin = !listing.title && !listing.brand;
  const nothing = claims.length === 0 && vocab.length === 0 && cancelled.length === 0 && capacity === null;
  const primary = best?.brand ?? pickPrimary(claims);
  return {
    risk: thin || nothing ? "unknown" : riskOf(p),
    score: Math.round(p * 100),
    brand: primary === null ? null : { id: d.bId.at(primary) ?? "", name: d.bName.at(primary) ?? "" },
    reasons,
    packs: d.packId.all().map((id, i) => ({ id, version: d.packVer[i] as number })),
    engineVersion: ENGINE_VERSION,
  };
}

/** The only sign raising the risk beyond the brand claim is the price. */
function priceAlone(reasons: Reason[], collab: Reason | null): boolean {
  return reasons.every(
    (x) => x.weight <= 0 || x.signal === "price-below-reference" || (x.signal === "brand-claimed" && x !== collab),
  );
}

/**
 * The title says the item is a child's size, outside the names of the models, brands and lines it names ("Casio
 * Baby-G", "Enfants Riches Déprimés").
 */
function childSized(r: Read, l: Listing): boolean {
  return childSize(r.outsideModels) && childSize(blanked(l.title ?? "", [...r.titleModels, ...r.titleNames]));
}

/** A luxury house's item whose title names the decade it was made in (context.ts vintagePiece), read once per listing. */
function vintageOf(d: MatcherData, brand: number, r: Read): boolean {
  if (d.bTier[brand] !== 0) return false;
  r.vintage ??= vintagePiece(r.outsideModels);
  return r.vintage;
}

/**
 * The title says the item is an outlet's goods outside its names (context.ts outletGoods), read once per listing.
 * Outlet words are rare: the title itself is asked first, the title without its names only when it has one.
 */
function outletOf(r: Read, title: string): boolean {
  r.outlet ??= outletGoods(title) && outletGoods(blanked(title, [...r.titleModels, ...r.titleNames]));
  return r.outlet;
}

const T_SHIRT = typeIndex("t-shirt");
const JERSEY = typeIndex("jersey");
const KIT_SEASON = new RegExp(SEASON.source, "u");

/**
 * A shirt named with a kit's season ("Koszulka Barcelona 2024 25 Domowa", "Camiseta Real Madrid 24/25 Local",
 * "Футболка Зенит 2024 25") is the club's or team's kit, a jersey, for a brand with a jersey floor: the words for a
 * T-shirt and a football shirt are one word in many languages.
 */
function kitShirt(d: MatcherData, brand: number, types: readonly number[], title: string): readonly number[] {
  if (!types.includes(T_SHIRT) || types.includes(JERSEY) || !KIT_SEASON.test(title)) return types;
  return hasFloorOf(d, brand, JERSEY) ? types.map((t) => (t === T_SHIRT ? JERSEY : t)) : types;
}

/** The kind of item a console maker has a floor of (product-types.json "console"). */
const CONSOLE = typeIndex("console");
const BOOK = typeIndex("book");
const GAME = typeIndex("game");

const GAMING = groupBits(["gaming"]);

/** The title names no kind of item and nothing that fits a device but a game and its medium ("cartridge only"). */
function gameOnly(r: Read): boolean {
  return r.typesOutsideModels.every((t) => t === GAME) && r.title.fits.every((f) => isGameMedium(f.text));
}

/**
 * The listing is about the brand, not its goods (product-type.ts aboutBrand): the title names a book, a record, a
 * sticker the brand does not sell, or a game for a platform it names in brackets, or a bookshop sells it (a book,
 * whatever its title says; asked once).
 */
function aboutIt(d: MatcherData, r: Read, l: Listing, v: BrandView): boolean {
  const groups = d.bGroups[v.brand] ?? 0;
  if (aboutBrand(r.typesOutsideModels, groups)) return true;
  // A game for a platform named in brackets: a house that makes no games is its licensed subject, and the platform's
  // maker, named only in the brackets, is what the game runs on.
  const bracket = platformInBrackets(l.title ?? "");
  // Only for a game: a title that names another kind of item (a controller, a skin, a case) is that item's.
  if (bracket >= 0 && gameOnly(r)) {
    if ((groups & GAMING) === 0) return true;
    if (v.mentions.every((x) => x.field === "title" && x.span.start > bracket)) return true;
  }
  r.bookshop ??= soldByBookshop(hostOf(l.url), l.seller?.name);
  return r.bookshop && aboutBrand([BOOK], groups);
}

/**
 * The models whose reference price the item may take: not those the item only
 * fits (a game, case or charger naming a console or phone), not a shorter name
 * followed by a variant word ("Galaxy S24" in "Galaxy S24 FE"), none when
 * the title says the item is a child's size.
 */
function priceModels(m: CompiledMatcher, v: BrandView, r: Read, l: Listing): number[] {
  const d = m.d;
  if (v.models.length === 0) return v.models;
  if (fitsOf(r, l)) return [];
  const title = l.title ?? "";
  // A model's reference is its adult retail price: a child's size of it is a cheaper item, and so is an outlet's line
  // of the same name; and its current list price: a luxury house's piece decades old is another.
  if (outletOf(r, title) || childSized(r, l) || vintageOf(d, v.brand, r)) return [];
  // "DualSense Wireless Controller - PlayStation 5", for a console also "Elden Ring PS5": the platform named last
  // is not the item.
  const platform = platformSuffix(title, r.titleModels, r.titleNames, hasFloorOf(d, v.brand, CONSOLE));
  const generations = sellsGenerations(d.bGroups[v.brand] ?? 0);
  const oldYear = generations ? oldModelYear(r) : 0;
  const named = r.typesOutsideModels;
  // A device maker's model beside a small piece ("iPhone 15 leather wallet", "AirTag key ring"): the piece is made
  // to go with the device, as a case is.
  if (makesDevices(d.bGroups[v.brand] ?? 0) && named.some(isPiece)) return [];
  // The kinds the title names, by their own words or, with none, by the brand's words for them ("Pikachu Promo Card"
  // beside a card-game maker).
  const kinds = named.length > 0 ? named : kindsFor(d, r, v.brand);
  const kept = v.models.filter((mi) => {
    const inTitle = v.mentions.filter((x) => x.model === mi && x.field === "title");
    const name = d.mName.at(mi) ?? "";
    // A model whose own name says what it is ("Pikachu plush"), named without those words ("Pikachu"), is not the
    // item when the title names other kinds of item only ("Pikachu V ... single card"): its price is another
    // item's. Named with them, they may be part of its name ("Piaget Polo watch", "Apple Watch ... Titanium Case").
    if (kinds.length > 0) {
      const own = modelKinds(m, mi);
      if (
        own.length > 0 &&
        !own.some((k) => kinds.some((t) => sameKind(k, t))) &&
        kindsInModelNames(r, v, [mi]).length === 0
      )
        return false;
    }
    return (
      inTitle.length === 0 ||
      inTitle.some(
        (x) =>
          !variantAfter(title, x.span.end) &&
          !otherVariantAfter(title, x.span.start, x.span.end, name, generations, oldYear) &&
          !platform?.includes(x.span),
      )
    );
  });
  // Several models named: one that is itself what fits a device is the item, the others what it fits
  // ("PlayStation 5 DualSense Wireless Controller" is a controller).
  if (kept.length < 2) return kept;
  const accessories = kept.filter((mi) =>
    v.mentions.some((x) => x.model === mi && x.field === "title" && accessoryModel(title, x.span)),
  );
  return accessories.length > 0 && accessories.length < kept.length ? accessories : kept;
}

/** The kinds of item a model's own name names ("Pikachu plush": plush), read on first use and kept on the matcher. */
function modelKinds(m: CompiledMatcher, mi: number): readonly number[] {
  const known = m.modelKinds[mi];
  if (known) return known;
  const f = readField(m, "title", m.d.mName.at(mi) ?? "", SIDE_BRAND | SIDE_CONTEXT, false);
  const kinds = [...f.types, ...f.brandTypes];
  m.modelKinds[mi] = kinds;
  return kinds;
}

/** Two kinds of item name one item: the same kind, or one within the other ("down jacket" within "jacket"). */
const sameKind = (a: number, b: number) => a === b || typeWithin(a) === b || typeWithin(b) === a;

/**
 * The kinds of item whose floors the item takes. A device that accessories are made for (product-types.json
 * "fitted") is not the item when the title names a kind of item that fits a device outside the names of the
 * models and devices it names ("tablet case", "case for smartphone", "fountain pen refill"; a "smartphone case"
 * is a phone case), or when each time it is named another kind of item follows it directly ("laptop bag").
 */
function priceTypes(r: Read, l: Listing, kinds: readonly number[]): readonly number[] {
  if (!kinds.some(isFitted)) return kinds;
  const t = r.title;
  const title = l.title ?? "";
  const own: { start: number; end: number }[] = [...r.titleModels];
  t.itemType.forEach((type, i) => {
    if (isFitted(type)) own.push({ start: t.itemAt[i] as number, end: t.itemEnd[i] as number });
  });
  if (fitsOthers(l, title, t.fits, own)) {
    return kinds.filter((type) => !isFitted(type));
  }
  return kinds.filter((type) => !isFitted(type) || t.itemType.some((x, i) => x === type && !beforeItem(t, i, title)));
}

/**
 * The kinds of item the title names for this brand: its kinds, else those its brand words name that the brand sells.
 * A kind named outright says what the item is; a brand word beside it names a part of it or what comes with it
 * ("Burberry belt gift set" is a belt, "Milwaukee battery charger" a charger).
 */
function kindsFor(d: MatcherData, r: Read, brand: number): readonly number[] {
  if (r.brandTypes.length === 0 || r.types.length > 0) return r.types;
  const sells = d.bGroups[brand] ?? 0;
  return r.brandTypes.filter((t) => sellsKind(sells, t));
}

/**
 * The title names kinds of item (`kinds`) the brand sells none of, and another brand (of another owner) named
 * plainly in the title, claimed or not, sells one of them: that one makes the item ("Columbia Men's Bugaboo Fleece
 * Beanie": a beanie of Columbia's Bugaboo line, not of the stroller maker). The brand's prices say nothing of it.
 */
function soldByAnotherOnly(
  d: MatcherData,
  v: BrandView,
  mentions: readonly BrandMention[],
  kinds: readonly number[],
): boolean {
  if (kinds.length === 0) return false;
  const sells = (brand: number) => {
    const groups = d.bGroups[brand] ?? 0;
    return kinds.some((t) => sellsKind(groups, t));
  };
  if (sells(v.brand)) return false;
  const owner = ownerOf(d, v.brand);
  return mentions.some(
    (x) => x.field === "title" && !x.accessory && !x.disguised && ownerOf(d, x.brand) !== owner && sells(x.brand),
  );
}

/**
 * Each time the title names this kind of item, what follows it directly is a word of what fits a device ("shoe
 * laces", "sunglasses case"; or one word later: "Watch Sport Band", "sunglasses hard case") or a kind of item of
 * another group named outright ("shoe bag": footwear, then a bag).
 */
function namedBeforeWhatFits(t: FieldResult, title: string, type: number): boolean {
  let named = false;
  const group = typeGroupBit(type);
  const opener = strapOpening(t, title);
  for (let i = 0; i < t.itemAt.length; i++) {
    if (t.itemType[i] !== type) continue;
    const end = t.itemEnd[i] as number;
    let follows = opener >= 0 && opener <= (t.itemAt[i] as number);
    for (let j = 0; j < t.itemAt.length && !follows; j++) {
      const at = t.itemAt[j] as number;
      const next = t.itemType[j] ?? -1;
      // A kind named only by a brand word ("gift set", "ring") is no item of its own after another: "Belt Gift Set".
      follows = at >= end && typeGroupBit(next) !== group && t.types.includes(next) && onlyGap(title, end, at);
    }
    for (let f = 0; f < t.fits.length && !follows; f++) {
      // Where the word holding it starts: in scripts written without spaces the word of what fits ends a compound
      // ("スポーツバンド", a sport band), which is that word.
      const at = wordStart(title, (t.fits[f] as EvidenceSpan).start);
      follows = at >= end && (onlyGap(title, end, at) || oneWordGap(title, end, at) || pairedGap(title, end, at));
    }
    if (!follows) return false;
    named = true;
  }
  return named;
}

/** Where the run of letters and digits holding title[at] starts. */
function wordStart(title: string, at: number): number {
  let k = at;
  while (k > 0 && /[\p{L}\p{N}]/u.test(title.charAt(k - 1))) k--;
  return k;
}

/**
 * A title that opens with a strap's or band's word names the strap first, as titles do in the languages that put
 * the thing before what it is for ("Tali Jam Apple Watch 45mm", "Dây đeo Apple Watch", "Strap Apple Watch Series
 * 9"): where that word ends, or -1. The kinds named after it are what the strap fits.
 */
function strapOpening(t: FieldResult, title: string): number {
  for (const f of t.fits) {
    if (isStrapWord(f.text) && !/[\p{L}\p{N}]/u.test(title.slice(0, f.start))) return f.end;
  }
  return -1;
}

/** title[from, to) holds only white space, hyphens and en dashes (as /^[\s\-–]*$/u, without a slice). */
function onlyGap(title: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = title.charCodeAt(k);
    if (c !== 32 && c !== 45 && c !== 0x2013 && !/\s/u.test(title.charAt(k))) return false;
  }
  return true;
}

/**
 * title[from, to) pairs the kind with one more device before what fits both ("Drill and Screwdriver Bit Set",
 * "Drill & Driver Bits", "Phone/Tablet Stand"): "and", "&" or "/" and one word.
 */
function pairedGap(title: string, from: number, to: number): boolean {
  return PAIRED_GAP.test(title.slice(from, to));
}
const PAIRED_GAP = /^\s*(?:and|&|\/|\+|und|et|y|e|i|и|和)\s*[\p{L}\p{N}]+[\s\-–]*$/iu;

/** title[from, to) is one word between spaces or dashes, not a bundle word ("Watch Sport Band"; not "with"). */
function oneWordGap(title: string, from: number, to: number): boolean {
  const between = title.slice(from, to).match(/[\p{L}\p{N}]+/gu);
  return (
    between?.length === 1 &&
    !isBundleWord(between[0] as string) &&
    /^[\s\-–]*[\p{L}\p{N}]+[\s\-–]*$/u.test(title.slice(from, to))
  );
}

/** The kind of item named i-th in the title is followed directly by another kind of item ("laptop bag"). */
function beforeItem(t: FieldResult, i: number, title: string): boolean {
  const end = t.itemEnd[i] as number;
  return t.itemAt.some((at) => at >= end && onlyGap(title, end, at));
}

/**
 * The listing's own brand field against the brands its title claims: it says
 * there is no brand ("Generic") or names only brands of other owners.
 */
function brandFieldMismatch(d: MatcherData, r: Read, claims: BrandView[]): Reason | null {
  if (r.brandValues.length === 0) return null;
  const inTitle = claims.filter((v) => !v.standing && v.mentions.some((x) => x.field === "title" && !x.accessory));
  if (inTitle.length === 0) return null;
  const value = r.brandValues.find(unbrandedValue);
  let other = false;
  if (value === undefined) {
    const named = new Set(r.brands.filter((b) => b.field === "brand").map((b) => ownerOf(d, b.brand)));
    other = named.size > 0 && !inTitle.some((v) => named.has(ownerOf(d, v.brand)));
  }
  if (value === undefined && !other) return null;
  const text = value ?? r.brandValues[0] ?? "";
  const claim = d.bName.at(inTitle[0]?.brand ?? 0) ?? "";
  return {
    signal: "brand-field-mismatch",
    code: value !== undefined ? "brand-field-unbranded" : "brand-field-other",
    params: { value: text, brand: claim },
    message:
      value !== undefined
        ? `The listing's brand field says "${text}" while its title claims ${claim}`
        : `The listing's brand field names another brand ("${text}") than its title claims (${claim})`,
    weight: W.W_BRAND_FIELD_MISMATCH,
    evidence: { field: "brand", text, start: 0, end: text.length },
  };
}

/**
 * The price reason weighed by how far its exchange rate may have moved since the pack's rate was taken
 * (context-data.ts rateFactor): an old rate of a volatile currency makes the comparison less certain. The weight is
 * the larger of the reason's weighed by the rate's factor and the weight of the price taken as far above the
 * converted one as the rate may have moved beyond its tolerance: a price far below the reference whatever the rate
 * ("Rolex Submariner" at 1,000 ARS) stays strong evidence, one near it counts little. A comparison in the listing's
 * own currency (a floor in that currency) converts nothing and is not weighed.
 */
function rateAdjusted(d: MatcherData, check: PriceCheck, now: string): Reason {
  const { reason, currency: cur } = check;
  if (check.sameCurrency) return reason;
  const i = d.rCur.indexOf(cur);
  if (i < 0) return reason;
  const date = d.rDate.at(i) ?? "";
  const days = date ? daysBetween(date, now) : null;
  const { factor: rated, drift, over } = rateFactor(d.rDrift[i] ?? 0, days);
  if (rated >= 1) return reason;
  const atWorst = priceWeight(d, check.brand, check.ratio * (1 + over), check.threshold);
  const weight = Math.max(reason.weight * rated, Math.min(reason.weight, atWorst));
  const factor = reason.weight > 0 ? weight / reason.weight : rated;
  if (factor >= 0.995) return reason;
  return {
    ...reason,
    weight: round(weight),
    params: {
      ...reason.params,
      rateCurrency: cur,
      rateDate: date,
      rateDrift: Math.round(drift * 100),
      rateFactor: round(factor),
    },
    message: `${reason.message} (converted at the ${cur} rate of ${date}, which may have moved about ${Math.round(drift * 100)}% since: weighed ×${factor.toFixed(2)})`,
  };
}

/** The two prices differ by more than currency conversion explains (10 %); unconvertible prices count as differing. */
function pricesDiffer(d: MatcherData, l: Listing): boolean {
  const pc = l.priceConflict;
  if (!pc) return false;
  const a = listingPriceUsd(d, { ...l, priceRange: null, price: pc.structured });
  const b = listingPriceUsd(d, { ...l, priceRange: null, price: pc.visible });
  if (!a || !b) return true;
  return Math.abs(a.usd - b.usd) / Math.max(a.usd, b.usd) > 0.1;
}

/** The brand shown: the first claimed in the title, else in any field. */
function pickPrimary(claims: BrandView[]): number | null {
  let best: BrandView | null = null;
  let bestPos = Number.POSITIVE_INFINITY;
  for (const v of claims) {
    const t = v.mentions.find((x) => x.field === "title");
    const pos = t ? t.span.start : v.mentions.length ? 1e9 : 2e9;
    if (pos < bestPos) {
      bestPos = pos;
      best = v;
    }
  }
  return best ? best.brand : null;
}

/**
 * The reference price the verdict's price evidence binds to, or null when no brand is claimed or none has price
 * data: of the claimed brands' references, each compared at its own threshold (a model's list price at half, a
 * floor at most of it), the one a price must clear last, with `price`, the reference in the listing's own
 * currency. For tools and evaluation: "re-price this listing at its reference".
 */
export function referenceOf(
  listing: Listing,
  m: CompiledMatcher,
  now: string = m.d.meta.at(0) ?? "",
): (Reference & { brand: string; price: Money }) | null {
  const d = m.d;
  const { r, claims } = readClaims(m, listing, now);
  const unpriced = packagingOnly(r.outsideModels) || bidOnly(listing);
  const size = statedSizeOnce(listing);
  const currency = listing.price?.currency?.toUpperCase() ?? null;
  let best: { ref: Reference; brand: number } | null = null;
  for (const v of claims) {
    const inputs = priceInputs(m, r, listing, v, claims, unpriced, size);
    if (!inputs) continue;
    const ref = sizedReference(d, v.brand, inputs, currency)?.reference;
    if (ref && (!best || ref.usd * ref.threshold > best.ref.usd * best.ref.threshold)) best = { ref, brand: v.brand };
  }
  return best ? { ...best.ref, brand: d.bId.at(best.brand) ?? "", price: referenceMoney(d, best.ref, listing) } : null;
}

export { squash };
