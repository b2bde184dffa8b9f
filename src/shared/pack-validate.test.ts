import { describe, expect, it } from "vitest";
import { checkPackSize, isExpired, isIsoDate, PACK_LIMITS, PackError, validatePack } from "./pack-validate.ts";

type Json = Record<string, unknown>;

function brand(over: Json = {}): Json {
  return {
    id: "acme",
    name: "Acme",
    aliases: ["阿克米", "ACME Corp"],
    commonWord: false,
    tier: "premium",
    categories: ["sneakers"],
    models: [
      {
        name: "Road Runner 1",
        aliases: ["RR1"],
        referencePrice: { amount: "120.00", currency: "USD", date: "2024-06", source: "acme.com US list price" },
      },
    ],
    referencePrice: { amount: "30", currency: "USD", date: "2024-06-01", source: "acme.com" },
    authorisedSellers: [{ marketplace: "amazon", name: "Acme", id: "A1B2C3" }],
    officialStores: [{ marketplace: "tmall", name: "Acme官方旗舰店", id: null }],
    domains: ["acme.com", "Acme.CO.UK"],
    report: { email: null, url: "https://acme.com/brand-protection", notes: null },
    ...over,
  };
}

function pack(over: Json = {}): Json {
  return {
    format: 1,
    id: "acme.brand",
    name: "Acme brand pack",
    version: 3,
    publisher: "Acme Inc.",
    issued: "2026-11-28",
    expires: "2027-11-28",
    brands: [brand()],
    vocabulary: [{ term: "replica", lang: "en", kind: "replica", weight: 3, source: "test" }],
    accessoryPhrases: [{ phrase: "case for", lang: "en", position: "before" }],
    exchangeRates: { date: "2026-11-01", base: "USD", rates: { EUR: 0.92, JPY: 150 }, source: null },
    ...over,
  };
}

function thrown(fn: () => unknown): PackError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PackError) return e;
    throw e;
  }
  throw new Error("expected a PackError");
}

describe("validatePack: a good pack", () => {
  it("returns a clean copy with no warnings", () => {
    const raw = pack();
    const { pack: p, warnings } = validatePack(raw);
    expect(warnings).toEqual([]);
    expect(p.id).toBe("acme.brand");
    expect(p.brands).toHaveLength(1);
    expect(p.brands[0]?.domains).toEqual(["acme.com", "acme.co.uk"]);
    expect(p.brands[0]?.models[0]?.referencePrice?.amount).toBe("120.00");
    expect(p.exchangeRates?.rates).toEqual({ EUR: 0.92, JPY: 150, USD: 1 });
    expect(p.brands[0]).not.toBe((raw.brands as unknown[])[0]);
  });

  it("accepts optional lists and nulls left out", () => {
    const minimal = { id: "x", name: "X", tier: "mass" };
    const { pack: p, warnings } = validatePack(
      pack({ brands: [minimal], vocabulary: undefined, accessoryPhrases: undefined, exchangeRates: null }),
    );
    expect(warnings).toEqual([]);
    expect(p.brands[0]).toMatchObject({
      aliases: [],
      models: [],
      commonWord: false,
      report: null,
      referencePrice: null,
    });
    expect(p.vocabulary).toEqual([]);
    expect(p.exchangeRates).toBeNull();
  });

  it("trims strings and keeps $schema and description quietly", () => {
    const { pack: p, warnings } = validatePack(
      pack({ $schema: "../schema/rule-pack.schema.json", description: " about ", name: "  Acme  " }),
    );
    expect(warnings).toEqual([]);
    expect(p.name).toBe("Acme");
    expect(p.description).toBe("about");
  });
});

describe("validatePack: names that are not the brand", () => {
  it("keeps them as phrases, drops an empty list, refuses a pattern", () => {
    const named = (notBrand: unknown) => pack({ brands: [brand({ notBrand })] });
    expect(validatePack(named(["Steve McQueen", " Lightning McQueen "])).pack.brands[0]?.notBrand).toEqual([
      "Steve McQueen",
      "Lightning McQueen",
    ]);
    expect(validatePack(named([])).pack.brands[0]).not.toHaveProperty("notBrand");
    expect(validatePack(named(["McQueen.*"])).warnings.join("\n")).toMatch(/brands\[0\]\.notBrand\[0\]/);
    // A repeated name is said and dropped, as a repeated alias is.
    const twice = validatePack(named(["Steve McQueen", "steve mcqueen"]));
    expect(twice.pack.brands[0]?.notBrand).toEqual(["Steve McQueen"]);
    expect(twice.warnings.join("\n")).toMatch(/brands\[0\]\.notBrand\[1\]/);
  });
});

