/**
 * Score-time context rules on a listing's own text (data/item-context.json):
 * whether the models a title names are the item or what it fits, whether a
 * model mention is a shorter name of a longer variant, whether the brand
 * field says "no brand", and bidi controls that make the shopper read
 * another text than the one stored.
 */
import type { Listing } from "../shared/listing.ts";
import { onAnyDomain } from "../shared/marketplace-sites.ts";
import { PRODUCT_TYPES } from "../shared/product-types.ts";
import type { EvidenceSpan } from "../shared/verdict.ts";
import ITEMS from "./data/item-context.json";
import { isDescriptor } from "./lexicon.ts";
import { hostOf, onClassifieds } from "./seller.ts";

/**
 * Scripts whose words of item context are found as substrings: those written without spaces (senses.ts SPACELESS)
 * and Hangul, spaced by phrase but with particles and compounds glued to a word (후드티셔츠, 운동화를), so a word
 * boundary would miss it there.
 */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]/u;

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * The matches of a global regex in `text`, as matchAll gives them, through exec: matchAll copies the regex on every
 * call, which for the long word lists here costs several times the search itself, on every listing scored.
 */
export function matchesIn(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/**
 * One regex finding any of `words` as a whole word (CJK words as substrings),
 * longest first, case-insensitive. `edge` is what may not touch a Latin word:
 * letters and digits by default, letters only for units after a number.
 */
export function wordsRe(words: readonly string[], flags = "giu", edge = "\\p{L}\\p{N}"): RegExp {
  const { latin, cjk } = wordAlternatives(words);
  const parts: string[] = [];
  if (latin) parts.push(`(?<![${edge}])(?:${latin})(?![${edge}])`);
  if (cjk) parts.push(`(?:${cjk})`);
  return new RegExp(parts.join("|"), flags);
}

/**
 * `words` as two regex alternations, lower-cased, escaped, longest first: the Latin-script words (to be bounded by
 * the caller) and the words of scripts found as substrings (CJK); "" for none. For patterns that put words beside
 * something else, such as a number before a unit.
 */
export function wordAlternatives(words: readonly string[]): { latin: string; cjk: string } {
  const sorted = [...new Set(words.map((w) => w.toLowerCase()))].sort((a, b) => b.length - a.length);
  return {
    latin: sorted
      .filter((w) => !CJK.test(w))
      .map(escapeRe)
      .join("|"),
    cjk: sorted
      .filter((w) => CJK.test(w))
      .map(escapeRe)
      .join("|"),
  };
}

const FIT_CATEGORY = wordsRe([...ITEMS.fitCategories, ...ITEMS.fits]);
const FIT_WORD = wordsRe(ITEMS.fits, "iu");
const FIT_WORD_AT = wordsRe(ITEMS.fits, "giu");

/** The words of what fits a device (item-context.json "fits") inside a text, as offsets: "case" in "case for". */
export function fitWordsIn(text: string): { start: number; end: number }[] {
  return matchesIn(FIT_WORD_AT, text).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const CONSOLE_CATEGORY = /console|konsole|consola|主机|本体/iu;
const BUNDLED = new Set(ITEMS.bundled.map((w) => w.toLowerCase()));
const VARIANTS = new Set(ITEMS.variants.map((w) => w.toLowerCase()));
const CJK_VARIANTS = ITEMS.variants.filter((w) => CJK.test(w));
const CHILD_SIZES = wordsRe(ITEMS.childSizes, "iu");
const OUTLET = wordsRe(ITEMS.outlet.words, "iu");
const PACKAGING = wordsRe(ITEMS.packaging);
const EMPTY = wordsRe(ITEMS.emptyWords.words);
const FULL_SET = wordsRe(ITEMS.fullSet.words);
const USED = wordsRe(ITEMS.conditions.used, "iu");
/** "Occasion" as an event, not the French second-hand: "special occasion", "occasion dress" (conditions.occasionEvents). */
const OCCASION_EVENT = new RegExp(
  `(?:${wordsRe(ITEMS.conditions.occasionEvents.before).source})\\s+occasions?(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])occasions?\\s+(?:${wordsRe(ITEMS.conditions.occasionEvents.after).source})`,
  "giu",
);
const REFURBISHED = wordsRe(ITEMS.conditions.refurbished, "iu");
const VINTAGE = wordsRe(ITEMS.conditions.vintage, "iu");
const DAMAGED = wordsRe(ITEMS.conditions.damaged, "iu");
const WORN = wordsRe(ITEMS.conditions.worn, "iu");

/**
 * The title grades a used item as visibly worn (a B or C rank, "signs of wear", "fair condition": item-context.json
 * "conditions.worn"): such a piece resells at a used item's ordinary share, even from a house whose pieces hold
 * their price.
 */
export function statesWear(title: string): boolean {
  return WORN.test(title);
}
const VINTAGE_YEARS = wordsRe(ITEMS.vintageYears.words, "iu");
/**
 * "used" saying what the item is for, not its condition: "can be used as", "used for parties". "Used with" the
 * extras it comes with ("Used With Pouch", "used with box and papers": conditions.usedWith) is the condition.
 */
const USED_FOR = new RegExp(
  `(?:\\b(?:be|been|being|is|are|can|commonly|widely|easily|most)\\s+used\\b|\\bused\\s+(?:for|as|to|in|by|on|with(?!\\s+(?:the\\s+|its\\s+|original\\s+)?(?:${wordsRe(ITEMS.conditions.usedWith.words).source})))\\b)`,
  "iu",
);
/**
 * Use denied: "never worn", "jamais porté", "nie używane", "as worn by" someone (the style, not the item's state)
 * (item-context.json "conditions.denied").
 */
const DENIED = wordsRe(ITEMS.conditions.denied, "giu");
const UNBRANDED = new Set(ITEMS.unbrandedBrand.map((w) => w.toLowerCase()));
const UNBRANDED_MAX = Math.max(...ITEMS.unbrandedBrand.map((w) => w.length));

/**
 * The title names a kind of item that fits or runs on a device (case,
 * charger, strap, game: `fits`, as the matcher found them) outside every span
 * in `own` (the models' own names: "MagSafe Charger" is the item), not as an
 * extra in a bundle ("iPhone 15 with case"); or names its platform last
 * (platformSuffix); or the listing's innermost category is such a kind ("Video
 * Games", "Cases"). Then the models named are what the item fits, not the item.
 */
export function fitsOthers(
  listing: Listing,
  title: string,
  fits: readonly EvidenceSpan[],
  own: readonly { start: number; end: number }[],
  names: readonly { start: number; end: number }[] = own,
): boolean {
  const inner = listing.categories[listing.categories.length - 1];
  if (inner && !CONSOLE_CATEGORY.test(inner)) {
    FIT_CATEGORY.lastIndex = 0;
    if (FIT_CATEGORY.test(inner.toLowerCase())) return true;
  }
  // A platform named last with no other model before it: the item is made for it ("Spider-Man 2 - PlayStation 5").
  const platform = platformSuffix(title, own, names);
  if (platform && !own.some((o) => o.end <= (platform[0] as { start: number }).start)) return true;
  // Or in brackets after the game's own title, with no other model before it ("Porsche Challenge (PS1) black label").
  const bracket = platformInBrackets(title);
  if (bracket >= 0 && !own.some((o) => o.end <= bracket)) return true;
  for (const f of fits) {
    if (own.some((o) => o.start <= f.start && f.end <= o.end)) continue;
    if (bundledBefore(title, f.start) || heldIn(title, f.start) || countBefore(title, f.start, own)) continue;
    if (ownPart(title, f) || afterLetterHyphen(title, f.start)) continue;
    return true;
  }
  return false;
}

const HELD_IN = new RegExp(
  `(?:${wordsRe(ITEMS.heldIn.words).source})(?:\\s+(?:${wordsRe(ITEMS.heldIn.between).source}))?\\s+$`,
  "iu",
);

/** The fits-word at `at` is the item's own case it is sold in: "brand new in case", "in original case" (heldIn). */
function heldIn(title: string, at: number): boolean {
  return HELD_IN.test(title.slice(Math.max(0, at - 30), at));
}

/** The word at `at` ends a compound opened by a single letter and a hyphen: "E-ink" (a display), "T-strap" (a style). */
function afterLetterHyphen(title: string, at: number): boolean {
  return (
    at >= 2 && title[at - 1] === "-" && /\p{L}/u.test(title[at - 2] ?? "") && !/[\p{L}\p{N}]/u.test(title[at - 3] ?? "")
  );
}

const OWN_PARTS = wordsRe(ITEMS.ownParts.words);
/** A word of ownParts.alone right after such a phrase: the part is sold by itself. */
const ALONE = new RegExp(`^\\s*(?:${wordsRe(ITEMS.ownParts.alone).source})`, "iu");

const WATCH_CASES = wordsRe(ITEMS.ownParts.watchCases);
const WATCH_WORDS = wordsRe(ITEMS.ownParts.watchWords, "iu");

/**
 * The fits-word at `span` is inside a phrase naming a part of the device itself (item-context.json ownParts: the
 * charging case of wireless earbuds, "AirPods Pro 2 Wireless Charging Case"), not sold by itself ("Charging Case
 * Only", "充電ケースのみ"): the device is the item. In a title naming a watch, a case by its material is the watch's
 * ("Watch Ultra 2 49mm smartwatch titanium case"), and so is the band it is described with ("... titanium case
 * ocean band").
 */
function ownPart(title: string, span: { start: number; end: number }): boolean {
  const covers = (m: RegExpExecArray) => m.index <= span.start && span.end <= m.index + m[0].length;
  if (WATCH_WORDS.test(title)) {
    const cases = matchesIn(WATCH_CASES, title);
    if (cases.some(covers)) return true;
    if (cases.length > 0 && isStrapWord(title.slice(span.start, span.end))) return true;
  }
  const part = matchesIn(OWN_PARTS, title).find(covers);
  return part !== undefined && !ALONE.test(title.slice(part.index + part[0].length));
}

/**
 * Retail titles name the platform of a game or an accessory last, after a dash: "Marvel's Spider-Man 2 -
 * PlayStation 5", "Mario Kart 8 Deluxe – Nintendo Switch". The models (of `own`, the models' spans in the title)
 * named only there, after a title of its own ("Starfield - Xbox Series X"), are what the item runs on; they are
 * returned, in order: several platforms joined by "/", "|", "," or "&" ("Elden Ring - Xbox Series X / Xbox One"),
 * and a region or language code may close the title ("Hogwarts Legacy PS5 PL", "FIFA 23 - PS4 [EU]"). Not when the
 * words before are the device itself ("Console - PlayStation 5", "Disc Edition - PlayStation 5") or hold nothing but
 * descriptors, a condition and brand names (`names`: "Sony - PlayStation 5", "New Sealed - PlayStation 5"). Another
 * model named there is a title of its own ("DualSense Wireless Controller - PlayStation 5"). With `bare`, asked for
 * a console, the dash may be missing ("Elden Ring PS5").
 */
export function platformSuffix<S extends { start: number; end: number }>(
  title: string,
  own: readonly S[],
  names: readonly { start: number; end: number }[] = own,
  bare = false,
): S[] | null {
  const sorted = [...own].sort((a, b) => a.start - b.start || b.end - a.end);
  const lastOne = sorted.reduce<S | null>((a, o) => (a && a.end >= o.end ? a : o), null);
  if (!lastOne || !platformTail(title, lastOne.end, names)) return null;
  // Back over the platforms joined to the last one.
  const group: S[] = [lastOne];
  for (let k = sorted.indexOf(lastOne) - 1; k >= 0; k--) {
    const o = sorted[k] as S;
    const first = group[0] as S;
    if (o.end > first.start || !PLATFORM_JOIN.test(title.slice(o.end, first.start))) break;
    group.unshift(o);
  }
  const last = group[0] as S;
  // Back from the name over spaces and an opening bracket to a dash or bar that has a space before it.
  let i = last.start - 1;
  while (i >= 0 && /[\s([]/u.test(title[i] as string)) i--;
  const dashed = i >= 1 && "-–—|".includes(title[i] as string) && /\s/u.test(title[i - 1] as string);
  // Without the dash (`bare`, asked for a console): only after a space and words in Latin script ("Elden Ring
  // PS5"), where descriptors and device words are known; "全新PS5" is the console.
  if (!dashed && !(bare && /\s/u.test(title[last.start - 1] ?? ""))) return null;
  // Without the dash, another model before it is the item ("PlayStation 5 DualSense Wireless Controller").
  if (!dashed && own.some((o) => !group.includes(o) && o.end <= last.start)) return null;
  const end = dashed ? i : last.start;
  const head = title.slice(0, end).trim();
  if (!head || CONSOLE_CATEGORY.test(head)) return null;
  for (const w of matchesIn(WORD_RUN, title.slice(0, end))) {
    const at = w.index;
    if (isDescriptor(w[0]) || DEVICE_WORDS.has(w[0].toLowerCase())) continue;
    if (names.some((n) => n.start <= at && at + w[0].length <= n.end)) continue;
    if (!dashed && !/^[\p{Script=Latin}\p{N}]+$/u.test(w[0])) return null;
    return group;
  }
  return null;
}

/** What may join platforms named together: "Xbox Series X / Xbox One", "PS5 | PS4", "Switch, PS4 & PC". */
const PLATFORM_JOIN = /^\s*[/|,&]\s*$/u;
/** A region or language code closing a title (item-context.json regionTails), with the separator before it. */
const REGION = new RegExp(
  `^[\\s)\\]]*(?:[-–/|,([]\\s*)?(?:${ITEMS.regionTails.map(escapeRe).join("|")})(?![\\p{L}\\p{N}])`,
  "iu",
);
/** A short word after a brand's name: the rest of an older platform's name ("Xbox One", "Nintendo 3DS"). */
const NAME_REST = /^\s?[\p{L}\p{N}]{1,4}(?![\p{L}\p{N}])/u;

/**
 * Whether title[from..] closes the title after a platform: nothing but brackets, region or language codes ("PS5
 * PL", "PS4 [EU]"), and other platforms joined by "/", "|", "," or "&" that the pack knows by a brand's name and
 * one short word at most ("/ Xbox One", "| PS4" where PS4 is a name, "& Nintendo Switch").
 */
function platformTail(title: string, from: number, names: readonly { start: number; end: number }[]): boolean {
  let at = from;
  for (;;) {
    const rest = title.slice(at);
    if (/^[\s)\]]*$/u.test(rest)) return true;
    const region = REGION.exec(rest);
    if (region) {
      at += region[0].length;
      continue;
    }
    const name = names.find((n) => n.start >= at && PLATFORM_JOIN.test(title.slice(at, n.start)));
    if (!name) return false;
    at = name.end + (NAME_REST.exec(title.slice(name.end))?.[0].length ?? 0);
  }
}

/** Words before a platform's name that describe the device itself or its state, not a title of its own. */
const DEVICE_WORDS = new Set(ITEMS.deviceWords.map((w) => w.toLowerCase()));

/** A word that makes what follows an extra of a bundle ("with", "+", "送": item-context.json bundled). */
export function isBundleWord(word: string): boolean {
  return BUNDLED.has(word.toLowerCase());
}

/** One of the words right before `at` (BUNDLE_REACH) makes what follows an extra of a bundle ("with case", "+ dust bag", "送"). */
export function bundledBefore(title: string, at: number, reach = BUNDLE_REACH): boolean {
  const words =
    title
      .slice(Math.max(0, at - 30), at)
      .toLowerCase()
      // A hyphenated name is one word: "Joy-Con Strap" holds no Spanish "con" (with).
      .match(/[\p{L}\p{N}/]+(?:-[\p{L}\p{N}]+)*|\+/gu) ?? [];
  return words.slice(-reach).some((w) => BUNDLED.has(w));
}

/** A word of what fits a device follows `at`, after spaces or dashes only ("2 pcs screen protector"). */
export function fitWordAfter(title: string, at: number): boolean {
  return FIT_AFTER.test(title.slice(at));
}
const FIT_AFTER = new RegExp(`^[\\s\\-–]*(?:${wordsRe(ITEMS.fits).source})`, "iu");

/** How many words before a fits-word a bundle word may stand: "with case", "with leather case", "with MagSafe Charging Case". */
const BUNDLE_REACH = 3;

/**
 * A model's name as the title writes it (`span`) holds a word of what fits a device ("DualSense Wireless
 * Controller", "MagSafe Charger"), and it is not an extra in a bundle ("PS5 with DualSense Wireless Controller"):
 * beside another model of the brand, that one is the item ("PlayStation 5 DualSense Wireless Controller").
 */
export function accessoryModel(title: string, span: { start: number; end: number }): boolean {
  return FIT_WORD.test(title.slice(span.start, span.end)) && !bundledBefore(title, span.start);
}

/**
 * A count right before `at` ("2 Controllers", "x2 cables", "2x cable") that is not the end of a model's name
 * ("PlayStation 5 game"). A bare number before a singular word of the Latin script is no count of more than one:
 * English counts with a plural ("3 bands"), so "Inspire 3 Band" is a model's number, known to the pack or not.
 * Words of other scripts carry no plural ending: any number before them counts.
 */
function countBefore(title: string, at: number, own: readonly { start: number; end: number }[]): boolean {
  // One backward scan: spaces and commas, an optional "x", digits, an optional "x", then no letter or digit.
  let i = at - 1;
  let marked = false;
  while (i >= 0 && (title[i] === "," || /\s/u.test(title[i] as string))) i--;
  if (i >= 0 && /[x×]/iu.test(title[i] as string)) {
    i--;
    marked = true;
  }
  const digitsEnd = i;
  while (i >= 0 && /\d/u.test(title[i] as string)) i--;
  if (i === digitsEnd) return false;
  if (i >= 0 && /[x×]/iu.test(title[i] as string)) {
    i--;
    marked = true;
  }
  if (i >= 0 && /[\p{L}\p{N}]/u.test(title[i] as string)) return false;
  const start = i + 1;
  if (!marked && singularLatin(title, at)) return false;
  return !own.some((o) => o.start <= start && start < o.end);
}

/** The word at `at` is written in the Latin script and does not end in s ("Band", not "Bands" or "straps"). */
function singularLatin(title: string, at: number): boolean {
  const word = /^[\p{L}]+/u.exec(title.slice(at))?.[0] ?? "";
  return /^\p{Script=Latin}+$/u.test(word) && !/s$/iu.test(word);
}

/** A letter or digit of a word (ASCII, or anything from U+0080 on but spaces and dashes). */
function wordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0x3000);
}

