/**
 * The locale files (public/_locales/<code>/messages.json) against English and
 * against the code: same keys, same placeholders, every key the code uses
 * exists and every key exists for a use; Chrome's substitution rules; the
 * locale a browser language maps to.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  Catalog,
  clauseKey,
  DERIVED_PARAMS,
  formatEntry,
  LOCALES,
  type LocaleCode,
  type MessageFile,
  matchLocale,
  reasonKey,
  reasonText,
  slugKey,
} from "./i18n.ts";
import type { Condition } from "./listing.ts";
import { REGISTRY } from "./marketplaces.ts";
import type { BrandRule } from "./pack.ts";
import { PRODUCT_TYPE_IDS } from "./product-types.ts";
import { REASON_CLAUSES, REASON_CODES, type ReasonClause, type ReasonCode } from "./reason-codes.ts";
import { portalFieldKey, portalHintKey, portalNoteKey, portalRequirementKey, portalRuleKey } from "./report-portals.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const LOCALES_DIR = join(ROOT, "public", "_locales");
const read = (code: string): MessageFile =>
  JSON.parse(readFileSync(join(LOCALES_DIR, code, "messages.json"), "utf8")) as MessageFile;
const en = read("en");
const others = LOCALES.filter((l) => l.code !== "en").map((l) => l.code);

/** The $name$ tokens a message uses, lower-case, in order of first use. */
function tokens(message: string): string[] {
  return [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase()))];
}