describe("validatePack: price floors and the brand's categories", () => {
  const floor = (type: string, amount = "40") => ({ type, amount, currency: "USD", date: "2025-06", source: "test" });

  it("warns, once per kind, about a floor for a kind of item none of the brand's categories sells", () => {
    const shoes = brand({ categories: ["shoes"], priceFloors: [floor("sneakers"), floor("bag"), floor("bag", "60")] });
    const { pack: p, warnings } = validatePack(pack({ brands: [shoes] }));
    expect(warnings).toEqual([
      "brands[0].priceFloors[1]: a price floor for “bag”, but none of the brand's categories sells that kind of item; add a category that does",
    ]);
    // The floor is kept: the warning asks for a category, the price is still right.
    expect(p.brands[0]?.priceFloors?.map((f) => f.type)).toEqual(["sneakers", "bag", "bag"]);
  });

  it("is quiet when a category sells the kind", () => {
    const shoes = brand({ categories: ["shoes", "bags"], priceFloors: [floor("sneakers"), floor("bag")] });
    expect(validatePack(pack({ brands: [shoes] })).warnings).toEqual([]);
  });

  it("a floor or a model's price without its own date and source takes the brand reference price's", () => {
    const shoes = brand({
      models: [{ name: "Road Runner 1", aliases: [], referencePrice: { amount: "120", currency: "USD" } }],
      priceFloors: [{ type: "sneakers", amount: "40", currency: "USD" }],
    });
    const b = validatePack(pack({ brands: [shoes] })).pack.brands[0];
    const from = { date: "2024-06-01", source: "acme.com" };
    expect(b?.priceFloors?.[0]).toEqual({ type: "sneakers", amount: "40", currency: "USD", ...from });
    expect(b?.models[0]?.referencePrice).toEqual({ amount: "120", currency: "USD", ...from });
  });

  it("a brand without a reference price gives none: a floor without its date and source is refused, and says so", () => {
    const shoes = brand({ referencePrice: null, priceFloors: [{ type: "sneakers", amount: "40", currency: "USD" }] });
    const { pack: p, warnings } = validatePack(pack({ brands: [shoes, brand({ id: "other" })] }));
    expect(p.brands.map((b) => b.id)).toEqual(["other"]);
    expect(warnings.join("\n")).toMatch(/brands\[0\]\.priceFloors\[0\]\.date/);
    // Half a provenance is no provenance: a date without its source is refused too.
    const half = brand({ priceFloors: [{ type: "sneakers", amount: "40", currency: "USD", date: "2025-01" }] });
    expect(validatePack(pack({ brands: [half, brand({ id: "other" })] })).warnings.join("\n")).toMatch(/source/);
  });
});