/**
 * The word right after text[end], or after an edition's number of one or two digits there, makes the mention a
 * smaller or cheaper variant of the model ("Galaxy S24 FE", "iPhone 15 mini", "Air Jordan 1 大童", "Puma Future 7
 * Play").
 */
export function variantAfter(text: string, end: number): boolean {
  // The next word after `from`, past spaces and hyphens: [start, end).
  const wordAt = (from: number): [number, number] => {
    let k = from;
    while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 45)) k++;
    let e = k;
    while (e < text.length && wordChar(text.charCodeAt(e))) e++;
    // A hyphenated word is one word: "E-ink" is no variant "E".
    while (e + 1 < text.length && text.charCodeAt(e) === 45 && wordChar(text.charCodeAt(e + 1))) {
      e++;
      while (e < text.length && wordChar(text.charCodeAt(e))) e++;
    }
    return [k, e];
  };
  let [i, j] = wordAt(end);
  // An edition's number: the variant word may follow it.
  if (/^\d{1,2}$/.test(text.slice(i, j))) [i, j] = wordAt(j);
  if (j === i) return false;
  if (VARIANTS.has(text.slice(i, j).toLowerCase())) return true;
  if (text.charCodeAt(i) >= 0x3000) for (const v of CJK_VARIANTS) if (text.startsWith(v, i)) return true;
  return false;
}

