/**
 * Price parsing: currency symbols and ISO 4217 codes, every common grouping
 * and decimal convention, ranges, non-Latin digits. Amounts stay normalised
 * decimal strings ("1299.00"), never floats, so no rounding ever creeps in.
 *
 * Separator rules (CLDR number patterns, https://cldr.unicode.org):
 * - two different separators ("1.299,00", "1,299.00"): the last one is decimal;
 * - one separator repeated ("1,29,999", "1.299.000"): grouping;
 * - one separator once, followed by exactly three digits ("1.299", "12,800"):
 *   grouping (prices with three decimals only exist in currencies with three
 *   minor digits, e.g. KWD, or below one unit: "0.125");
 * - otherwise decimal ("12,5", "5.99");
 * - spaces (normal, no-break, narrow, thin) and apostrophes only group.
 */
import type { Money, PriceRange } from "./listing.ts";

/** Currencies whose minor unit has three digits (ISO 4217). */
const THREE_DECIMALS = new Set(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);

const DOLLAR_CURRENCIES = new Set([
  "USD",
  "CAD",
  "AUD",
  "NZD",
  "MXN",
  "SGD",
  "HKD",
  "TWD",
  "CLP",
  "COP",
  "ARS",
  "UYU",
  "BSD",
  "BZD",
  "FJD",
  "JMD",
  "TTD",
  "NAD",
  "LRD",
  "SRD",
  "GYD",
  "BBD",
  "BMD",
  "KYD",
  "XCD",
  "DOP",
  "CUP",
]);
const KRONA_CURRENCIES = new Set(["SEK", "NOK", "DKK", "ISK"]);
const YEN_CURRENCIES = new Set(["JPY", "CNY"]);
const RUPEE_CURRENCIES = new Set(["INR", "PKR", "LKR", "NPR", "MUR", "SCR"]);
const POUND_CURRENCIES = new Set(["GBP", "EGP", "GIP", "FKP", "SHP", "SYP", "LBP"]);

/** Common ISO codes recognised in text ("EUR 12", "12 CHF"); others are accepted only as hints. */
const ISO_CODES = new Set([
  "USD",
  "EUR",
  "GBP",
  "JPY",
  "CNY",
  "RMB",
  "INR",
  "CAD",
  "AUD",
  "NZD",
  "MXN",
  "BRL",
  "ARS",
  "CLP",
  "COP",
  "PEN",
  "UYU",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "ISK",
  "PLN",
  "CZK",
  "HUF",
  "RON",
  "BGN",
  "HRK",
  "RSD",
  "RUB",
  "UAH",
  "BYN",
  "KZT",
  "TRY",
  "ILS",
  "AED",
  "SAR",
  "QAR",
  "KWD",
  "BHD",
  "OMR",
  "JOD",
  "EGP",
  "MAD",
  "TND",
  "ZAR",
  "NGN",
  "KES",
  "GHS",
  "KRW",
  "TWD",
  "HKD",
  "SGD",
  "MYR",
  "IDR",
  "THB",
  "VND",
  "PHP",
  "PKR",
  "BDT",
  "LKR",
  "NPR",
]);

/**
 * Symbols and local abbreviations, longest first so "US $" wins over "$" and
 * "R$" over "R". `null` marks an ambiguous symbol resolved by the hint.
 */
const SYMBOLS: readonly (readonly [string, string | null])[] = [
  ["US $", "USD"],
  ["US$", "USD"],
  ["USD$", "USD"],
  ["CA $", "CAD"],
  ["CA$", "CAD"],
  ["CAD$", "CAD"],
  ["C $", "CAD"],
  ["C$", "CAD"],
  ["AU $", "AUD"],
  ["AU$", "AUD"],
  ["A $", "AUD"],
  ["A$", "AUD"],
  ["NZ$", "NZD"],
  ["HK$", "HKD"],
  ["NT$", "TWD"],
  ["S$", "SGD"],
  ["MX$", "MXN"],
  ["R$", "BRL"],
  ["S/.", "PEN"],
  ["S/", "PEN"],
  ["E£", "EGP"],
  ["CHF", "CHF"],
  ["Fr.", "CHF"],
  ["zł", "PLN"],
  ["Kč", "CZK"],
  ["Ft", "HUF"],
  ["kn", "HRK"],
  ["Kn", "HRK"],
  ["lei", "RON"],
  ["лв", "BGN"],
  ["руб", "RUB"],
  ["₽", "RUB"],
  ["₴", "UAH"],
  ["грн", "UAH"],
  ["₸", "KZT"],
  ["₺", "TRY"],
  ["TL", "TRY"],
  ["₪", "ILS"],
  ["د.إ", "AED"],
  ["ر.س", "SAR"],
  ["ج.م", "EGP"],
  ["₦", "NGN"],
  ["KSh", "KES"],
  ["₩", "KRW"],
  ["원", "KRW"],
  ["₫", "VND"],
  ["₱", "PHP"],
  ["฿", "THB"],
  ["RM", "MYR"],
  ["Rp", "IDR"],
  ["₹", "INR"],
  ["Rs.", null],
  ["Rs", null],
  ["₨", null],
  ["৳", "BDT"],
  ["€", "EUR"],
  ["£", null],
  ["円", "JPY"],
  ["元", "CNY"],
  ["¥", null],
  ["kr.", null],
  ["kr", null],
  ["Kr", null],
  ["$", null],
  ["R", "ZAR"],
];