describe("validatePack: the pack as a whole is refused", () => {
  it.each([
    [null, "expected a JSON object"],
    [[], "expected a JSON object"],
    ["{}", "expected a JSON object"],
  ])("not an object: %j", (raw, msg) => {
    expect(thrown(() => validatePack(raw)).message).toContain(msg);
  });

  it.each([
    [{ format: 2 }, "format"],
    [{ format: "1" }, "format"],
    [{ id: "Copycatch Default" }, "id"],
    [{ id: "" }, "id"],
    [{ version: 1.5 }, "version"],
    [{ version: -1 }, "version"],
    [{ version: "2" }, "version"],
    [{ publisher: 7 }, "publisher"],
    [{ name: "   " }, "name"],
    [{ issued: "28/11/2026" }, "issued"],
    [{ issued: "2026-02-30" }, "issued"],
    [{ issued: "2026-11" }, "issued"],
    [{ expires: "soon" }, "expires"],
    [{ expires: "2026-01-01" }, "expires"],
    [{ brands: undefined }, "brands"],
    [{ brands: {} }, "brands"],
    [{ vocabulary: "replica" }, "vocabulary"],
    [{ exchangeRates: { date: "2026-01-01", base: "usd", rates: {} } }, "exchangeRates.base"],
    [{ exchangeRates: { date: "x", base: "USD", rates: {} } }, "exchangeRates.date"],
    [{ exchangeRates: { date: "2026-01-01", base: "USD", rates: [] } }, "exchangeRates.rates"],
  ])("bad metadata %j names the path", (over, path) => {
    const e = thrown(() => validatePack(pack(over)));
    expect(e.path).toBe(path);
    expect(e.message.startsWith(`${path}: `)).toBe(true);
  });

  it("refuses more brands than the limit", () => {
    const brands = new Array(PACK_LIMITS.maxBrands + 1).fill(null);
    expect(thrown(() => validatePack(pack({ brands }))).message).toMatch(/^brands: 50,001 items, more than the limit/);
  });

  it("refuses more vocabulary terms or accessory phrases than the limit", () => {
    const vocabulary = new Array(PACK_LIMITS.maxVocabulary + 1).fill(null);
    expect(thrown(() => validatePack(pack({ vocabulary }))).path).toBe("vocabulary");
    const accessoryPhrases = new Array(PACK_LIMITS.maxAccessoryPhrases + 1).fill(null);
    expect(thrown(() => validatePack(pack({ accessoryPhrases }))).path).toBe("accessoryPhrases");
  });

  it("refuses a pack with more patterns in total than the limit", () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `alias ${i}`);
    const brands = Array.from({ length: 5_000 }, (_, i) => ({
      id: `b${i}`,
      name: `Brand ${i}`,
      tier: "mass",
      aliases,
    }));
    expect(thrown(() => validatePack(pack({ brands }))).message).toMatch(/patterns, more than the limit/);
  });
});

