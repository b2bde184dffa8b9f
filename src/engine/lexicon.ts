/**
 * Language-level word lists the engine needs whatever the pack says: grammar (negation, wholesale wording, "Brand"
 * labels), not brand data. The lists themselves are data files under data/ (lexicon.json, item-context.json,
 * dupe-phrases.json); this module names them for the code. Brand names, counterfeit vocabulary and accessory phrases
 * come from the packs. The lists compiled as patterns (FIT_WORDS and the others below) are part of the compiled
 * form: changing one needs a COMPILED_FORMAT_VERSION bump, or a stored compiled form keeps the old list.
 */
import DUPE from "./data/dupe-phrases.json";
import ITEMS from "./data/item-context.json";
import LEXICON from "./data/lexicon.json";
import { isCjk } from "./fold.ts";

/** Kinds of item that fit or run on a device (data/item-context.json "fits"); matched as K_FIT context patterns. */
export const FIT_WORDS: readonly string[] = ITEMS.fits;

const DESCRIPTORS = new Set(ITEMS.descriptors.words);

/** A word that only describes the item (colour, material, audience, style; item-context.json "descriptors"), or a number or measure ("3D", "2024"). */
export function isDescriptor(word: string): boolean {
  return /\p{N}/u.test(word) || DESCRIPTORS.has(word.toLowerCase());
}

const COMPONENTS = new Set(ITEMS.components.words);

const FITS_LIST = new Set(ITEMS.fitsList.words);

/**
 * The text between two devices an accessory lists holds only list glue (item-context.json "fitsList"): separators,
 * generations' numbers, a model's tier words, conjunctions ("15 14 13 ", " Pro Max / ", " and ").
 */
export function isFitsListGlue(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return !/[()[\]{}.;:!?]/u.test(text) && words.every((w) => /\p{N}/u.test(w) || FITS_LIST.has(w));
}

/** Lower case without accents, spaces for runs of spaces and dashes: how a title's words meet a data file's phrases. */
export function foldPhrase(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\-–]+/gu, " ")
    .trim();
}

const BRAND_COLOURS = new Set(ITEMS.brandColours.phrases.map(foldPhrase));
const BRAND_COLOUR_WORDS = new Set([...BRAND_COLOURS].flatMap((p) => p.split(" ")));

/** A brand's name that is a word of some well-known colour's name ("Ferrari", "Tiffany"): only those are asked. */
export function mayBeBrandColour(name: string): boolean {
  return BRAND_COLOUR_WORDS.has(foldPhrase(name));
}

/**
 * A brand's name and the word after or before it read as a well-known colour's name ("Ferrari red", "Tiffany blue",
 * "rosso Ferrari", "bleu Tiffany").
 */
export function isBrandColour(name: string, next: string, previous: string): boolean {
  return BRAND_COLOURS.has(foldPhrase(`${name} ${next}`)) || BRAND_COLOURS.has(foldPhrase(`${previous} ${name}`));
}

/**
 * The text right after a brand's name opens with a word that makes the brand a part or material of the item
 * (item-context.json "components"): the whole first word ("Vibram sole"), or, in an unspaced script, a component word
 * opening it ("徕卡光学镜头").
 */
export function isComponent(after: string): boolean {
  const word = /^[\p{L}\p{N}-]+/u.exec(after)?.[0].toLowerCase() ?? "";
  if (COMPONENTS.has(word)) return true;
  const cp = word.codePointAt(0);
  return cp !== undefined && isCjk(cp) && CJK_COMPONENTS.some((w) => word.startsWith(w));
}
const CJK_COMPONENTS = ITEMS.components.words.filter((w) => isCjk(w.codePointAt(0) ?? 0));

const OPERATING_SYSTEMS = new Set(ITEMS.operatingSystems.words);

/** The text names an operating system a device runs (item-context.json "operatingSystems"): "Windows 11 Pro". */
export function isOperatingSystem(text: string): boolean {
  const key = text.toLowerCase();
  // Spaces are folded only where there is something to fold (a brand's span rarely has any).
  return OPERATING_SYSTEMS.has(/\s\s|[^\S ]|^ | $/u.test(key) ? key.replace(/\s+/gu, " ").trim() : key);
}

/** Phrases naming a brand as what an item imitates (data/dupe-phrases.json); matched as K_DUPE_* context patterns. */
export const DUPE_BEFORE: readonly string[] = [...DUPE.before, ...DUPE.adjoinedBefore];
export const DUPE_AFTER: readonly string[] = [...DUPE.after, ...DUPE.adjoinedAfter];
/** The dupe phrases that count only written right against the brand ("Chanel-style", "tipo Chanel"). */
export const DUPE_ADJOINED: readonly string[] = [...DUPE.adjoinedBefore, ...DUPE.adjoinedAfter];

/** Negation before a counterfeit term: "not a replica", "no es réplica", "非高仿", "не реплика". */
export const NEGATORS_BEFORE: readonly string[] = LEXICON.negatorsBefore.words;

/** Negation after a counterfeit term (Japanese): "スーパーコピーではありません". */
export const NEGATORS_AFTER: readonly string[] = LEXICON.negatorsAfter.words;

/** Wholesale wording: with a luxury brand it is a strong counterfeit sign (genuine luxury is not sold by the lot). */
export const BULK_WORDS: readonly string[] = LEXICON.bulkWords.words;

/** Units after a number that make it a quantity: "10 pcs", "12 pairs", "50件". */
export const QUANTITY_UNITS: readonly string[] = LEXICON.quantityUnits.words;

/** A quantity at or above this, with a luxury brand, reads as bulk. */
export const BULK_MIN_QUANTITY = 5;

/** Names of item specifics that carry the brand: eBay "Brand", Mercado Libre "Marca", Taobao "品牌". */
export const BRAND_SPECIFIC_NAMES: readonly string[] = LEXICON.brandSpecificNames.words;

/** Ordinary words one edit away from a long brand name (Cartier/carrier, Valentino/valentine), kept by hand. */
export const TYPO_STOPWORDS: readonly string[] = LEXICON.typoStopwords.words;

/** Ordinary phrases that begin with a common-word brand's name ("Coach jacket", "Celine Dion", "Chelsea boots"). */
export const ORDINARY_PHRASES: readonly string[] = LEXICON.ordinaryPhrases.words;