/** Units a number may carry that say a size or a count, not a model (capacities, lengths, packs). */
const QUANTITY_TOKEN = /^\d+(?:[.,]\d+)?(?:gb|tb|mb|ml|l|mah|wh|w|v|mm|cm|m|in|inch|oz|g|kg|pcs|pc|pack|ct|x)$/i;

/**
 * A model named by its line's name alone, priced at the line's current generation ("iPad Air", "Kindle
 * Paperwhite", "Apple Watch"), followed at `end` by a generation's number: another generation ("iPad Air 2", "Apple
 * Watch Series 3", "Kindle Paperwhite 7th Generation"), or by a model year up to `oldYear` ("MacBook Pro 2015"; 0: no
 * year is old). The pack names the generations it prices as models of their own, so another one is, nearly always,
 * an older one.
 */
/** Units that make a number after a name a size, not a generation ("MacBook Pro 14 inch", "iPhone 15 128GB"). */
const SIZE_UNITS = String.raw`inch|in\b|"|”|cm|mm|gb|tb|mb`;
/** A one-digit number or an ordinal with no size unit after it ("Series 3" → " 3", "7th"). */
const ONE_DIGIT_GENERATION = new RegExp(
  String.raw`^[\s\-–]*(?:\d|\d{1,2}(?:st|nd|rd|th))(?![\p{L}\p{N}]|[.,]\d)(?![\s-]*(?:${SIZE_UNITS}))`,
  "iu",
);
/** A bare number of up to three digits with no unit after it, of size or of count ("32 oz", "3 pack" are none). */
const BARE_NUMBER = new RegExp(
  String.raw`^[\s\-–]*\d{1,3}(?![\p{L}\p{N}])(?![\s-]*(?:${SIZE_UNITS}|oz|ml|l\b|cl|pcs|pc\b|pack|x\b|%))`,
  "iu",
);