/** Resolves an ambiguous symbol with the hint when the hint is of the same family, else the usual default. */
function resolveAmbiguous(symbol: string, hint: string | null): string | null {
  const family =
    symbol === "$"
      ? DOLLAR_CURRENCIES
      : symbol === "¥"
        ? YEN_CURRENCIES
        : symbol.startsWith("R") || symbol === "₨"
          ? RUPEE_CURRENCIES
          : symbol === "£"
            ? POUND_CURRENCIES
            : KRONA_CURRENCIES;
  if (hint && family.has(hint)) return hint;
  if (symbol === "$") return "USD";
  if (symbol === "¥") return "JPY";
  if (symbol === "£") return "GBP";
  if (family === RUPEE_CURRENCIES) return "INR";
  return null; // kr without a hint: Swedish, Norwegian, Danish or Icelandic, the page does not say.
}

/** Arabic-Indic, Persian and full-width digits to ASCII; exotic spaces to a plain space; Arabic separators to Latin. */
export function normaliseDigits(input: string): string {
  let out = "";
  for (const ch of input) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x660 && c <= 0x669) out += String.fromCharCode(c - 0x660 + 48);
    else if (c >= 0x6f0 && c <= 0x6f9) out += String.fromCharCode(c - 0x6f0 + 48);
    else if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48);
    else if (c === 0x66b)
      out += "."; // ARABIC DECIMAL SEPARATOR
    else if (c === 0x66c)
      out += ","; // ARABIC THOUSANDS SEPARATOR
    else if (c === 0xff0c) out += ",";
    else if (c === 0xff0e) out += ".";
    else if (c === 0xffe5) out += "¥";
    else if (c === 0xff04) out += "$";
    else if (c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0x2002 || c === 0x2003) out += " ";
    else if (c === 0x2019 || c === 0x2bc || c === 0x2032) out += "'";
    else out += ch;
  }
  return out;
}