describe("locale files", () => {
  it("exist for exactly the ten locales the UI offers, one of them right-to-left", () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(LOCALES.map((l) => l.code).sort());
    expect(LOCALES).toHaveLength(10);
    expect(LOCALES.filter((l) => l.dir === "rtl").map((l) => l.code)).toEqual(["ar"]);
  });

  it("English names every placeholder its message uses, and uses every placeholder it names", () => {
    for (const [key, entry] of Object.entries(en)) {
      const named = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
      expect(tokens(entry.message).sort(), key).toEqual([...named].sort());
      // Positional contents $1..$n, one each, so the params map onto them.
      const contents = Object.values(entry.placeholders ?? {}).map((p) => p.content);
      expect([...contents].sort(), key).toEqual(named.map((_, i) => `$${i + 1}`));
      expect(entry.message.trim().length, key).toBeGreaterThan(0);
    }
  });

  it.each(others)("%s has every key of English and no other, each with English's placeholders, all used", (code) => {
    const file = read(code);
    expect(Object.keys(file).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(file)) {
      const ref = en[key];
      expect(entry.placeholders ?? null, `${code} ${key}`).toEqual(ref?.placeholders ?? null);
      expect(tokens(entry.message).sort(), `${code} ${key}: ${entry.message}`).toEqual(
        tokens(ref?.message ?? "").sort(),
      );
      expect(entry.message.trim(), `${code} ${key}`).not.toBe("");
      expect(entry.message, `${code} ${key}`).not.toMatch(/\bTODO\b|\bFIXME\b|\?\?\?|lorem ipsum/);
    }
  });

  /**
   * A message the same as English is allowed only where the language writes it
   * so: the product's name, symbols, words the language borrowed (Webhook,
   * Portal, Marketplace, Jeans, SSD...). Anything else left in English fails.
   */
  const SAME_AS_ENGLISH: Record<Exclude<LocaleCode, "en">, string[]> = {
    es: [
      "field_marketplace",
      "webhook",
      "delivery_state_local",
      "col_bytes",
      "portal",
      "event_reference",
      "badge_medium",
      "type_perfume",
      "type_perfume_100_ml",
      // Mercado Libre's form, in Spanish: the portal's own label.
      "portal_field_mercadolibre_publication_url",
    ],
    pt_BR: [
      "field_marketplace",
      "webhook",
      "col_status",
      "delivery_state_local",
      "col_bytes",
      "portal",
      "event_reference",
      "type_perfume",
      "type_perfume_100_ml",
      "type_tablet",
    ],
    de: [
      "place_text",
      "webhook",
      "precedence_community",
      "col_version",
      "col_status",
      "col_bytes",
      "portal",
      "type_smartwatch",
      "type_tablet",
      "type_laptop",
      "type_foundation",
      "type_serum",
    ],
    fr: [
      "field_marketplace",
      "place_images",
      "trademark_office",
      "webhook",
      "col_pack",
      "col_version",
      "col_source",
      "col_actions",
      "sub_signature",
      "delivery_state_local",
      "pages",
      "by_agent",
      "by_capture",
    ],
    it: [
      "field_marketplace",
      "webhook",
      "precedence_community",
      "col_file",
      "follow_up",
      "badge_medium",
      "reason_clause_positive",
      "media_power_bank",
      "type_sneakers",
      "type_jeans",
      "type_power_bank",
      "tier_premium",
      "type_smartwatch",
      "type_tablet",
    ],
    pl: [
      "field_marketplace",
      "webhook",
      "portal",
      "by_agent",
      "tier_premium",
      "type_smartwatch",
      "type_tablet",
      "type_laptop",
      "type_serum",
    ],
    ja: ["webhook"],
    zh_CN: ["webhook"],
    ar: ["webhook"],
  };
  /** The same everywhere: the name, a placeholder in brackets, a unit, the unknown badge, the title with the score. */
  const UNIVERSAL = new Set([
    "extName",
    "evidence_where",
    "size_kb",
    "badge_unknown",
    "badge_title",
    "type_ssd",
    "as_given",
  ]);

  it.each(others)("%s leaves nothing in English but names, symbols and borrowed words", (code) => {
    const file = read(code);
    const allowed = new Set([...UNIVERSAL, ...SAME_AS_ENGLISH[code as Exclude<LocaleCode, "en">]]);
    const same = Object.keys(en).filter((k) => file[k]?.message === en[k]?.message && !allowed.has(k));
    expect(same).toEqual([]);
  });

  /**
   * Latin words in Japanese, Chinese and Arabic: product, protocol, standard and format names, JSON's literals, the
   * marketplaces' and their programmes' names, and a marketplace's own button and form labels where its site shows
   * them in Spanish.
   */
  const LATIN_ALLOWED = new Set(
    [
      "Copycatch Webhook Chrome Cookie CORS GET HTTP http https URL JSON json CSV ZIP PDF PEM JWK Base64 base64 RFC",
      "SHA-256 sha256 SSD USB UTC Polo Authorization Bearer mhtml txt manifest.tsr verify-case",
      "HTTPS PNG MHTML DER UTF-8 sig API ASIN DNS",
      // A pack validator's detail names the standard a value must follow and JSON's literals.
      "ISO BCP true false",
      "eBay VeRO IPP Walmart Brand Portal USPTO Etsy Temu DHgate Rakuten",
      "Denunciar una falsificaci",
      "Titular los derechos Derecho mero registro Oficina Motivo publicaci Descripci Contacto",
    ]
      .join(" ")
      .split(" "),
  );
  it.each(["ja", "zh_CN", "ar"])("%s uses Latin script only for product and protocol names", (code) => {
    const found = new Set<string>();
    for (const entry of Object.values(read(code))) {
      const text = entry.message.replace(/\$[A-Za-z0-9_@]+\$/g, "");
      for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9-]*(?:\.[a-z]+)*/g)) {
        const word = m[0].replace(/\.$/, "");
        if (word.length >= 3 && !LATIN_ALLOWED.has(word)) found.add(word);
      }
    }
    expect([...found]).toEqual([]);
  });
});

/**
 * The message keys the code names: t("key"), c.t("key"), <Msg k="key">, said("key") (what the worker tells as a
 * key), and prefixes of keys built from a value.
 */
function keysInCode(): { keys: Set<string>; prefixes: Set<string>; told: Set<string> } {
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  const told = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory()
        ? walk(join(dir, d.name))
        : /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)
          ? [join(dir, d.name)]
          : [],
    );
  for (const file of walk(join(ROOT, "src"))) {
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/\b(?:t|\.t|said)\(\s*"([a-z0-9_]+)"|\bk(?:=|:\s*)"([a-z0-9_]+)"/g))
      keys.add(m[1] ?? m[2] ?? "");
    for (const m of source.matchAll(/\bsaid\(\s*"([a-z0-9_]+)"/g)) told.add(m[1] as string);
    for (const m of source.matchAll(/\bk=\{[^}]*?"([a-z0-9_]+)"[^}]*?"([a-z0-9_]+)"/g)) {
      keys.add(m[1] as string);
      keys.add(m[2] as string);
    }
    for (const m of source.matchAll(/\b(?:t|\.t)\(\s*`([a-z0-9_]+)\$\{/g)) prefixes.add(m[1] as string);
    // A key chosen by a condition inside the call: t(a ? "key_one" : `key_${b}`).
    for (const m of source.matchAll(/\bt\([^;\n]*\?\s*"([a-z0-9_]+)"\s*:\s*`([a-z0-9_]+)\$\{/g)) {
      keys.add(m[1] as string);
      prefixes.add(m[2] as string);
    }
  }
  const manifest = readFileSync(join(ROOT, "manifest.json"), "utf8");
  for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(m[1] as string);
  return { keys, prefixes, told };
}