/** Right after `end`, a bare number a generation may be ("PlayStation 3"; not "32 oz", "128GB", "2 pack"). */
export function bareNumberAfter(text: string, end: number): boolean {
  return BARE_NUMBER.test(text.slice(end));
}

function otherGeneration(text: string, end: number, oldYear = 0): boolean {
  // A one-digit number or an ordinal; two digits only after "Series" or "Gen" ("MacBook Pro 14" is a screen size).
  const rest = text.slice(end);
  const gen =
    /^[\s\-–]*(?:series|gen|generation|mark|mk)[\s\-–]*\d{1,2}(?![\p{L}\p{N}])/iu.exec(rest) ??
    ONE_DIGIT_GENERATION.exec(rest);
  if (gen !== null) return true;
  // A model year ("MacBook Pro 2015", "iPad Pro (2018)"): an older generation when it is old enough.
  // A screen size may come first: "MacBook Pro 13-inch (2019)", "iPad Pro 12.9\" 2018".
  const year =
    /^[\s\-–(]*(?:\d{1,2}(?:[.,]\d)?\s*-?\s*(?:inch|in\b|"|”|″)[\s\-–(,]*)?((?:19|20)\d\d)(?![\p{L}\p{N}])/iu.exec(
      rest,
    )?.[1];
  return year !== undefined && Number(year) <= oldYear;
}

/** Lower-case words joined by single spaces, nothing else ("Apple Watch — Series" → "apple watch series"). */
function plainWords(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The mention of `modelName` at start..end names its line alone, followed by another generation (otherGeneration). */
export function namesOtherGeneration(
  text: string,
  start: number,
  end: number,
  modelName: string,
  oldYear = 0,
): boolean {
  const name = plainWords(modelName);
  return plainWords(text.slice(start, end)) === name && !/\d/.test(name) && otherGeneration(text, end, oldYear);
}

/**
 * The mention names the model by a family name (a word-prefix of the model's own name: "Oral-B iO" for "Oral-B iO
 * Series 9", "Astrox" for "Astrox 99") and the word right after it is another variant's designation: a word with
 * a digit that the rest of the model's name does not hold ("iO 2", "Astrox 77", "Elite XG240R"). A size, a count
 * or a year is no designation; the rest of the model's own name is ("Yeezy 350" for "Yeezy Boost 350 V2"); nor is
 * the number of one of the next three generations ("JBL Charge 6" for "JBL Charge 5": a later one costs no less).
 * With `generations`, a line's name alone followed by a generation's number or an old model year is another
 * generation (otherGeneration).
 */
export function otherVariantAfter(
  text: string,
  start: number,
  end: number,
  modelName: string,
  generations = true,
  oldYear = 0,
): boolean {
  const said = plainWords(text.slice(start, end));
  const name = plainWords(modelName);
  if (said === name && generations && !/\d/.test(name)) return otherGeneration(text, end, oldYear);
  if (said === name || !name.startsWith(`${said} `)) return false;
  const word = /^[\s\-–]*([\p{L}\p{N}]+)/u.exec(text.slice(end))?.[1]?.toLowerCase() ?? "";
  // A generation's number as ordinals write it ("2nd", Japanese 第2世代, Chinese 第2代, Korean 2세대) is that number.
  const ordinal = GENERATION_WORD.exec(word);
  const next = ordinal ? (ordinal[1] ?? ordinal[2] ?? ordinal[3] ?? word) : word;
  if (!/\d/.test(next) || QUANTITY_TOKEN.test(next) || /^(?:19|20)\d\d$/.test(next)) return false;
  const rest = name.slice(said.length).trim().split(" ");
  // The next generation or two of a numbered line ("JBL Charge 6" for "JBL Charge 5"): it costs at least as much.
  const own = rest[0] ?? "";
  if (/^\d+$/.test(next) && /^\d+$/.test(own) && Number(next) > Number(own) && Number(next) <= Number(own) + 3)
    return false;
  return !rest.includes(next);
}

/** A generation's number written as an ordinal: "2nd", 第2世代, 第2代, 2세대. */
const GENERATION_WORD = /^(?:(\d{1,2})(?:st|nd|rd|th)|第(\d{1,2})(?:世代|代)|(\d{1,2})세대)$/u;

/** A word that makes a model a smaller or cheaper variant ("mini", "lite", "FE"; item-context.json "variants"). */
export function isVariantWord(word: string): boolean {
  return VARIANTS.has(word.toLowerCase());
}

/**
 * The title names a watch's movement or complication (item-context.json "watchMovement"): a strap, band or bracelet
 * it names is the watch's, not an item sold alone ("Rolex Daytona Automatic Rubber Strap 40mm").
 */
export function namesWatchMovement(title: string): boolean {
  return WATCH_MOVEMENT.test(title);
}
const WATCH_MOVEMENT = wordsRe(ITEMS.watchMovement.words, "iu");
const STRAP_WORDS = new Set(ITEMS.watchMovement.strapWords);

/** A word of what fits a device that is a watch's strap, band or bracelet ("strap", "表带"). */
export function isStrapWord(text: string): boolean {
  return STRAP_WORDS.has(text.toLowerCase());
}

/** The title names the item as a set or kit of pieces (item-context.json "setWords"): a count there is its pieces. */
export function isSetOfPieces(title: string): boolean {
  return SET_WORDS.test(title);
}
const SET_WORDS = wordsRe(ITEMS.setWords.words, "iu");

/**
 * The title says the item is the brand's packaging or a sample ("shoe box only", "dust bag", "sample 2ml"), not as
 * an extra that comes with the product ("Neverfull MM with dust bag", "Submariner Full Set Box and Papers"), or
 * says it is empty (item-context.json emptyWords).
 */
export function packagingOnly(title: string): boolean {
  // "Box and papers only" is the packaging sold alone, not a full set.
  for (const m of matchesIn(FULL_SET, title))
    if (!/^\s*only\b/iu.test(title.slice(m.index + m[0].length))) return false;
  // "Empty" says what the item sold is, unless an extra right after a bundle word ("PS5 console + empty box").
  for (const m of matchesIn(EMPTY, title)) if (!bundledBefore(title, m.index, 1)) return true;
  for (const m of matchesIn(PACKAGING, title))
    if (!bundledBefore(title, m.index) && !askedFor(title, m.index)) return true;
  return false;
}

/** The word before `at` asks for what follows ("WhatsApp for Catalogue"): item-context.json askedFor. */
function askedFor(title: string, at: number): boolean {
  const before = title
    .slice(Math.max(0, at - 20), at)
    .toLowerCase()
    .match(/[\p{L}]+/gu);
  return before !== null && ASKED_FOR.has(before[before.length - 1] as string);
}
const ASKED_FOR: ReadonlySet<string> = new Set(ITEMS.askedFor.words);

/**
 * The condition the title states ("Pre-owned", "Used - Like New", "Renewed", "二手"), or null: for a listing whose
 * page gives none, the price is compared as a used or refurbished item's. "Vintage" says used only of a `luxury`
 * house's item; elsewhere it is a style ("Vintage Cream Suede Sneakers").
 */
export function statedCondition(title: string, luxury = false): "used" | "refurbished" | "damaged" | null {
  if (DAMAGED.test(title)) return "damaged";
  if (REFURBISHED.test(title)) return "refurbished";
  // A luxury house's "vintage" item is a resale ("Hermes Silk Twill Scarf 90 Authentic Vintage"); a bottle's vintage
  // is its harvest.
  if (luxury && (VINTAGE.test(title) || vintagePiece(title)) && !harvestYear(title)) return "used";
  if (!USED.test(title)) return null;
  // "used" alone may say what the item is for, and use be denied; any other word of the list is the condition.
  const rest = title.replace(USED_FOR, " ").replace(DENIED, " ").replace(OCCASION_EVENT, " ");
  return USED.test(rest) ? "used" : null;
}

/** A wine's vintage: a vintage word, a four-digit year and a bottle's volume (item-context.json "harvestYear"). */
function harvestYear(title: string): boolean {
  return HARVEST_WORD.test(title) && HARVEST_YEAR.test(title) && BOTTLE_VOLUME.test(title);
}
const HARVEST_WORD = wordsRe(ITEMS.harvestYear.words, "iu");
const HARVEST_YEAR = /(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])/u;
const BOTTLE_VOLUME = new RegExp(`\\d\\s*(?:${ITEMS.harvestYear.volumes.map(escapeRe).join("|")})(?![\\p{L}])`, "iu");

/**
 * A luxury house's piece decades old: the decade it was made in ("Omega Seamaster vintage 1960s", "Prada nylon
 * backpack 90s"; item-context.json "vintageYears"), or "vintage" beside a word of use. "Vintage" alone is also a
 * look ("Vintage Logo Hoodie", a vintage wash) and says only "used" (statedCondition). Asked only of a luxury house's
 * item: "90s style" on a mass brand's tee is a look, not an age.
 */
export function vintagePiece(title: string): boolean {
  // "Vintage" with a word of use besides ("【中古】… ヴィンテージ", "Pre-owned vintage") is an old piece, not a look.
  return VINTAGE_YEARS.test(title) || (VINTAGE.test(title) && statedCondition(title) === "used");
}

const CONSOLE_WORDS = wordsRe(PRODUCT_TYPES.find((t) => t.type === "console")?.words ?? []);

/**
 * A text (a title with its brands' names blanked out) names more than a console: words beside the console's own
 * ("Wii U", "360 S", "64"), which may name its generation; "Sony console" names none.
 */
export function namesMoreThanConsole(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(CONSOLE_WORDS, " "));
}

/** The title says the item is a child's size anywhere in it ("Air Jordan 1 Mid Big Kids' Shoes"). */
export function childSize(title: string): boolean {
  return CHILD_SIZES.test(title);
}

/** The text says the item is an outlet's goods ("Jet Set tote outlet", "Coach Outlet", "アウトレット"; item-context.json "outlet"). */
export function outletGoods(text: string): boolean {
  return OUTLET.test(text);
}

/** The brand field says the item has no brand ("Generic", "Unbranded", "无品牌"). */
export function unbrandedValue(value: string): boolean {
  // Every listed value is short: a longer brand field is a name, not "no brand".
  if (value.length > UNBRANDED_MAX + 8) return false;
  return UNBRANDED.has(
    value
      .trim()
      .toLowerCase()
      .replace(/[.\s]+$/u, ""),
  );
}

/** Bidi controls: embeddings, overrides, isolates, and the directional marks. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
const OVERRIDE = /[\u202d\u202e]/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

export function hasBidi(text: string): boolean {
  return BIDI.test(text);
}

/**
 * The text in the order a shopper reads it: controls removed and the runs an
 * override forces against their letters' direction reversed ("\u202Eekin\u202C"
 * shows "nike"; Hebrew or Arabic letters under a left-to-right override read
 * backwards too). Embeddings and isolates do not reorder the letters of a word.
 */
export function displayOrder(text: string): string {
  let out = "";
  const stack: { ch: number; at: number }[] = [];
  const close = (until: (ch: number) => boolean) => {
    while (stack.length > 0) {
      const top = stack.pop() as { ch: number; at: number };
      const seg = out.slice(top.at);
      if (top.ch === 0x202e || (top.ch === 0x202d && RTL_LETTER.test(seg))) {
        out = out.slice(0, top.at) + Array.from(seg).reverse().join("");
      }
      if (until(top.ch)) return;
    }
  };
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c === 0x202a || c === 0x202b || c === 0x202d || c === 0x202e || (c >= 0x2066 && c <= 0x2068)) {
      stack.push({ ch: c, at: out.length });
    } else if (c === 0x202c) {
      close((x) => x >= 0x202a && x <= 0x202e);
    } else if (c === 0x2069) {
      close((x) => x >= 0x2066 && x <= 0x2068);
    } else if (c === 0x200e || c === 0x200f || c === 0x061c) {
      // marks: no characters of their own
    } else if (c === 0x0a || c === 0x0d || c === 0x2029) {
      close(() => false);
      out += ch;
    } else {
      out += ch;
    }
  }
  close(() => false);
  return out;
}