// A number: digits with grouping/decimal separators between digit runs; an optional trailing ",-" / ".–" means ".00".
const NUMBER = /\d+(?:(?:[.,']|\s(?=\d{3}(?!\d)))\d+)*(?:[.,](?:-+|–|—))?/g;

interface NumberToken {
  raw: string;
  index: number;
  end: number;
}

function numberTokens(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    // Percentages are discounts, not prices.
    if (/^\s?%/.test(text.slice(end, end + 2))) continue;
    out.push({ raw: m[0], index, end });
  }
  return out;
}

/** "1.299,00" → "1299.00"; null when the token is not a plausible amount. */
export function normaliseAmount(raw: string, currency: string | null = null): string | null {
  let s = raw.replace(/[.,](?:-+|–|—)$/, "");
  s = s.replace(/[\s']/g, "");
  const seps = [...s.matchAll(/[.,]/g)].map((m) => ({ ch: m[0], at: m.index ?? 0 }));
  let intPart = s;
  let decPart = "";
  const last = seps[seps.length - 1];
  if (last) {
    const kinds = new Set(seps.map((x) => x.ch));
    const after = s.length - last.at - 1;
    let lastIsDecimal: boolean;
    if (kinds.size > 1) lastIsDecimal = true;
    else if (seps.length > 1) lastIsDecimal = false;
    else if (after === 3) {
      const head = s.slice(0, last.at);
      lastIsDecimal = /^0+$/.test(head) || (currency !== null && THREE_DECIMALS.has(currency));
    } else lastIsDecimal = true;
    if (lastIsDecimal) {
      intPart = s.slice(0, last.at);
      decPart = s.slice(last.at + 1);
      if (intPart.includes(last.ch)) return null; // "1,2,3,4" read as decimal: not a number
    }
    // Groups after the first have three digits (two in Indian lakh grouping, "1,29,999"); "1.2.3" is no number.
    if (intPart.split(/[.,]/).some((g, i) => i > 0 && g.length !== 3 && g.length !== 2)) return null;
    intPart = intPart.replace(/[.,]/g, "");
  }
  if (!/^\d+$/.test(intPart) || (decPart && !/^\d+$/.test(decPart))) return null;
  intPart = intPart.replace(/^0+(?=\d)/, "");
  if (intPart.length > 15 || decPart.length > 6) return null;
  return decPart ? `${intPart}.${decPart}` : intPart;
}

const FREE = /^(?:free|gratis|gratuit|kostenlos|gratuito|darmowa|zdarma|無料|免费)$/i;

function findCurrency(text: string, hint: string | null): string | null {
  for (const m of text.matchAll(/(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])/g)) {
    const code = m[1] ?? "";
    if (ISO_CODES.has(code)) return code === "RMB" ? "CNY" : code;
  }
  for (const [symbol, code] of SYMBOLS) {
    const i = text.indexOf(symbol);
    if (i < 0) continue;
    // Letter symbols must stand alone: "R 1 299" is rand, "Rabatt" is not; "kr" not inside "Kreditkarte".
    if (/^[A-Za-z]/.test(symbol)) {
      const before = text[i - 1] ?? " ";
      const after = text[i + symbol.length] ?? " ";
      if (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after)) continue;
    }
    return code ?? resolveAmbiguous(symbol, hint);
  }
  return hint;
}

/**
 * The first price in `text`: `{amount, currency}` or null ("Free", empty, no
 * digits). A range yields its lower bound (see parsePriceRange for both).
 * `currencyHint` (ISO code, e.g. from currencyHintForHost) resolves ambiguous
 * symbols and fills in when the text names no currency.
 */
export function parsePrice(text: string | number | null | undefined, currencyHint: string | null = null): Money | null {
  if (text === null || text === undefined) return null;
  if (typeof text === "number") return parseNumberPrice(text, currencyHint);
  const s = normaliseDigits(text).trim();
  if (!s || FREE.test(s)) return null;
  const hint = currencyHint && /^[A-Z]{3}$/.test(currencyHint) ? currencyHint : null;
  const currency = findCurrency(s, hint);
  for (const token of numberTokens(s)) {
    const amount = normaliseAmount(token.raw, currency);
    if (amount !== null) return { amount, currency };
  }
  return null;
}

function parseNumberPrice(n: number, currency: string | null): Money | null {
  if (!Number.isFinite(n) || n < 0) return null;
  // JSON numbers: the shortest round-trip form ("12.5"), never exponent notation for prices.
  const s = n.toString();
  if (/e/i.test(s)) return null;
  return { amount: s, currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null };
}

/**
 * A machine-readable amount (schema.org `price`, `og:price:amount`): a plain
 * decimal with "." is taken as is (schema.org requires "." as decimal
 * separator, so "1.299" there means 1.299... except that real pages write
 * "1.299" for 1299 in dot-grouping locales; with three decimals and a currency
 * of two minor digits, grouping is the reading that is right in practice).
 */
export function parseStructuredPrice(value: unknown, currency: string | null): Money | null {
  const cur =
    typeof currency === "string" && /^[A-Z]{3}$/i.test(currency.trim()) ? currency.trim().toUpperCase() : null;
  if (typeof value === "number") return parseNumberPrice(value, cur);
  if (typeof value !== "string") return null;
  const v = normaliseDigits(value).trim();
  if (/^\d+(\.\d{1,2})?$/.test(v) || /^0\.\d+$/.test(v)) {
    return { amount: v.replace(/^0+(?=\d)/, ""), currency: cur };
  }
  if (/^\d+\.\d{4,6}$/.test(v)) return { amount: v.replace(/^0+(?=\d)/, ""), currency: cur };
  return parsePrice(v, cur);
}

const RANGE_DASH = /^(?:-|–|—|~|〜|～|to|bis|à|a|до|até|hasta)$/i;
// Currency marks that may repeat before the second bound: "$5.99 - $12.99", "5,99 € – 12,99 €".
const CURRENCY_MARKS = /[A-Z]{3}|US|[$€£¥₹₽₺₩₫₱₪฿]|zł|kr\.?|\s+/g;

/** "US $5.99 - 12.99" → {min 5.99 USD, max 12.99 USD}; null unless the text is a range of two prices. */
export function parsePriceRange(
  text: string | null | undefined,
  currencyHint: string | null = null,
): PriceRange | null {
  if (!text) return null;
  const s = normaliseDigits(text).trim();
  const hint = currencyHint && /^[A-Z]{3}$/.test(currencyHint) ? currencyHint : null;
  const tokens = numberTokens(s);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!a || !b) continue;
    if (!RANGE_DASH.test(s.slice(a.end, b.index).replace(CURRENCY_MARKS, ""))) continue;
    const currency = findCurrency(s, hint);
    const min = normaliseAmount(a.raw, currency);
    const max = normaliseAmount(b.raw, currency);
    if (min === null || max === null) return null;
    return { min: { amount: min, currency }, max: { amount: max, currency } };
  }
  return null;
}

