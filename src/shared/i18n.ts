/**
 * The UI's words in the user's language: the locales Copycatch speaks, the
 * messages of `public/_locales/<code>/messages.json` (Chrome's i18n format,
 * shipped at the extension's root) and Chrome's substitution rules, applied
 * here because `browser.i18n.getMessage` cannot switch language at run time
 * and the options page lets the user choose one. Pure: loading the files and
 * reading the user's choice is i18n-browser.ts's job; Node tests read the same
 * files from disk.
 *
 * Keys are typed from the English file, and so are each key's named params
 * (its placeholders). Reports, notices and cases stay in English: they are
 * legal notices and the engine's `message` (docs/i18n.md).
 */
import EN from "../../public/_locales/en/messages.json" with { type: "json" };
import { clausesOf, REASON_CODES, type ReasonClause, type ReasonCode } from "./reason-codes.ts";
import type { Reason } from "./verdict.ts";

export type Messages = typeof EN;
export type MessageKey = keyof Messages;
type PlaceholderOf<K extends MessageKey> = Messages[K] extends { placeholders: infer P } ? keyof P & string : never;
/** The params a key takes, named by its placeholders: none, or one object with all of them. */
export type ParamsOf<K extends MessageKey> = [PlaceholderOf<K>] extends [never]
  ? []
  : [Record<PlaceholderOf<K>, string | number>];

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessageFile = Record<string, MessageEntry>;

export interface Locale {
  /** The `_locales` folder name. */
  code: string;
  /** BCP 47 tag for `lang` and Intl. */
  tag: string;
  /** The language's own name, as the language picker shows it. */
  name: string;
  dir: "ltr" | "rtl";
}

export const LOCALES = [
  { code: "en", tag: "en", name: "English", dir: "ltr" },
  { code: "es", tag: "es", name: "Español", dir: "ltr" },
  { code: "pt_BR", tag: "pt-BR", name: "Português (Brasil)", dir: "ltr" },
  { code: "de", tag: "de", name: "Deutsch", dir: "ltr" },
  { code: "fr", tag: "fr", name: "Français", dir: "ltr" },
  { code: "it", tag: "it", name: "Italiano", dir: "ltr" },
  { code: "pl", tag: "pl", name: "Polski", dir: "ltr" },
  { code: "ja", tag: "ja", name: "日本語", dir: "ltr" },
  { code: "zh_CN", tag: "zh-CN", name: "简体中文", dir: "ltr" },
  { code: "ar", tag: "ar", name: "العربية", dir: "rtl" },
] as const satisfies readonly Locale[];

export type LocaleCode = (typeof LOCALES)[number]["code"];

/** storage.local key of the user's choice: a locale code, absent for "the browser's language". */
export const LANGUAGE_KEY = "ui-language";
export const DEFAULT_LOCALE: LocaleCode = "en";

export function isLocaleCode(raw: unknown): raw is LocaleCode {
  return typeof raw === "string" && LOCALES.some((l) => l.code === raw);
}

export function localeOf(code: LocaleCode): Locale {
  return LOCALES.find((l) => l.code === code) ?? LOCALES[0];
}

/**
 * The locale for a browser language tag ("de-AT", "pt-PT", "zh-Hans-SG"): the
 * exact locale, else the one of the same language. Chinese maps to Simplified
 * only for Simplified scripts and regions (zh, zh-CN, zh-SG, zh-Hans…):
 * Traditional readers get English, as Chrome's own fallback would give them.
 */
export function matchLocale(tag: string | null | undefined): LocaleCode {
  const parts = (tag ?? "").replace(/_/g, "-").toLowerCase().split("-");
  const lang = parts[0] ?? "";
  if (lang === "zh") {
    const rest = parts.slice(1);
    const traditional = rest.some((p) => ["hant", "tw", "hk", "mo"].includes(p)) && !rest.includes("hans");
    return traditional ? DEFAULT_LOCALE : "zh_CN";
  }
  return LOCALES.find((l) => l.tag.toLowerCase().split("-")[0] === lang)?.code ?? DEFAULT_LOCALE;
}

/**
 * Chrome's substitution: `$name$` (any case) takes its placeholder's content,
 * then `$1`…`$9` take the substitutions (a missing one is empty) and `$$` is a
 * dollar sign. Placeholder contents are substituted in, never re-read for
 * other placeholders' names.
 */