/**
 * Keys built from data rather than named in code: reason codes and clauses, kinds of item, media, conditions,
 * and the portal registry's texts (hints, notes, requirements).
 */
function dataKeys(): Set<string> {
  const media = JSON.parse(readFileSync(join(ROOT, "src/engine/data/media-capacity.json"), "utf8")) as {
    media: { kind: string }[];
  };
  const conditions: Condition[] = ["new", "used", "refurbished", "damaged"];
  const tiers: BrandRule["tier"][] = ["luxury", "premium", "mass"];
  return new Set([
    ...(Object.keys(REASON_CODES) as ReasonCode[]).map(reasonKey),
    ...(Object.keys(REASON_CLAUSES) as ReasonClause[]).map(clauseKey),
    ...PRODUCT_TYPE_IDS.map((id) => slugKey("type", id)),
    ...media.media.map((k) => slugKey("media", k.kind)),
    ...conditions.map((c) => slugKey("condition", c)),
    ...tiers.map((tier) => slugKey("tier", tier)),
    ...portalTexts().map(([key]) => key),
  ]);
}

/** Each text of the portal registry with the key its translations have: hints, notes, requirements, form labels. */
function portalTexts(): [string, string][] {
  return REGISTRY.portals.flatMap((p) => [
    [portalHintKey(p.id), p.shopper.hint] as [string, string],
    ...(p.agent.note ? [[portalNoteKey(p.id), p.agent.note] as [string, string]] : []),
    ...p.requirements.map((r, i) => [portalRequirementKey(p.id, i), r.text] as [string, string]),
    ...p.fields.map((f) => [portalFieldKey(p.id, f.key), f.label] as [string, string]),
    ...p.fields.flatMap((f) =>
      f.pattern?.note ? [[portalRuleKey(p.id, f.key), f.pattern.note] as [string, string]] : [],
    ),
  ]);
}

describe("what the worker tells as a key", () => {
  const { told } = keysInCode();
  const worded = [...told, ...portalTexts().map(([key]) => key)];
  /**
   * Keys whose message is the same in a language: only its params (everywhere), or a portal's own label in the
   * portal's language (Mercado Libre's Spanish, in Spanish).
   */
  const SAME = new Set(["as_given", "es portal_field_mercadolibre_publication_url"]);

  it.each(others)(
    "each key told by the worker or the registry is worded in %s, with English's placeholders",
    (code) => {
      expect(told.size).toBeGreaterThan(80);
      const file = read(code);
      for (const key of worded) {
        const entry = file[key];
        expect(entry, `${code} ${key}`).toBeDefined();
        expect(entry?.placeholders ?? null, `${code} ${key}`).toEqual(en[key]?.placeholders ?? null);
        if (!SAME.has(key) && !SAME.has(`${code} ${key}`)) {
          expect(entry?.message, `${code} ${key}`).not.toBe(en[key]?.message);
        }
      }
    },
  );
});

