/**
 * Runtime validation of rule packs. A pack comes from a brand owner,
 * a community subscription or our own build: untrusted JSON either way. We
 * rebuild it field by field into fresh objects so nothing unexpected (extra
 * keys, prototypes, huge strings) reaches the engine or storage.
 *
 * Two levels of failure:
 * - the pack as a whole is broken (not an object, wrong format version, bad
 *   metadata, over a count limit): `PackError`, naming the JSON path; the
 *   caller refuses the whole pack.
 * - one entry is broken (a brand, a vocabulary term, an accessory phrase, an
 *   exchange rate): the entry is skipped and a warning names its path, so one
 *   typo does not take down thousands of good rules.
 *
 * What is wrong is told as message keys and params (`pack_detail_…`,
 * `pack_warning_…`), so the options page words it in the user's language; the
 * CLI and the tests read the same keys' English.
 *
 * No regular expressions are accepted from packs: every pattern is a literal
 * phrase, and phrases that look like regex syntax are rejected so an author
 * who expected regex semantics finds out instead of silently matching nothing.
 *
 * Pure TypeScript: runs in the service worker, the Node CLI and tests.
 */
import { MARKETPLACES, type MarketplaceId } from "./listing.ts";
import {
  type AccessoryPhrase,
  type BrandRule,
  type BrandTier,
  type ExchangeRates,
  type LineRule,
  type ModelRule,
  PACK_FORMAT,
  type PriceFloor,
  type ReferencePrice,
  type ReportContact,
  type RulePack,
  type SellerRef,
  type VocabKind,
  type VocabTerm,
} from "./pack.ts";
import { PRODUCT_TYPE_IDS, sellsKind } from "./product-types.ts";
import { english, type Said, said } from "./said.ts";
import { driveSteps, runSteps, Slicer, type Steps } from "./slices.ts";
import { type Fail, type Obj, obj } from "./validate.ts";

/** What is wrong with a value, told as a message key (`pack_detail_…`) and params: English for the CLI. */
type PackFail = Fail<Said>;

/** Every limit in one place; documented in docs/rule-packs.md and mirrored in schema/rule-pack.schema.json. */
export const PACK_LIMITS = {
  /** Raw JSON size, checked before parsing by `checkPackSize`. */
  maxBytes: 20 * 1024 * 1024,
  maxBrands: 50_000,
  maxVocabulary: 5_000,
  maxAccessoryPhrases: 1_000,
  maxTypoStopwords: 50_000,
  maxExchangeRates: 300,
  /** Names, aliases, model names, terms and phrases together, across the pack: bounds the compiled matcher. */
  maxPatterns: 1_000_000,
  maxAliasesPerBrand: 200,
  maxModelsPerBrand: 500,
  maxAliasesPerModel: 50,
  maxCategoriesPerBrand: 20,
  maxSellersPerBrand: 200,
  maxDomainsPerBrand: 50,
  maxLinesPerBrand: 100,
  maxPriceFloorsPerBrand: 200,
  maxNotBrandPerBrand: 100,
  /** Names, aliases, terms, phrases, seller names. */
  maxPhraseLength: 200,
  /** Sources, notes, descriptions, URLs. */
  maxTextLength: 1_000,
  maxIdLength: 100,
  /** Warnings kept; beyond this they are counted, not stored. */
  maxWarnings: 1_000,
} as const;

export const VOCAB_KINDS: readonly VocabKind[] = ["replica", "grade", "code", "unbranded"];
export const BRAND_TIERS: readonly BrandTier[] = ["luxury", "premium", "mass"];
export const MAX_VOCAB_WEIGHT = 5;

export class PackError extends Error {
  override name = "PackError";
  /** What is wrong there, in English (the CLI's words). */
  readonly detail: string;
  constructor(
    /** JSON path of the offending value, "" for the document itself. */
    readonly path: string,
    /** What is wrong there, as a `pack_detail_…` key and params. */
    readonly detailSaid: Said,
    /** How the user is told, when it is more than "broken at path: detail". */
    readonly told: Said | null = null,
  ) {
    const detail = english(detailSaid);
    super(path === "" ? detail : `${path}: ${detail}`);
    this.detail = detail;
  }
}