describe("validatePack: a broken entry is skipped with a warning", () => {
  it("names the deep path of the error and keeps the other brands", () => {
    const bad = brand({ id: "bad" });
    (bad.models as Json[])[0] = {
      name: "X",
      referencePrice: { amount: 120, currency: "USD", date: "2024", source: "s" },
    };
    const { pack: p, warnings } = validatePack(pack({ brands: [brand(), bad, brand({ id: "other" })] }));
    expect(p.brands.map((b) => b.id)).toEqual(["acme", "other"]);
    expect(warnings).toEqual([
      'brands[1].models[0].referencePrice.amount: expected a decimal string such as "249.00" (entry skipped)',
    ]);
  });

  it.each([
    [{ id: "Bad Id" }, "brands[0].id"],
    [{ name: "" }, "brands[0].name"],
    [{ tier: "ultra" }, "brands[0].tier"],
    [{ commonWord: "yes" }, "brands[0].commonWord"],
    [{ aliases: "Nike" }, "brands[0].aliases"],
    [{ aliases: ["ok", ""] }, "brands[0].aliases[1]"],
    [{ aliases: ["ok", "   "] }, "brands[0].aliases[1]"],
    [{ aliases: ["x".repeat(201)] }, "brands[0].aliases[0]"],
    [{ aliases: new Array(201).fill("a").map((a, i) => a + i) }, "brands[0].aliases"],
    [{ categories: ["Leather Goods"] }, "brands[0].categories[0]"],
    [{ domains: ["https://acme.com/"] }, "brands[0].domains[0]"],
    [{ officialStores: [{ marketplace: "shopee", name: "Acme" }] }, "brands[0].officialStores[0].marketplace"],
    [{ authorisedSellers: [{ marketplace: "*", name: "" }] }, "brands[0].authorisedSellers[0].name"],
    [{ report: { email: "not an email" } }, "brands[0].report.email"],
    [{ report: { url: "javascript:alert(1)" } }, "brands[0].report.url"],
    [{ report: { url: "http://acme.com" } }, "brands[0].report.url"],
    [
      { referencePrice: { amount: "0", currency: "USD", date: "2024", source: "s" } },
      "brands[0].referencePrice.amount",
    ],
    [
      { referencePrice: { amount: "1e3", currency: "USD", date: "2024", source: "s" } },
      "brands[0].referencePrice.amount",
    ],
    [
      { referencePrice: { amount: "10", currency: "usd", date: "2024", source: "s" } },
      "brands[0].referencePrice.currency",
    ],
    [
      { referencePrice: { amount: "10", currency: "USD", date: "2024-13", source: "s" } },
      "brands[0].referencePrice.date",
    ],
    [{ referencePrice: { amount: "10", currency: "USD", date: "2024" } }, "brands[0].referencePrice.source"],
    [{ models: [{ name: "M", aliases: [3] }] }, "brands[0].models[0].aliases[0]"],
  ])("brand %j → warning at %s", (over, path) => {
    const { pack: p, warnings } = validatePack(pack({ brands: [brand(over)] }));
    expect(p.brands).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.startsWith(`${path}: `)).toBe(true);
    expect(warnings[0]).toContain("(entry skipped)");
  });

  it("refuses more models per brand than the limit", () => {
    const models = Array.from({ length: PACK_LIMITS.maxModelsPerBrand + 1 }, (_, i) => ({ name: `M${i}` }));
    const { warnings } = validatePack(pack({ brands: [brand({ models })] }));
    expect(warnings[0]).toMatch(/^brands\[0\]\.models: 501 items/);
  });

  it.each([
    [{ term: "" }, "vocabulary[0].term"],
    [{ term: 42 }, "vocabulary[0].term"],
    [{ lang: "English" }, "vocabulary[0].lang"],
    [{ kind: "fake" }, "vocabulary[0].kind"],
    [{ weight: 6 }, "vocabulary[0].weight"],
    [{ weight: -1 }, "vocabulary[0].weight"],
    [{ weight: Number.NaN }, "vocabulary[0].weight"],
    [{ weight: "2" }, "vocabulary[0].weight"],
  ])("vocabulary %j → warning at %s", (over, path) => {
    const term = { term: "replica", lang: "en", kind: "replica", weight: 3, source: null, ...over };
    const { pack: p, warnings } = validatePack(pack({ vocabulary: [term, { ...term, term: "fine", ...{} }] }));
    expect(warnings[0]?.startsWith(`${path}: `)).toBe(true);
    expect(p.vocabulary.length).toBeLessThanOrEqual(1);
  });

  it("skips a broken accessory phrase", () => {
    const { pack: p, warnings } = validatePack(
      pack({
        accessoryPhrases: [
          { phrase: "for", lang: "en", position: "middle" },
          { phrase: "für", lang: "de", position: "before" },
        ],
      }),
    );
    expect(p.accessoryPhrases.map((a) => a.phrase)).toEqual(["für"]);
    expect(warnings).toEqual(["accessoryPhrases[0].position: expected one of before, after (entry skipped)"]);
  });

  it("skips a broken exchange rate and forces the base to 1", () => {
    const { pack: p, warnings } = validatePack(
      pack({
        exchangeRates: {
          date: "2026-11-01",
          base: "USD",
          rates: { EUR: 0.9, GBP: -1, yen: 150, USD: 2, __proto__x: 1 },
          source: "s",
        },
      }),
    );
    expect(p.exchangeRates?.rates).toEqual({ EUR: 0.9, USD: 1 });
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toBe("exchangeRates.rates.GBP: expected a positive number (rate skipped)");
  });

  it("skips the later of two brands with the same id", () => {
    const { pack: p, warnings } = validatePack(pack({ brands: [brand(), brand({ name: "Acme 2" })] }));
    expect(p.brands.map((b) => b.name)).toEqual(["Acme"]);
    expect(warnings).toEqual(['brands: duplicate brand id "acme", the later entry is skipped']);
  });

  it("drops duplicate aliases (case-insensitive) with a warning", () => {
    const { pack: p, warnings } = validatePack(pack({ brands: [brand({ aliases: ["NIKE", "nike", "耐克"] })] }));
    expect(p.brands[0]?.aliases).toEqual(["NIKE", "耐克"]);
    expect(warnings).toEqual(['brands[0].aliases[1]: duplicate "nike" ignored']);
  });
});