export function formatEntry(entry: MessageEntry, subs: readonly string[]): string {
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const withContents = entry.message.replace(/\$([a-zA-Z0-9_@]+)\$/g, (all, name: string) => {
    const content = named.get(name.toLowerCase());
    return content === undefined ? all : content;
  });
  return withContents.replace(/\$(\$|[1-9])/g, (_all, c: string) => (c === "$" ? "$" : (subs[Number(c) - 1] ?? "")));
}

/** A placeholder's position ($1 → 0) when its content is exactly one substitution, else null. */
function slotOf(content: string): number | null {
  const m = /^\$([1-9])$/.exec(content);
  return m ? Number(m[1]) - 1 : null;
}

/** Part of a formatted message: text of the message, or a param's value (listing text the UI isolates). */
export type Part = string | { param: string; value: string };

const MARK = "\uE000";
const MARK_END = "\uE001";

export class Catalog {
  readonly locale: Locale;
  private readonly number: Intl.NumberFormat;
  constructor(
    readonly code: LocaleCode,
    private readonly messages: MessageFile,
    private readonly fallback: MessageFile = messages,
  ) {
    this.locale = localeOf(code);
    this.number = new Intl.NumberFormat(this.intlTag);
  }

  /** Intl's tag: Arabic keeps Western digits, as the marketplaces' Arabic pages and the quoted prices do. */
  get intlTag(): string {
    return this.locale.code === "ar" ? "ar-u-nu-latn" : this.locale.tag;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.messages, key) || Object.hasOwn(this.fallback, key);
  }

  private entry(key: string): MessageEntry | null {
    return (Object.hasOwn(this.messages, key) ? this.messages[key] : this.fallback[key]) ?? null;
  }

  /** A typed key with its named params; numbers are written the locale's way. */
  t<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
    return this.format(key, (params[0] ?? {}) as Record<string, string | number>);
  }

  /** Any key (reason codes, kinds of item) with named params; the key itself when no file has it. */
  format(key: string, params: Record<string, string | number> = {}): string {
    return this.parts(key, params)
      .map((p) => (typeof p === "string" ? p : p.value))
      .join("");
  }

  /** The message cut at its params, so the UI can isolate each value (`<bdi>`). */
  parts(key: string, params: Record<string, string | number> = {}): Part[] {
    const entry = this.entry(key);
    if (!entry) return [key];
    const values = new Map(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
    const subs: string[] = [];
    const names: string[] = [];
    for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
      const slot = slotOf(ph.content);
      if (slot === null) continue;
      names[slot] = name;
      subs[slot] = `${MARK}${slot}${MARK_END}`;
    }
    const text = formatEntry(entry, subs);
    const out: Part[] = [];
    for (const piece of text.split(new RegExp(`(${MARK}\\d${MARK_END})`))) {
      if (piece === "") continue;
      const m = new RegExp(`^${MARK}(\\d)${MARK_END}$`).exec(piece);
      if (!m) {
        out.push(piece);
        continue;
      }
      const name = names[Number(m[1])] ?? "";
      const v = values.get(name.toLowerCase());
      out.push({ param: name, value: v === undefined ? "" : typeof v === "number" ? this.num(v) : v });
    }
    return out;
  }

  num(n: number, options?: Intl.NumberFormatOptions): string {
    return options ? new Intl.NumberFormat(this.intlTag, options).format(n) : this.number.format(n);
  }

  money(amount: number, currency: string, digits?: number): string {
    try {
      return new Intl.NumberFormat(this.intlTag, {
        style: "currency",
        currency,
        ...(digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      }).format(amount);
    } catch {
      return `${this.num(amount)} ${currency}`;
    }
  }

  /** "a, b and c" the locale's way. */
  list(items: string[]): string {
    return new Intl.ListFormat(this.intlTag, { type: "conjunction", style: "long" }).format(items);
  }

  /** A language's name in this locale ("en" → "inglés"), or the code when Intl does not know it. */
  languageName(code: string): string {
    try {
      return new Intl.DisplayNames(this.intlTag, { type: "language" }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  /** A date and time the locale's way. */
  dateTime(iso: string): string {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(this.intlTag);
  }
}

/** The message key of a reason code ("price-below-model" → "reason_price_below_model"). */
export function reasonKey(code: string): string {
  return `reason_${code.replace(/-/g, "_")}`;
}

/** The message key of an optional clause ("memberSince" → "reason_clause_member_since"). */
export function clauseKey(clause: ReasonClause): string {
  return `reason_clause_${clause.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}

/** The key of a slug-named word ("perfume 100 ml" → "type_perfume_100_ml"). */
export function slugKey(prefix: string, slug: string): string {
  return `${prefix}_${slug.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
}

/** The facts of a weak seller record: listed (Intl.ListFormat) into the sentence's one param, `facts`. */
const LISTED: ReasonClause[] = ["ratings", "positive", "memberSince"];

/** Params a code's sentence takes besides the engine's: built here from the reason's optional groups. */
export const DERIVED_PARAMS: Partial<Record<ReasonCode, readonly string[]>> = { "seller-weak": ["facts"] };

/** A reason's params as the locale writes them: amounts as money, a language code as the language's name… */
function localParams(c: Catalog, r: Reason): Record<string, string | number> {
  const p = r.params;
  const out: Record<string, string | number> = { ...p };
  const usd = (v: unknown, digits?: number) => (typeof v === "number" ? c.money(v, "USD", digits) : String(v ?? ""));
  if (r.code === "price-below-type-floor-native") {
    out.reference = typeof p.reference === "number" ? c.money(p.reference, String(p.currency)) : String(p.reference);
  } else if (r.code.startsWith("price-below-")) {
    out.price = usd(p.price, 2);
    out.reference = usd(p.reference, 0);
  }
  if (r.code === "capacity-implausible") {
    out.price = usd(p.price, 2);
    out.perUnit = usd(p.perUnit, 3);
    out.floor = usd(p.floor, 3);
    out.kind = c.format(slugKey("media", String(p.kind)));
    out.unit = p.unit === "mAh" ? "1000 mAh" : String(p.unit);
  }
  if (typeof p.lang === "string") out.lang = c.languageName(p.lang);
  if (typeof p.type === "string") out.type = c.format(slugKey("type", p.type));
  if (typeof p.condition === "string") out.condition = c.format(slugKey("condition", p.condition));
  if (typeof p.tier === "string") out.tier = c.format(slugKey("tier", p.tier));
  if (typeof p.multiple === "number") out.multiple = c.num(p.multiple);
  if (typeof p.rateFactor === "number") out.rateFactor = c.num(p.rateFactor, { minimumFractionDigits: 2 });
  if (typeof p.street === "number") out.street = c.num(p.street);
  if (typeof p.regional === "number") out.regional = c.num(p.regional);
  return out;
}

/**
 * A reason in the catalog's language, in parts (param values apart, for
 * isolation): its code's sentence, then its optional clauses. A reason
 * without a known code (a case saved before codes existed) keeps its English
 * message.
 */
export function reasonParts(c: Catalog, r: Reason): Part[] {
  const code = (r as Partial<Reason>).code;
  if (!code || !Object.hasOwn(REASON_CODES, code) || !c.has(reasonKey(code)) || !r.params) return [r.message];
  const params = localParams(c, r);
  const clauses = clausesOf(r.params);
  const out: Part[] = [];
  const listed = clauses.filter((k) => LISTED.includes(k));
  if (code === "seller-weak") {
    const facts = c.list(listed.map((k) => c.format(clauseKey(k), params)));
    out.push(...c.parts(reasonKey(code), { facts }));
  } else {
    out.push(...c.parts(reasonKey(code), params));
  }
  for (const k of clauses) {
    if (LISTED.includes(k)) continue;
    const clause = c.parts(clauseKey(k), params);
    // Full-width brackets (Chinese, Japanese) bring their own spacing.
    out.push(...(/^[（【「]/.test(typeof clause[0] === "string" ? clause[0] : "") ? [] : [" "]), ...clause);
  }
  return out;
}

export function reasonText(c: Catalog, r: Reason): string {
  return reasonParts(c, r)
    .map((p) => (typeof p === "string" ? p : p.value))
    .join("");
}

/** English, bundled with every page: the catalog before any other is loaded, and every other's fallback. */
export const ENGLISH_MESSAGES: MessageFile = EN;
export const ENGLISH = new Catalog("en", ENGLISH_MESSAGES);

let active: Catalog = ENGLISH;

/** The catalog the UI words itself with (i18n-browser.ts sets it before a page renders). */
export function ui(): Catalog {
  return active;
}

export function setActiveCatalog(c: Catalog): void {
  active = c;
}

/** A typed key in the active catalog's language. */
export function t<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
  return active.t(key, ...params);
}