/**
 * A broken pack for the user: a sentence in their language with the
 * validator's detail worded in it, the JSON path (and any value quoted from
 * the pack) shown isolated.
 */
export function packErrorSaid(error: PackError): Said {
  if (error.told) return error.told;
  return error.path === ""
    ? said("pack_broken", { detail: error.detailSaid })
    : said("pack_broken_at", { path: error.path, detail: error.detailSaid });
}

/** Thrown inside an entry; caught at the entry boundary and turned into a warning. */
class EntryError extends Error {
  constructor(
    readonly path: string,
    readonly detail: Said,
  ) {
    super(`${path}: ${english(detail)}`);
  }
}

export interface ValidateOptions {
  /** ISO date-time used to warn about expired or future-dated packs. */
  now?: string;
}

export interface ValidatedPack {
  pack: RulePack;
  /** The warnings in English: what the CLI prints and stored records keep. */
  warnings: string[];
  /** The same warnings as keys and params (`pack_warning_…`), for the pages to word. */
  warningsSaid: Said[];
}

const PACK_ID = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;
const BRAND_ID = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const CATEGORY = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const AMOUNT = /^\d{1,12}(?:\.\d{1,6})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const EMAIL = /^[^\s@<>()",;]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const URL_HTTPS = /^https:\/\/[^\s<>"]+$/;
/**
 * Regex syntax a literal phrase never needs: escapes such as \b \d \w, wildcards
 * .* .+, groups (?..., negated classes [^, anchors ^...$, alternation.
 */
