/**
 * schema/rule-pack.schema.json is what pack authors see; validatePack is what
 * runs. These tests keep them in step without a JSON Schema library: a small
 * evaluator for the keywords the schema uses checks the default pack and a few
 * broken ones, and the schema's limits are compared with PACK_LIMITS.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MARKETPLACES } from "./listing.ts";
import { BRAND_TIERS, PACK_LIMITS, VOCAB_KINDS, validatePack } from "./pack-validate.ts";

type Schema = Record<string, unknown>;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const schema = JSON.parse(readFileSync(join(ROOT, "schema/rule-pack.schema.json"), "utf8")) as Schema;
const defaultPack: unknown = JSON.parse(readFileSync(join(ROOT, "public/packs/default.json"), "utf8"));

const SUPPORTED = new Set([
  "$schema",
  "$id",
  "$defs",
  "$ref",
  "title",
  "description",
  "default",
  "type",
  "const",
  "enum",
  "required",
  "properties",
  "additionalProperties",
  "propertyNames",
  "maxProperties",
  "items",
  "maxItems",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "anyOf",
]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === "number" && actual === "integer");
}

function resolve(ref: string): Schema {
  const name = ref.replace("#/$defs/", "");
  const def = (schema.$defs as Record<string, Schema>)[name];
  if (!def) throw new Error(`unresolved $ref ${ref}`);
  return def;
}

/** Errors of `v` against `s`, as "path: message". Covers exactly the keywords in SUPPORTED. */
function check(v: unknown, s: Schema, path = "$"): string[] {
  const errors: string[] = [];
  const fail = (m: string) => errors.push(`${path}: ${m}`);
  for (const k of Object.keys(s)) if (!SUPPORTED.has(k)) fail(`schema keyword ${k} not supported by this test`);
  if (typeof s.$ref === "string") errors.push(...check(v, resolve(s.$ref), path));
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => typeMatches(v, t))) return [...errors, `${path}: expected ${types.join("|")}`];
  }
  if ("const" in s && v !== s.const) fail(`expected ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(v)) fail("not in enum");
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => check(v, sub as Schema, path).length === 0)) fail("no anyOf");
  if (typeof v === "string") {
    if (typeof s.minLength === "number" && v.length < s.minLength) fail("too short");
    if (typeof s.maxLength === "number" && v.length > s.maxLength) fail("too long");
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(v)) fail(`does not match ${s.pattern}`);
  }
  if (typeof v === "number") {
    if (typeof s.minimum === "number" && v < s.minimum) fail("below minimum");
    if (typeof s.maximum === "number" && v > s.maximum) fail("above maximum");
    if (typeof s.exclusiveMinimum === "number" && v <= s.exclusiveMinimum) fail("not above exclusiveMinimum");
  }
  if (Array.isArray(v)) {
    if (typeof s.maxItems === "number" && v.length > s.maxItems) fail("too many items");
    if (s.items) for (const [i, item] of v.entries()) errors.push(...check(item, s.items as Schema, `${path}[${i}]`));
  }
  if (typeOf(v) === "object") errors.push(...checkObject(v as Record<string, unknown>, s, path));
  return errors;
}

function checkObject(o: Record<string, unknown>, s: Schema, path: string): string[] {
  const errors: string[] = [];
  const props = (s.properties ?? {}) as Record<string, Schema>;
  for (const r of (s.required ?? []) as string[]) if (!(r in o)) errors.push(`${path}: missing ${r}`);
  if (typeof s.maxProperties === "number" && Object.keys(o).length > s.maxProperties) errors.push(`${path}: too big`);
  for (const [k, v] of Object.entries(o)) {
    if (s.propertyNames) errors.push(...check(k, s.propertyNames as Schema, `${path}.${k} (name)`));
    const sub = props[k];
    if (sub) errors.push(...check(v, sub, `${path}.${k}`));
    else if (s.additionalProperties === false) errors.push(`${path}: unknown property ${k}`);
    else if (typeof s.additionalProperties === "object") {
      errors.push(...check(v, s.additionalProperties as Schema, `${path}.${k}`));
    }
  }
  return errors;
}

function def(name: string): Schema {
  return resolve(`#/$defs/${name}`);
}