describe("validatePack: unknown properties are ignored with a warning", () => {
  it("at every level", () => {
    const b = brand({ logo: "x.png" });
    (b.models as Json[])[0] = { name: "M", regex: "^M$" };
    const { pack: p, warnings } = validatePack(pack({ signature: "abc", brands: [b] }));
    expect(warnings).toEqual([
      "signature: unknown property ignored",
      "brands[0].logo: unknown property ignored",
      "brands[0].models[0].regex: unknown property ignored",
    ]);
    expect(p).not.toHaveProperty("signature");
    expect(p.brands[0]).not.toHaveProperty("logo");
  });

  it("caps the number of warnings kept", () => {
    const brands = Array.from({ length: PACK_LIMITS.maxWarnings + 10 }, (_, i) => ({
      id: `b${i}`,
      name: "",
      tier: "mass",
    }));
    const { warnings } = validatePack(pack({ brands }));
    expect(warnings).toHaveLength(PACK_LIMITS.maxWarnings + 1);
    expect(warnings.at(-1)).toBe("... and 10 more warnings");
  });
});

describe("no regular expressions", () => {
  it.each(["\\bnike\\b", "n.*ke", "rep.+", "(?i)replica", "[^a]bc", "^replica", "replica$", "fake|replica"])(
    "rejects %j",
    (term) => {
      const { pack: p, warnings } = validatePack(
        pack({ vocabulary: [{ term, lang: "en", kind: "replica", weight: 1, source: null }] }),
      );
      expect(p.vocabulary).toEqual([]);
      expect(warnings[0]).toContain("looks like a regular expression");
    },
  );

  it.each([
    "1:1",
    "AAA+",
    "A货",
    "N級品",
    "Off-White",
    "Dolce & Gabbana",
    "Levi's",
    "No. 5",
    "U.S. Polo Assn.",
    "G-Shock",
    "(RED)",
    "3.1 Phillip Lim",
  ])("accepts the literal %j", (term) => {
    const { pack: p, warnings } = validatePack(
      pack({ vocabulary: [{ term, lang: "en", kind: "grade", weight: 1, source: null }] }),
    );
    expect(warnings).toEqual([]);
    expect(p.vocabulary[0]?.term).toBe(term);
  });
});

describe("checkPackSize", () => {
  it("accepts up to the limit and refuses above", () => {
    expect(() => checkPackSize(PACK_LIMITS.maxBytes)).not.toThrow();
    expect(() => checkPackSize(PACK_LIMITS.maxBytes + 1)).toThrow(PackError);
    expect(() => checkPackSize(Number.NaN)).toThrow(PackError);
  });
});

describe("dates and expiry", () => {
  it("isIsoDate", () => {
    expect(isIsoDate("2026-11-28")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2026-11-28T10:00:00Z")).toBe(true);
    expect(isIsoDate("2026-11-28T10:00:00.123+09:00")).toBe(true);
    expect(isIsoDate("2026-11-28T10:00")).toBe(false);
    expect(isIsoDate("2026-11")).toBe(false);
    expect(isIsoDate("2026-11", true)).toBe(true);
    expect(isIsoDate("2026", true)).toBe(true);
  });

  it("a date-only expiry is valid through that UTC day", () => {
    const p = { expires: "2027-11-28" };
    expect(isExpired(p, "2027-11-28T23:59:59Z")).toBe(false);
    expect(isExpired(p, "2027-11-29T00:00:00Z")).toBe(true);
    expect(isExpired(p, new Date("2030-01-01T00:00:00Z"))).toBe(true);
    expect(isExpired({ expires: null }, "2999-01-01")).toBe(false);
    expect(isExpired({ expires: "2027-11-28T12:00:00Z" }, "2027-11-28T12:00:00Z")).toBe(true);
  });

  it("fails closed on an unreadable now", () => {
    expect(isExpired({ expires: "2027-11-28" }, "tomorrow")).toBe(true);
  });

  it("warns about expired and future-dated packs when now is given", () => {
    expect(validatePack(pack(), { now: "2026-12-01" }).warnings).toEqual([]);
    expect(validatePack(pack(), { now: "2028-01-01" }).warnings).toEqual(["expires: the pack expired on 2027-11-28"]);
    expect(validatePack(pack(), { now: "2026-01-01" }).warnings).toEqual(["issued: 2026-11-28 is in the future"]);
  });

  it("reads a missing expires as never, with a warning", () => {
    const raw = pack();
    delete raw.expires;
    const { pack: p, warnings } = validatePack(raw);
    expect(p.expires).toBeNull();
    expect(warnings).toEqual(["expires: missing, read as null (never expires)"]);
  });
});