const REGEX_LIKE = /\\[bBdDsSwWpP]|\.[*+?]|\(\?|\[\^|^\^|\$$|\|/;

const TOP_KEYS = [
  "$schema",
  "format",
  "id",
  "name",
  "description",
  "version",
  "publisher",
  "issued",
  "expires",
  "brands",
  "vocabulary",
  "accessoryPhrases",
  "exchangeRates",
  "typoStopwords",
] as const;
const BRAND_KEYS = [
  "id",
  "name",
  "aliases",
  "commonWord",
  "tier",
  "categories",
  "models",
  "referencePrice",
  "authorisedSellers",
  "officialStores",
  "domains",
  "report",
  "lines",
  "priceFloors",
  "owner",
  "notBrand",
] as const;
const LINE_KEYS = ["name", "aliases", "commonWord"] as const;
const FLOOR_KEYS = ["type", "amount", "currency", "date", "source"] as const;
const MODEL_KEYS = ["name", "aliases", "referencePrice", "distinctive"] as const;
const PRICE_KEYS = ["amount", "currency", "date", "source"] as const;
const SELLER_KEYS = ["marketplace", "name", "id"] as const;
const REPORT_KEYS = ["email", "url", "notes"] as const;
const TERM_KEYS = ["term", "lang", "kind", "weight", "source"] as const;
const PHRASE_KEYS = ["phrase", "lang", "position"] as const;
const RATES_KEYS = ["date", "base", "rates", "source"] as const;

/** Collects warnings up to a cap so a hostile pack cannot make us hold millions of them. */
class Warnings {
  readonly list: Said[] = [];
  private dropped = 0;
  add(warning: Said): void {
    if (this.list.length < PACK_LIMITS.maxWarnings) this.list.push(warning);
    else this.dropped++;
  }
  result(): Said[] {
    return this.dropped === 0 ? this.list : [...this.list, said("pack_warnings_more", { count: this.dropped })];
  }
}

function warnUnknownKeys(o: Obj, known: readonly string[], path: string, w: Warnings): void {
  for (const key of Object.keys(o)) {
    if (!known.includes(key)) w.add(said("pack_warning_unknown_property", { path: join(path, key) }));
  }
}

/** Every object of a pack: refused with the pack validator's own detail. */
function object(v: unknown, path: string, fail: PackFail): Obj {
  return obj(v, path, fail, said("pack_detail_object"));
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function arr(v: unknown, path: string, max: number, fail: PackFail): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(path, said("pack_detail_array"));
  const a = v as unknown[];
  if (a.length > max) fail(path, said("pack_detail_too_many", { count: a.length, limit: max }));
  // Dense: a hole in a sparse array ([, x]) is read as undefined and refused like any bad entry.
  return Array.from(a);
}

function text(v: unknown, path: string, max: number, fail: PackFail): string {
  if (typeof v !== "string") fail(path, said("pack_detail_string"));
  const t = (v as string).trim();
  if (t === "") fail(path, said("pack_detail_empty"));
  if (t.length > max) fail(path, said("pack_detail_too_long", { max }));
  return t;
}

function optText(v: unknown, path: string, max: number, fail: PackFail): string | null {
  if (v === undefined || v === null) return null;
  return text(v, path, max, fail);
}

/** A literal phrase: name, alias, model, term. Never a regular expression. */
function phrase(v: unknown, path: string, fail: PackFail): string {
  const t = text(v, path, PACK_LIMITS.maxPhraseLength, fail);
  if (REGEX_LIKE.test(t)) fail(path, said("pack_detail_regex", { value: t }));
  return t;
}

function bool(v: unknown, path: string, fail: PackFail): boolean {
  if (v === undefined) return false;
  if (typeof v !== "boolean") fail(path, said("pack_detail_boolean"));
  return v as boolean;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string, fail: PackFail): T {
  if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
  return fail(path, said("pack_detail_one_of", { allowed: allowed.join(", ") }));
}

function validCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD when `partial`) or date-time with a zone. */
export function isIsoDate(s: string, partial = false): boolean {
  const d = DATE.exec(s);
  if (d) {
    if (!partial && d[3] === undefined) return false;
    const month = d[2] === undefined ? 1 : Number(d[2]);
    const day = d[3] === undefined ? 1 : Number(d[3]);
    return validCalendarDate(Number(d[1]), month, day);
  }
  const t = DATE_TIME.exec(s);
  if (!t) return false;
  return validCalendarDate(Number(t[1]), Number(t[2]), Number(t[3])) && Number(t[4]) < 24 && Number(t[5]) < 60;
}

function date(v: unknown, path: string, fail: PackFail, partial = false): string {
  if (typeof v !== "string" || !isIsoDate(v, partial)) {
    fail(
      path,
      partial ? said("pack_detail_partial_date", { formats: "YYYY-MM-DD, YYYY-MM, YYYY" }) : said("pack_detail_date"),
    );
  }
  return v as string;
}

/**
 * The instant a date string stands for. A date-only `expires` means "valid
 * through that day": it ends at the start of the next UTC day.
 */
function instant(s: string, endOfDay: boolean): number {
  const d = DATE.exec(s);
  if (d && d[3] !== undefined) {
    const start = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    return endOfDay ? start + 86_400_000 : start;
  }
  return Date.parse(s);
}

/**
 * Where a price was observed, for a price that does not say: a model's price or a price floor without its own
 * date and source takes the brand reference price's (`pack build` writes them once per brand).
 */
type Provenance = Pick<ReferencePrice, "date" | "source"> | null;

function price(
  v: unknown,
  path: string,
  fail: PackFail,
  w: Warnings,
  inherit: Provenance = null,
): ReferencePrice | null {
  if (v === undefined || v === null) return null;
  const o = object(v, path, fail);
  warnUnknownKeys(o, PRICE_KEYS, path, w);
  if (typeof o.amount !== "string" || !AMOUNT.test(o.amount)) {
    fail(`${path}.amount`, said("pack_detail_amount", { example: "249.00" }));
  }
  const amount = o.amount as string;
  if (Number(amount) <= 0) fail(`${path}.amount`, said("pack_detail_positive"));
  if (typeof o.currency !== "string" || !CURRENCY.test(o.currency)) fail(`${path}.currency`, CURRENCY_CODE);
  if (inherit && o.date === undefined && o.source === undefined)
    return { amount, currency: o.currency as string, ...inherit };
  return {
    amount,
    currency: o.currency as string,
    date: date(o.date, `${path}.date`, fail, true),
    source: text(o.source, `${path}.source`, PACK_LIMITS.maxTextLength, fail),
  };
}

function priceFloor(v: unknown, path: string, fail: PackFail, w: Warnings, inherit: Provenance): PriceFloor {
  const o = object(v, path, fail);
  const type = text(o.type, `${path}.type`, 40, fail);
  if (!PRODUCT_TYPE_IDS.includes(type)) {
    fail(`${path}.type`, said("pack_detail_product_type", { type, known: PRODUCT_TYPE_IDS.join(", ") }));
  }
  const { type: _type, ...rest } = o;
  warnUnknownKeys(o, FLOOR_KEYS, path, w);
  const p = price(rest, path, fail, new Warnings(), inherit) as ReferencePrice;
  return { type, ...p };
}

function line(v: unknown, path: string, fail: PackFail, w: Warnings): LineRule {
  const o = object(v, path, fail);
  warnUnknownKeys(o, LINE_KEYS, path, w);
  return {
    name: phrase(o.name, `${path}.name`, fail),
    aliases: phrases(o.aliases, `${path}.aliases`, PACK_LIMITS.maxAliasesPerModel, fail, w),
    commonWord: o.commonWord === undefined ? false : bool(o.commonWord, `${path}.commonWord`, fail),
  };
}

function phrases(v: unknown, path: string, max: number, fail: PackFail, w: Warnings): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [i, item] of arr(v, path, max, fail).entries()) {
    const p = phrase(item, `${path}[${i}]`, fail);
    const key = p.toLowerCase();
    if (seen.has(key)) {
      w.add(said("pack_warning_duplicate", { path: `${path}[${i}]`, value: p }));
      continue;
    }
    seen.add(key);
    out.push(p);
  }
  return out;
}