function prop(s: Schema, name: string): Schema {
  const p = (s.properties as Record<string, Schema>)[name];
  if (!p) throw new Error(`no property ${name}`);
  return p;
}

describe("schema/rule-pack.schema.json", () => {
  it("is draft 2020-12", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("accepts the default pack", () => {
    expect(check(defaultPack, schema)).toEqual([]);
  });

  it("accepts the example pack of docs/rule-packs.md, which also validates without warnings", () => {
    const doc = readFileSync(join(ROOT, "docs/rule-packs.md"), "utf8");
    const example = /```json\n(\{\n {2}"\$schema"[\s\S]*?\n\})\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const raw: unknown = JSON.parse(example ?? "null");
    expect(check(raw, schema)).toEqual([]);
    expect(validatePack(raw).warnings).toEqual([]);
  });

  it("refuses broken packs the runtime validator also refuses", () => {
    const base = defaultPack as Record<string, unknown>;
    const brands = base.brands as Record<string, unknown>[];
    expect(check({ ...base, format: 2 }, schema)).not.toEqual([]);
    expect(check({ ...base, version: 1.5 }, schema)).not.toEqual([]);
    expect(check({ ...base, id: "Not An Id" }, schema)).not.toEqual([]);
    expect(check({ ...base, brands: [{ ...brands[0], tier: "ultra" }] }, schema)).not.toEqual([]);
    expect(check({ ...base, brands: [{ ...brands[0], domains: ["https://x.com/"] }] }, schema)).not.toEqual([]);
    const price = { amount: 12.5, currency: "USD", date: "2024", source: "s" };
    expect(check({ ...base, brands: [{ ...brands[0], referencePrice: price }] }, schema)).not.toEqual([]);
    expect(check({ ...base, vocabulary: [{ term: "x", lang: "en", kind: "replica", weight: 9 }] }, schema)).not.toEqual(
      [],
    );
  });

  it("states the same limits, enums and marketplaces as the runtime validator", () => {
    const L = PACK_LIMITS;
    const top = schema.properties as Record<string, Schema>;
    expect(top.brands?.maxItems).toBe(L.maxBrands);
    expect(top.vocabulary?.maxItems).toBe(L.maxVocabulary);
    expect(top.accessoryPhrases?.maxItems).toBe(L.maxAccessoryPhrases);
    expect(top.typoStopwords?.maxItems).toBe(L.maxTypoStopwords);
    expect(def("phrase").maxLength).toBe(L.maxPhraseLength);
    const brand = def("brand");
    expect(prop(brand, "aliases").maxItems).toBe(L.maxAliasesPerBrand);
    expect(prop(brand, "models").maxItems).toBe(L.maxModelsPerBrand);
    expect(prop(brand, "categories").maxItems).toBe(L.maxCategoriesPerBrand);
    expect(prop(brand, "domains").maxItems).toBe(L.maxDomainsPerBrand);
    expect(prop(brand, "officialStores").maxItems).toBe(L.maxSellersPerBrand);
    expect(prop(brand, "authorisedSellers").maxItems).toBe(L.maxSellersPerBrand);
    expect(prop(def("model"), "aliases").maxItems).toBe(L.maxAliasesPerModel);
    expect(prop(def("exchangeRates"), "rates").maxProperties).toBe(L.maxExchangeRates);
    expect(prop(brand, "tier").enum).toEqual(BRAND_TIERS);
    expect(prop(def("vocabTerm"), "kind").enum).toEqual(VOCAB_KINDS);
    expect(prop(def("sellerRef"), "marketplace").enum).toEqual([...MARKETPLACES, "*"]);
  });
});

describe("schema: price floors", () => {
  it("lists exactly the product types of src/shared/product-types.json", async () => {
    const { PRODUCT_TYPE_IDS } = await import("./product-types.ts");
    const defs = schema.$defs as Record<string, { properties: Record<string, { enum?: string[] }> }>;
    expect(defs.priceFloor?.properties.type?.enum).toEqual([...PRODUCT_TYPE_IDS]);
  });
});