describe("keys and the code", () => {
  const { keys, prefixes } = keysInCode();
  const data = dataKeys();

  it("every key the code names exists in English", () => {
    expect(keys.size).toBeGreaterThan(300);
    expect([...keys].filter((k) => !Object.hasOwn(en, k))).toEqual([]);
    for (const p of prefixes)
      expect(
        Object.keys(en).some((k) => k.startsWith(p)),
        p,
      ).toBe(true);
  });

  it("every key built from data exists (each reason code, clause, kind of item, medium, condition)", () => {
    expect([...data].filter((k) => !Object.hasOwn(en, k))).toEqual([]);
  });

  it("each portal text of the registry is English's message of its key, word for word", () => {
    const texts = portalTexts();
    expect(texts.length).toBeGreaterThan(20);
    for (const [key, text] of texts) expect(en[key]?.message, key).toBe(text);
  });

  it("every English key has a use: named in code, built from a value, or built from data", () => {
    const unused = Object.keys(en).filter(
      (k) => !keys.has(k) && !data.has(k) && ![...prefixes].some((p) => k.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });

  it("each reason code's message takes exactly the code's params (and the UI's derived ones), in placeholder order", () => {
    for (const code of Object.keys(REASON_CODES) as ReasonCode[]) {
      const entry = en[reasonKey(code)];
      const want = [...REASON_CODES[code], ...(DERIVED_PARAMS[code] ?? [])].map((p) => p.toLowerCase());
      const got = Object.entries(entry?.placeholders ?? {}).sort((a, b) => a[1].content.localeCompare(b[1].content));
      expect(
        got.map(([name]) => name.toLowerCase()),
        code,
      ).toEqual(want);
    }
    for (const clause of Object.keys(REASON_CLAUSES) as ReasonClause[]) {
      const entry = en[clauseKey(clause)];
      expect(Object.keys(entry?.placeholders ?? {}).sort(), clause).toEqual(
        REASON_CLAUSES[clause].map((p) => p.toLowerCase()).sort(),
      );
    }
  });
});

describe("Chrome's substitution rules", () => {
  const entry = (message: string, placeholders: Record<string, string> = {}) => ({
    message,
    placeholders: Object.fromEntries(Object.entries(placeholders).map(([k, v]) => [k, { content: v }])),
  });

  it("named placeholders (any case) take their content, $1..$9 the substitutions, $$ a dollar sign", () => {
    expect(formatEntry(entry("Hi $User$, $COUNT$ new", { user: "$1", count: "$2" }), ["Ada", "3"])).toBe(
      "Hi Ada, 3 new",
    );
    expect(formatEntry(entry("Costs $$5 for $1"), ["you"])).toBe("Costs $5 for you");
    expect(formatEntry(entry("A $NAME$ B", { name: "[$1]" }), ["x"])).toBe("A [x] B");
    expect(formatEntry(entry("Missing $1 and $2."), ["one"])).toBe("Missing one and .");
    expect(formatEntry(entry("Unknown $NOPE$ stays"), [])).toBe("Unknown $NOPE$ stays");
    // A substitution is not read again for placeholders: "$2" inside a value stays as written.
    expect(formatEntry(entry("$A$ $B$", { a: "$1", b: "$2" }), ["$2", "b"])).toBe("$2 b");
  });

  it("a catalog cuts messages at their params and writes numbers the locale's way", () => {
    const c = new Catalog("de", read("de"), en);
    expect(c.t("cases_shown", { shown: 1234, total: 2000 })).toBe("1.234 von 2.000 Fällen");
    expect(c.parts("brand_claimed", { brand: "Nike" })).toEqual([
      "Angegebene Marke: ",
      { param: "brand", value: "Nike" },
    ]);
    const ar = new Catalog("ar", read("ar"), en);
    expect(ar.num(1234)).toBe("1,234");
    expect(ar.format("no_such_key")).toBe("no_such_key");
  });
});

describe("the browser's language", () => {
  it.each([
    ["en-US", "en"],
    ["es-419", "es"],
    ["es", "es"],
    ["pt-BR", "pt_BR"],
    ["pt-PT", "pt_BR"],
    ["de-AT", "de"],
    ["fr-CA", "fr"],
    ["it", "it"],
    ["pl", "pl"],
    ["ja", "ja"],
    ["zh-CN", "zh_CN"],
    ["zh", "zh_CN"],
    ["zh-Hans-SG", "zh_CN"],
    ["zh-TW", "en"],
    ["zh-Hant-HK", "en"],
    ["ar-EG", "ar"],
    ["ko", "en"],
    ["", "en"],
  ])("%s → %s", (tag, code) => {
    expect(matchLocale(tag)).toBe(code);
  });
});

describe("reasons without a code", () => {
  it("a reason saved before codes existed keeps its English message", () => {
    const old = { signal: "seller-weak", message: "New seller", weight: 1, evidence: null } as never;
    expect(reasonText(new Catalog("ja", read("ja"), en), old)).toBe("New seller");
  });
});