function model(v: unknown, path: string, fail: PackFail, w: Warnings, inherit: Provenance): ModelRule {
  const o = object(v, path, fail);
  warnUnknownKeys(o, MODEL_KEYS, path, w);
  return {
    name: phrase(o.name, `${path}.name`, fail),
    aliases: phrases(o.aliases, `${path}.aliases`, PACK_LIMITS.maxAliasesPerModel, fail, w),
    referencePrice: price(o.referencePrice, `${path}.referencePrice`, fail, w, inherit),
    ...(o.distinctive === undefined ? {} : { distinctive: bool(o.distinctive, `${path}.distinctive`, fail) }),
  };
}

const CURRENCY_CODE = said("pack_detail_currency", { example: "USD" });
const LANGUAGE_TAG = said("pack_detail_language_tag", { example: "zh-Hant" });

const MARKETPLACE_OR_ANY: readonly (MarketplaceId | "*")[] = [...MARKETPLACES, "*"];

function seller(v: unknown, path: string, fail: PackFail, w: Warnings): SellerRef {
  const o = object(v, path, fail);
  warnUnknownKeys(o, SELLER_KEYS, path, w);
  return {
    marketplace: oneOf(o.marketplace, MARKETPLACE_OR_ANY, `${path}.marketplace`, fail),
    name: text(o.name, `${path}.name`, PACK_LIMITS.maxPhraseLength, fail),
    id: optText(o.id, `${path}.id`, PACK_LIMITS.maxPhraseLength, fail),
  };
}

function report(v: unknown, path: string, fail: PackFail, w: Warnings): ReportContact | null {
  if (v === undefined || v === null) return null;
  const o = object(v, path, fail);
  warnUnknownKeys(o, REPORT_KEYS, path, w);
  const email = optText(o.email, `${path}.email`, PACK_LIMITS.maxPhraseLength, fail);
  if (email !== null && !EMAIL.test(email)) fail(`${path}.email`, said("pack_detail_email"));
  const url = optText(o.url, `${path}.url`, PACK_LIMITS.maxTextLength, fail);
  if (url !== null && !URL_HTTPS.test(url)) fail(`${path}.url`, said("pack_detail_https_url"));
  const notes = optText(o.notes, `${path}.notes`, PACK_LIMITS.maxTextLength, fail);
  if (email === null && url === null && notes === null) return null;
  return { email, url, notes };
}