/**
 * How the title uses bidi controls, as evidence of evasion: "override" when
 * it forces a direction on letters (nothing a shop's own text needs), "stray"
 * when a title without right-to-left letters carries embeddings, isolates or
 * marks, else null (marks around Latin words in Arabic or Hebrew titles are
 * ordinary typing). With the span of the first control.
 */
export function bidiUse(
  field: EvidenceSpan["field"],
  text: string,
): { kind: "override" | "stray"; span: EvidenceSpan } | null {
  const at = text.search(OVERRIDE);
  const kind = at >= 0 ? "override" : RTL_LETTER.test(text) ? null : "stray";
  if (kind === null) return null;
  const start = at >= 0 ? at : text.search(BIDI);
  if (start < 0) return null;
  return { kind, span: { field, text: text.slice(start, start + 1), start, end: start + 1 } };
}

/** A seller name as compared with bookshops': lower case, letters and digits only (no decomposition: a cheap key). */
const sellerKey = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
const BOOKSHOP_SELLERS = new Set(ITEMS.bookshops.sellers.map(sellerKey));

/**
 * The text right before a brand's name ends with a word that makes the name a kind of fabric ("bahan Lacoste",
 * item-context.json "components.before"): the item is made of it, not sold under the brand.
 */
export function isFabricBefore(before: string): boolean {
  return FABRIC_BEFORE.test(before);
}
const FABRIC_BEFORE = new RegExp(`(?:${wordsRe(ITEMS.components.before).source})[^\\p{L}\\p{N}]*$`, "iu");

