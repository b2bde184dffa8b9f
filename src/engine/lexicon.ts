/**
 * Language-level word lists the engine needs whatever the pack says: these are
 * grammar (negation, wholesale wording, "Brand" labels), not brand data, so
 * they live with the code. Brand names, counterfeit vocabulary and accessory
 * phrases come from the packs. The lists compiled as patterns (FIT_WORDS and the
 * others below) are part of the compiled form: changing one needs a
 * COMPILED_FORMAT_VERSION bump, or a stored compiled form keeps the old list.
 */
import DUPE from "./data/dupe-phrases.json";
import ITEMS from "./data/item-context.json";
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

/** Phrases naming a brand as what an item imitates (data/dupe-phrases.json); matched as K_DUPE_* context patterns. */
export const DUPE_BEFORE: readonly string[] = [...DUPE.before, ...DUPE.adjoinedBefore];
export const DUPE_AFTER: readonly string[] = [...DUPE.after, ...DUPE.adjoinedAfter];
/** The dupe phrases that count only written right against the brand ("Chanel-style", "tipo Chanel"). */
export const DUPE_ADJOINED: readonly string[] = [...DUPE.adjoinedBefore, ...DUPE.adjoinedAfter];

/** Negation before a counterfeit term: "not a replica", "no es réplica", "非高仿", "не реплика". */
export const NEGATORS_BEFORE: readonly string[] = [
  "not",
  "no",
  "non",
  "never",
  "isn't",
  "isnt",
  "nor",
  "zero",
  "nunca",
  "sin",
  "não",
  "nao",
  "sem",
  "pas",
  "sans",
  "nicht",
  "kein",
  "keine",
  "keinen",
  "ohne",
  "senza",
  "niet",
  "geen",
  "не",
  "нет",
  "без",
  "非",
  "不是",
  "不",
  "没有",
  "無",
  "无",
  "绝非",
  "拒绝",
  // Hebrew, Arabic, Thai, Indonesian, Vietnamese, Polish: "not", "is not", "without".
  "לא",
  "אינו",
  "אינה",
  "ללא",
  "ليس",
  "ليست",
  "بدون",
  "مش",
  "ไม่ใช่",
  "bukan",
  "tanpa",
  "không phải",
  "nie",
  "bez",
];

/** Negation after a counterfeit term (Japanese): "スーパーコピーではありません". */
export const NEGATORS_AFTER: readonly string[] = [
  "ではない",
  "ではありません",
  "じゃない",
  "じゃありません",
  "ではございません",
  // Turkish and Korean put "not" after the word: "replika değil", "짝퉁 아님".
  "değil",
  "değildir",
  "아님",
  "아닙니다",
  "아닌",
];

/** Wholesale wording: with a luxury brand it is a strong counterfeit sign (genuine luxury is not sold by the lot). */
export const BULK_WORDS: readonly string[] = [
  "wholesale",
  "wholesaler",
  "bulk",
  "moq",
  "mayorista",
  "al por mayor",
  "por atacado",
  "atacado",
  "großhandel",
  "grosshandel",
  "en gros",
  "grossiste",
  "ingrosso",
  "оптом",
  "опт",
  "批发",
  "批發",
  "一件代发",
  "厂家直销",
  "卸売",
  "まとめ売り",
];

/** Units after a number that make it a quantity: "10 pcs", "12 pairs", "50件". */
export const QUANTITY_UNITS: readonly string[] = [
  "pcs",
  "pc",
  "pieces",
  "units",
  "pairs",
  "lots",
  "件",
  "双",
  "只",
  "个",
  "個",
];

/** A quantity at or above this, with a luxury brand, reads as bulk. */
export const BULK_MIN_QUANTITY = 5;

/** Names of item specifics that carry the brand: eBay "Brand", Mercado Libre "Marca", Taobao "品牌". */
export const BRAND_SPECIFIC_NAMES: readonly string[] = [
  "brand",
  "brand name",
  "marke",
  "marca",
  "marque",
  "merk",
  "marka",
  "品牌",
  "ブランド",
  "бренд",
  "марка",
];

/**
 * Ordinary words one edit away from a long brand name (Cartier/carrier,
 * Valentino/valentine): never read as a typo-squat.
 */
export const TYPO_STOPWORDS: readonly string[] = [
  "channel",
  "channels",
  "carrier",
  "carriers",
  "valentine",
  "valentines",
  "solomon",
  "bulgaria",
  "colombia",
  "columbian",
  "kingstown",
  "pandoras",
  "versatile",
  "converse",
  "diesels",
  "timberlands",
  "balance",
  "balanced",
  "guessed",
  "vanished",
  "champions",
  "supremes",
];

/**
 * Ordinary phrases that begin with a common-word brand's name: a title that
 * starts with one of them is not naming the brand ("Coach jacket" is a
 * style, "Off white sneakers" a colour, "Celine Dion" a singer). Since a
 * product's own name may stand between the brand and the kind of item
 * ("Converse One Star sneakers"), well-known names that begin with such a
 * word are listed here.
 */
export const ORDINARY_PHRASES: readonly string[] = [
  "off white",
  "coach jacket",
  "coach jackets",
  "coach shorts",
  "guess what",
  "apple green",
  "apple red",
  "champion belt",
  "supreme quality",
  "essentials kit",
  "essentials set",
  "palace style",
  // Well-known names that open with a common-word brand's name: a singer, a game, a drink, a court, a film.
  "celine dion",
  "monster hunter",
  "monster energy",
  "monster jam",
  "monster truck",
  "supreme court",
  "valentino rossi",
  "converse college",
  "guess who",
  // A club's city named for something else: a chair's design, a boot's style, a beach, an ale.
  "barcelona chair",
  "chelsea boot",
  "chelsea boots",
  "brighton beach",
  "newcastle brown",
];