function brand(v: unknown, path: string, fail: PackFail, w: Warnings): BrandRule {
  const L = PACK_LIMITS;
  const o = object(v, path, fail);
  warnUnknownKeys(o, BRAND_KEYS, path, w);
  const id = text(o.id, `${path}.id`, L.maxIdLength, fail);
  if (!BRAND_ID.test(id)) fail(`${path}.id`, said("pack_detail_brand_id"));
  const categories = arr(o.categories, `${path}.categories`, L.maxCategoriesPerBrand, fail).map((c, i) => {
    const s = text(c, `${path}.categories[${i}]`, 40, fail);
    if (!CATEGORY.test(s)) fail(`${path}.categories[${i}]`, said("pack_detail_slug", { example: "leather-goods" }));
    return s;
  });
  const domains = arr(o.domains, `${path}.domains`, L.maxDomainsPerBrand, fail).map((d, i) => {
    const s = text(d, `${path}.domains[${i}]`, 253, fail).toLowerCase();
    if (!DOMAIN.test(s)) fail(`${path}.domains[${i}]`, said("pack_detail_host", { example: "nike.com" }));
    return s;
  });
  const referencePrice = price(o.referencePrice, `${path}.referencePrice`, fail, w);
  const inherit: Provenance = referencePrice && { date: referencePrice.date, source: referencePrice.source };
  const models = arr(o.models, `${path}.models`, L.maxModelsPerBrand, fail).map((m, i) =>
    model(m, `${path}.models[${i}]`, fail, w, inherit),
  );
  const sellers = (key: "authorisedSellers" | "officialStores") =>
    arr(o[key], `${path}.${key}`, L.maxSellersPerBrand, fail).map((s, i) => seller(s, `${path}.${key}[${i}]`, fail, w));
  const floors = optionalList("priceFloors", o, path, L.maxPriceFloorsPerBrand, fail, w, (f, at, ff, ww) =>
    priceFloor(f, at, ff, ww, inherit),
  );
  // A floor for a kind of item no category of the brand sells: the engine reads that kind as the brand's item only
  // for brands that sell it (a common-word brand named before it, a luxury house's default floors), so the floor
  // would go unused in exactly the titles that need it. Said once per kind.
  const unsold = new Set<string>();
  (floors.priceFloors ?? []).forEach((f, i) => {
    if (unsold.has(f.type) || sellsKind(categories, f.type)) return;
    unsold.add(f.type);
    w.add(said("pack_warning_floor_unsold", { path: `${path}.priceFloors[${i}]`, kind: f.type }));
  });
  return {
    id,
    name: phrase(o.name, `${path}.name`, fail),
    aliases: phrases(o.aliases, `${path}.aliases`, L.maxAliasesPerBrand, fail, w),
    commonWord: bool(o.commonWord, `${path}.commonWord`, fail),
    tier: oneOf(o.tier, BRAND_TIERS, `${path}.tier`, fail),
    categories,
    models,
    referencePrice,
    authorisedSellers: sellers("authorisedSellers"),
    officialStores: sellers("officialStores"),
    domains,
    report: report(o.report, `${path}.report`, fail, w),
    ...optionalList("lines", o, path, L.maxLinesPerBrand, fail, w, line),
    ...floors,
    ...notBrand(o, path, fail, w),
    ...(o.owner === undefined || o.owner === null ? {} : { owner: ownerId(o.owner, `${path}.owner`, fail) }),
  };
}

/** An optional list property of a brand: absent from the result when absent or empty (format 1 stays unchanged). */
function optionalList<K extends "lines" | "priceFloors", T>(
  key: K,
  o: Obj,
  path: string,
  max: number,
  fail: PackFail,
  w: Warnings,
  one: (v: unknown, path: string, fail: PackFail, w: Warnings) => T,
): Partial<Record<K, T[]>> {
  const list = arr(o[key], `${path}.${key}`, max, fail).map((x, i) => one(x, `${path}.${key}[${i}]`, fail, w));
  return list.length > 0 ? ({ [key]: list } as Partial<Record<K, T[]>>) : {};
}