const AUCTION_WORDS = wordsRe(ITEMS.auctions.words, "iu");

/**
 * The listing's price is an auction's current bid (item-context.json "auctions": an auction site, or a title saying
 * the auction opens at a token price or has no reserve): no evidence of what the item sells for.
 */
export function priceIsBid(host: string | null, title: string): boolean {
  return onAnyDomain(host, ITEMS.auctions.hosts) || AUCTION_WORDS.test(title);
}

const NEW = wordsRe(ITEMS.conditions.new, "iu");

/**
 * The condition a site gives what it lists, or null (item-context.json): everything on a site that sells only
 * pre-owned or only refurbished goods ("resaleSites"); on classifieds, what the title does not say is new and does
 * not show to be a shop's stock ("classifieds", "conditions.new", stock words, a range of sizes). Whether the seller
 * is a private one at all (not a store by its name) and the item one resold used is the caller's to ask.
 */
export function siteCondition(url: string, title: string): "used" | "refurbished" | null {
  const host = hostOf(url);
  if (onAnyDomain(host, ITEMS.resaleSites.used)) return "used";
  if (onAnyDomain(host, ITEMS.resaleSites.refurbished)) return "refurbished";
  return onClassifieds(url) && !NEW.test(title) && !STOCK.test(title) && !SIZE_RANGE.test(title) ? "used" : null;
}
const STOCK = wordsRe(ITEMS.classifieds.stockWords, "iu");
/** A range of sizes on offer ("36-45", "S-XXL"): a shop's stock. */
const SIZE_RANGE =
  /(?<![\p{L}\p{N}.])(?:[1-4]\d\s?[-–~/]\s?[1-4]\d|(?:x{0,2}s|m|x{0,3}l)\s?[-–~]\s?(?:x{0,3}l|m))(?![\p{L}\p{N}])/iu;