/** Compares two decimal strings numerically without floats: -1, 0, 1. */
export function compareAmounts(a: string, b: string): number {
  const [ai = "0", af = ""] = a.split(".");
  const [bi = "0", bf = ""] = b.split(".");
  const ain = ai.replace(/^0+/, "");
  const bin = bi.replace(/^0+/, "");
  if (ain.length !== bin.length) return ain.length < bin.length ? -1 : 1;
  if (ain !== bin) return ain < bin ? -1 : 1;
  const len = Math.max(af.length, bf.length);
  const afp = af.padEnd(len, "0");
  const bfp = bf.padEnd(len, "0");
  return afp === bfp ? 0 : afp < bfp ? -1 : 1;
}

export function sameAmount(a: Money | null, b: Money | null): boolean {
  return a !== null && b !== null && compareAmounts(a.amount, b.amount) === 0;
}

const EURO_TLDS = [
  "de",
  "fr",
  "it",
  "es",
  "nl",
  "be",
  "at",
  "ie",
  "pt",
  "fi",
  "gr",
  "sk",
  "si",
  "ee",
  "lv",
  "lt",
  "lu",
  "mt",
  "cy",
  "hr",
  "eu",
];
const TLD_CURRENCY: Record<string, string> = {
  ...Object.fromEntries(EURO_TLDS.map((t) => [t, "EUR"])),
  uk: "GBP",
  gb: "GBP",
  jp: "JPY",
  cn: "CNY",
  in: "INR",
  ca: "CAD",
  au: "AUD",
  nz: "NZD",
  mx: "MXN",
  br: "BRL",
  ar: "ARS",
  cl: "CLP",
  pe: "PEN",
  uy: "UYU",
  ec: "USD",
  us: "USD",
  pl: "PLN",
  cz: "CZK",
  hu: "HUF",
  ro: "RON",
  bg: "BGN",
  rs: "RSD",
  se: "SEK",
  no: "NOK",
  dk: "DKK",
  is: "ISK",
  ch: "CHF",
  li: "CHF",
  ru: "RUB",
  ua: "UAH",
  by: "BYN",
  kz: "KZT",
  tr: "TRY",
  il: "ILS",
  ae: "AED",
  sa: "SAR",
  qa: "QAR",
  kw: "KWD",
  bh: "BHD",
  om: "OMR",
  jo: "JOD",
  eg: "EGP",
  ma: "MAD",
  tn: "TND",
  za: "ZAR",
  ng: "NGN",
  ke: "KES",
  gh: "GHS",
  kr: "KRW",
  tw: "TWD",
  hk: "HKD",
  sg: "SGD",
  my: "MYR",
  id: "IDR",
  th: "THB",
  vn: "VND",
  ph: "PHP",
  pk: "PKR",
  bd: "BDT",
  lk: "LKR",
  np: "NPR",
};
/** Second-level domains that make a ccTLD unambiguous ("mercadolibre.com.co"); a bare ".co" is used worldwide. */
const BARE_ONLY_WITH_SLD = new Set(["co", "ve"]);
const SLD_CURRENCY: Record<string, string> = { co: "COP", ve: "VES" };

/** The currency a host most likely prices in: amazon.co.jp → JPY, ebay.de → EUR, mercadolibre.com.co → COP; null for .com and friends. */
export function currencyHintForHost(host: string): string | null {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  const tld = labels[labels.length - 1] ?? "";
  const sld = labels[labels.length - 2] ?? "";
  if (BARE_ONLY_WITH_SLD.has(tld)) {
    return labels.length >= 3 && /^(com|net|org|gov|gob|edu)$/.test(sld) ? (SLD_CURRENCY[tld] ?? null) : null;
  }
  return TLD_CURRENCY[tld] ?? null;
}

/**
 * Host first, then a country in the path of global domains ("ikea.com/gb/en/",
 * "example.com/en-ca/"), a common convention of multi-country shops.
 */
export function currencyHintForUrl(url: URL): string | null {
  const byHost = currencyHintForHost(url.hostname);
  if (byHost) return byHost;
  const seg = url.pathname.split("/").filter(Boolean).slice(0, 2);
  for (const s of seg) {
    const m = s.toLowerCase().match(/^(?:[a-z]{2}[-_])?([a-z]{2})$/);
    const cc = m?.[1];
    if (cc && cc !== "en" && TLD_CURRENCY[cc]) return TLD_CURRENCY[cc] ?? null;
  }
  return null;
}