/** A brand's names that are not it: phrases like its aliases (a repeated one said and dropped); absent when none. */
function notBrand(o: Obj, path: string, fail: PackFail, w: Warnings): { notBrand?: string[] } {
  const list = phrases(o.notBrand, `${path}.notBrand`, PACK_LIMITS.maxNotBrandPerBrand, fail, w);
  return list.length > 0 ? { notBrand: list } : {};
}

function ownerId(v: unknown, path: string, fail: PackFail): string {
  const s = text(v, path, PACK_LIMITS.maxIdLength, fail);
  if (!BRAND_ID.test(s)) fail(path, said("pack_detail_owner"));
  return s;
}

function vocabTerm(v: unknown, path: string, fail: PackFail, w: Warnings): VocabTerm {
  const o = object(v, path, fail);
  warnUnknownKeys(o, TERM_KEYS, path, w);
  const term = phrase(o.term, `${path}.term`, fail);
  const lang = text(o.lang, `${path}.lang`, 35, fail);
  if (!LANG.test(lang)) fail(`${path}.lang`, LANGUAGE_TAG);
  const weight = o.weight;
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0 || weight > MAX_VOCAB_WEIGHT) {
    fail(`${path}.weight`, said("pack_detail_number_range", { min: 0, max: MAX_VOCAB_WEIGHT }));
  }
  return {
    term,
    lang,
    kind: oneOf(o.kind, VOCAB_KINDS, `${path}.kind`, fail),
    weight: weight as number,
    source: optText(o.source, `${path}.source`, PACK_LIMITS.maxTextLength, fail),
  };
}

function accessoryPhrase(v: unknown, path: string, fail: PackFail, w: Warnings): AccessoryPhrase {
  const o = object(v, path, fail);
  warnUnknownKeys(o, PHRASE_KEYS, path, w);
  const lang = text(o.lang, `${path}.lang`, 35, fail);
  if (!LANG.test(lang)) fail(`${path}.lang`, LANGUAGE_TAG);
  return {
    phrase: phrase(o.phrase, `${path}.phrase`, fail),
    lang,
    position: oneOf(o.position, ["before", "after"] as const, `${path}.position`, fail),
  };
}

/** A word that is no misspelling of the pack's names: letters only, 3 to 24 of them, kept in lower case. */
function typoStopword(v: unknown, path: string, fail: PackFail): string {
  const t = text(v, path, 49, fail).toLowerCase();
  if (!/^(\p{L}{3,24}|\p{L}{2,24} \p{L}{2,24})$/u.test(t)) fail(path, said("pack_detail_word"));
  return t;
}

const packFail: PackFail = (path, detail) => {
  throw new PackError(path, detail);
};
const entryFail: PackFail = (path, detail) => {
  throw new EntryError(path, detail);
};

/** Validates each entry of a list; a broken entry is skipped with a warning. */
function* entries<T>(
  list: unknown[],
  path: string,
  w: Warnings,
  one: (v: unknown, path: string, fail: PackFail, w: Warnings) => T,
  work: Slicer,
): Steps<T[]> {
  const out: T[] = [];
  for (const [i, item] of list.entries()) {
    if (work.tick()) yield work.take();
    const at = `${path}[${i}]`;
    // Warnings of a skipped entry (unknown keys) are noise next to its error; keep only the error.
    const local = new Warnings();
    try {
      out.push(one(item, at, entryFail, local));
      for (const m of local.list) w.add(m);
    } catch (e) {
      if (!(e instanceof EntryError)) throw e;
      w.add(said("pack_warning_entry_skipped", { path: e.path, detail: e.detail }));
    }
  }
  return out;
}