/**
 * The listing is a bookshop's: on its own site (`host`, subdomains included) or sold under a bookshop's name
 * (item-context.json "bookshops"). What it sells is a book, a record or a film, whatever its title says.
 */
export function soldByBookshop(host: string | null, seller: string | null | undefined): boolean {
  if (onAnyDomain(host, ITEMS.bookshops.hosts)) return true;
  return seller ? BOOKSHOP_SELLERS.has(sellerKey(seller)) : false;
}

const PLATFORM_IN_BRACKETS = new RegExp(
  `[([]\\s*(?:${wordAlternatives(ITEMS.gamePlatforms.words).latin})(?![\\p{L}\\p{N}])(?:\\s*[,/&|]\\s*[^()[\\]]{1,20})?\\s*[)\\]]`,
  "iu",
);

/**
 * Where the title names a game platform in brackets after words of its own ("Ferrari Challenge: Trofeo Pirelli
 * (PS3)", "Need for Speed Porsche Unleashed (PC, 2000)", "(PS4/PS5)"): the item is a game or an accessory for it
 * (item-context.json "gamePlatforms"). Only the platform, another one or a year may stand in the brackets ("(PS5
 * style)" is not one). The bracket's offset, or -1.
 */
export function platformInBrackets(title: string): number {
  const m = PLATFORM_IN_BRACKETS.exec(title);
  return m !== null && /[\p{L}\p{N}]/u.test(title.slice(0, m.index)) ? m.index : -1;
}

const GAME_MEDIA = new Set(ITEMS.gamePlatforms.media);

/** A word of what fits a device that is a game or its medium ("cartridge only", "game disc"). */
export function isGameMedium(word: string): boolean {
  return GAME_MEDIA.has(word.toLowerCase());
}

/** The title sells a chip or the card that carries it (item-context.json chipItems): "RTX 4090 graphics card". */
export function sellsChip(title: string): boolean {
  return CHIP_ITEMS.test(title);
}
const CHIP_ITEMS = wordsRe(ITEMS.chipItems.words, "iu");