function exchangeRates(v: unknown, w: Warnings): ExchangeRates | null {
  const path = "exchangeRates";
  if (v === undefined || v === null) return null;
  const o = object(v, path, packFail);
  warnUnknownKeys(o, RATES_KEYS, path, w);
  const base = o.base;
  if (typeof base !== "string" || !CURRENCY.test(base)) packFail(`${path}.base`, CURRENCY_CODE);
  const raw = object(o.rates, `${path}.rates`, packFail);
  const keys = Object.keys(raw);
  if (keys.length > PACK_LIMITS.maxExchangeRates) {
    packFail(
      `${path}.rates`,
      said("pack_detail_too_many_rates", { count: keys.length, limit: PACK_LIMITS.maxExchangeRates }),
    );
  }
  const rates: Record<string, number> = {};
  for (const code of keys) {
    const rate = raw[code];
    const skip = (detail: Said) => w.add(said("pack_warning_rate_skipped", { path: `${path}.rates.${code}`, detail }));
    if (!CURRENCY.test(code)) {
      skip(CURRENCY_CODE);
    } else if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= 0) {
      skip(said("pack_detail_positive_number"));
    } else if (code === base && rate !== 1) {
      skip(said("pack_detail_base_rate"));
    } else {
      rates[code] = rate;
    }
  }
  rates[base as string] = 1;
  return {
    date: date(o.date, `${path}.date`, packFail),
    base: base as string,
    rates,
    source: optText(o.source, `${path}.source`, PACK_LIMITS.maxTextLength, packFail),
  };
}

/** Refuses a raw pack over the size limit before anyone spends time parsing it. */
export function checkPackSize(bytes: number): void {
  if (!Number.isFinite(bytes) || bytes < 0) throw new PackError("", said("pack_detail_size_unknown"));
  if (bytes > PACK_LIMITS.maxBytes) {
    throw new PackError(
      "",
      said("pack_detail_too_large", { bytes, limit: PACK_LIMITS.maxBytes }),
      said("feed_too_large", { megabytes: Math.round(PACK_LIMITS.maxBytes / 1024 / 1024) }),
    );
  }
}

/** Number of literal patterns a pack contributes to the matcher. */
function* patternCount(
  pack: Pick<RulePack, "brands" | "vocabulary" | "accessoryPhrases">,
  work: Slicer,
): Steps<number> {
  let n = pack.vocabulary.length + pack.accessoryPhrases.length;
  for (const b of pack.brands) {
    n += 1 + b.aliases.length;
    for (const m of b.models) n += 1 + m.aliases.length;
    for (const l of b.lines ?? []) n += 1 + l.aliases.length;
    if (work.tick()) yield work.take();
  }
  return n;
}

function metadata(o: Obj, w: Warnings) {
  if (o.format !== PACK_FORMAT) {
    packFail("format", said("pack_detail_format", { format: PACK_FORMAT }));
  }
  const id = text(o.id, "id", PACK_LIMITS.maxIdLength, packFail);
  if (!PACK_ID.test(id)) packFail("id", said("pack_detail_pack_id", { example: "copycatch.default" }));
  const version = o.version;
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 0) {
    packFail("version", said("pack_detail_non_negative_integer"));
  }
  const issued = date(o.issued, "issued", packFail);
  const expires = o.expires === null || o.expires === undefined ? null : date(o.expires, "expires", packFail);
  if (expires !== null && instant(expires, true) <= instant(issued, false)) {
    packFail("expires", said("pack_detail_not_after", { field: "issued" }));
  }
  if (o.expires === undefined) w.add(said("pack_warning_no_expiry", { path: "expires" }));
  return {
    format: PACK_FORMAT,
    id,
    name: text(o.name, "name", PACK_LIMITS.maxPhraseLength, packFail),
    description: optText(o.description, "description", PACK_LIMITS.maxTextLength * 4, packFail),
    version: version as number,
    publisher: text(o.publisher, "publisher", PACK_LIMITS.maxPhraseLength, packFail),
    issued,
    expires,
  };
}

function* dedupeBrands(brands: BrandRule[], w: Warnings, work: Slicer): Steps<BrandRule[]> {
  const seen = new Set<string>();
  const out: BrandRule[] = [];
  for (const b of brands) {
    if (work.tick()) yield work.take();
    if (!seen.has(b.id)) {
      seen.add(b.id);
      out.push(b);
    } else w.add(said("pack_warning_duplicate_brand", { path: "brands", id: b.id }));
  }
  return out;
}

/**
 * Validates an untrusted, already parsed pack. Throws `PackError` when the
 * pack as a whole is unusable; otherwise returns a fresh, well-typed pack and
 * the warnings for skipped entries and ignored properties.
 */
export function validatePack(raw: unknown, opts: ValidateOptions = {}): ValidatedPack {
  return runSteps(validateSteps(raw, opts, new Slicer()));
}

/** The same validation in slices: an entry (a brand with its models, a term, a phrase) per unit of work. */
export function validatePackAsync(
  raw: unknown,
  opts: ValidateOptions & { pause: () => Promise<void>; onSlice?: (units: number) => void },
): Promise<ValidatedPack> {
  return driveSteps(validateSteps(raw, opts, new Slicer()), opts.pause, opts.onSlice);
}

export function* validateSteps(raw: unknown, opts: ValidateOptions, work: Slicer): Steps<ValidatedPack> {
  const w = new Warnings();
  const o = obj(raw, "", packFail, said("pack_detail_json_object"));
  warnUnknownKeys(o, TOP_KEYS, "", w);
  const meta = metadata(o, w);
  const L = PACK_LIMITS;
  if (o.brands === undefined) packFail("brands", said("pack_detail_missing"));
  const brandList = arr(o.brands, "brands", L.maxBrands, packFail);
  const vocabList = arr(o.vocabulary, "vocabulary", L.maxVocabulary, packFail);
  const phraseList = arr(o.accessoryPhrases, "accessoryPhrases", L.maxAccessoryPhrases, packFail);
  const brands = yield* dedupeBrands(yield* entries(brandList, "brands", w, brand, work), w, work);
  const vocabulary = yield* entries(vocabList, "vocabulary", w, vocabTerm, work);
  const accessoryPhrases = yield* entries(phraseList, "accessoryPhrases", w, accessoryPhrase, work);
  const stopList = arr(o.typoStopwords, "typoStopwords", L.maxTypoStopwords, packFail);
  const typoStopwords = yield* entries(stopList, "typoStopwords", w, typoStopword, work);
  const pack: RulePack = {
    ...meta,
    brands,
    vocabulary,
    accessoryPhrases,
    exchangeRates: exchangeRates(o.exchangeRates, w),
    ...(typoStopwords.length > 0 ? { typoStopwords } : {}),
  };
  const patterns = yield* patternCount(pack, work);
  if (patterns > L.maxPatterns) {
    packFail("", said("pack_detail_too_many_patterns", { count: patterns, limit: L.maxPatterns }));
  }
  if (opts.now !== undefined) timeWarnings(pack, opts.now, w);
  const warningsSaid = w.result();
  return { pack, warnings: warningsSaid.map(english), warningsSaid };
}

function timeWarnings(pack: RulePack, now: string, w: Warnings): void {
  if (!isIsoDate(now)) date(now, "options.now", packFail);
  if (isExpired(pack, now)) w.add(said("pack_warning_expired", { path: "expires", date: pack.expires ?? "" }));
  if (instant(pack.issued, false) > instant(now, false)) {
    w.add(said("pack_warning_future", { path: "issued", date: pack.issued }));
  }
}

/** True once `now` is past the pack's expiry; a date-only expiry is valid through that whole UTC day. */
export function isExpired(pack: Pick<RulePack, "expires">, now: string | Date): boolean {
  if (pack.expires === null) return false;
  const t = typeof now === "string" ? instant(now, false) : now.getTime();
  const end = instant(pack.expires, true);
  if (Number.isNaN(t) || Number.isNaN(end)) return true; // unreadable dates: fail closed, do not use the pack
  return t >= end;
}
