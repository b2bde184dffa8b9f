/**
 * Every reason the engine gives carries a known code with exactly the params
 * the code lists (reason-codes.ts), plus whole optional groups; hand-written
 * listings on a hand-written pack (prices illustrative) reach every code and
 * every optional group, so a new sentence without a code cannot slip in.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Catalog, ENGLISH_MESSAGES, LOCALES, type MessageFile, reasonParts, reasonText } from "../shared/i18n.ts";
import { emptyListing, emptySeller, type Listing } from "../shared/listing.ts";
import type { PriceFloor, ReferencePrice, RulePack } from "../shared/pack.ts";
import { REASON_CLAUSES, REASON_CODES, type ReasonClause, type ReasonCode } from "../shared/reason-codes.ts";
import { testBrand } from "../shared/test-packs.node.ts";
import type { Reason } from "../shared/verdict.ts";
import { compile } from "./compile.ts";
import { score } from "./score.ts";
import { testPack } from "./test-pack.ts";

const p = (amount: string, currency = "USD"): ReferencePrice => ({ amount, currency, date: "2025-01", source: "test" });
const floor = (type: string, amount: string, currency: string): PriceFloor => ({ type, ...p(amount, currency) });

function pack(): RulePack {
  const base = testPack();
  base.brands.push(
    testBrand("acme", "Acmesport", {
      tier: "mass",
      referencePrice: p("40"),
      priceFloors: [floor("sneakers", "60", "USD"), floor("sneakers", "2999", "INR")],
      models: [{ name: "Acmesport Racer", aliases: [], referencePrice: p("120") }],
    }),
    testBrand("sandisk", "SanDisk", { tier: "mass", referencePrice: p("5") }),
    testBrand("acmetech", "Acmetech", {
      tier: "mass",
      categories: ["electronics"],
      referencePrice: p("150"),
      models: [{ name: "Acmetech Watch", aliases: [], referencePrice: p("300") }],
    }),
    testBrand("acmemed", "Acmecillin", { tier: "mass", categories: ["medicines"], referencePrice: p("20") }),
    testBrand("maisonlux", "Maisonlux", { tier: "luxury", categories: ["fashion"], referencePrice: p("30") }),
    testBrand("parfumlux", "Parfumlux", {
      tier: "premium",
      categories: ["fragrance"],
      referencePrice: p("60"),
      models: [{ name: "Parfumlux Nuit", aliases: [], referencePrice: p("100") }],
    }),
  );
  // Twenty mass-market brands priced in INR at half their US floors: the tier's level there (marketLevel).
  for (let i = 0; i < 20; i++)
    base.brands.push(
      testBrand(`peer${i}`, `Peerbrand${String.fromCharCode(97 + i)}x`, {
        tier: "mass",
        referencePrice: p("10"),
        priceFloors: [floor("t-shirt", "10", "USD"), floor("t-shirt", "425", "INR")],
      }),
    );
  base.vocabulary.push({ term: "inspired by", lang: "en", kind: "code", weight: 1, source: null });
  base.exchangeRates = {
    date: "2025-01-01",
    base: "USD",
    rates: { EUR: 0.95, CNY: 7.2, GBP: 0.8, ARS: 1000, INR: 85 },
    source: "test",
  };
  return base;
}

const m = compile([pack()], { now: "2026-06-01" });
const usd = (amount: string) => ({ amount, currency: "USD" });

function listing(title: string, extra: Partial<Listing> = {}): Listing {
  return { ...emptyListing("https://www.ebay.com/itm/1", "ebay"), title, ...extra };
}
const amazon = (title: string, seller: string, official: boolean | null = null): Listing => ({
  ...emptyListing("https://www.amazon.com/dp/B0TEST", "amazon"),
  title,
  price: usd("40"),
  seller: { ...emptySeller(), name: seller, official },
});

const LISTINGS: Listing[] = [
  listing("Original Nike running shoes", { price: usd("120") }),
  listing("Yeezy 350 v2 zebra"),
  listing("Hot sale N*KE hoodie"),
  listing("Nike x Gucci replica hoodie 1:1"),
  listing("Gucci bag wholesale lot 50 pcs replica"),
  listing("Unbranded hoodie Nike logo"),
  listing("Case for Apple iPhone 15"),
  listing("Perfume inspired by Chanel, dupe"),
  listing("\u202eekiN\u202c hoodie"),
  listing("Nike hoodie\u200f replica"),
  listing("Nike replica hoodie", { priceConflict: { structured: usd("120"), visible: usd("12") } }),
  listing("Nike Air Max running shoes", { brand: "Generic" }),
  listing("Nike Air Max running shoes", { brand: "adidas" }),
  listing("Nike Air Jordan 1 retro", { price: usd("30") }),
  listing("Nike Air Jordan 1 retro", { price: usd("30"), condition: "used" }),
  listing("Nike", { price: usd("3") }),
  listing("Nike jacket", { price: usd("10") }),
  listing("Nike kids jacket", { price: usd("4") }),
  listing("Nike jacket 2-Pack", { price: usd("10") }),
  listing("Acmesport sneakers", { price: { amount: "20", currency: "EUR" } }),
  listing("Acmesport running sneakers", { price: { amount: "799", currency: "INR" } }),
  listing("Nike hoodie", { price: { amount: "40000", currency: "ARS" } }),
  listing("SanDisk 1TB microSD card", { price: usd("8.99") }),
  listing("Acmetech Watch Series 3", { price: usd("20") }),
  listing("Maisonlux leather belt", { price: usd("40") }),
  listing("Parfumlux eau de parfum 10ml", { price: usd("1") }),
  listing("Parfumlux Nuit eau de parfum", { price: usd("20") }),
  listing("Acmesport Racer sneakers", { price: { amount: "1999", currency: "INR" } }),
  listing("SanDisk", { price: { amount: "100", currency: "INR" } }),
  listing("Acmecillin 500 mg tablets", { price: { amount: "100", currency: "INR" } }),
  listing("Nike replica hoodie", {
    seller: { ...emptySeller(), name: "x", feedbackCount: 2, positivePercent: 80, memberSince: "2026-05" },
  }),
  amazon("Nike Air Force 1 sneakers", "Amazon.com", true),
  amazon("Nike Air Force 1 sneakers", "Nike Store"),
  listing("Nike Air Force 1", { seller: { ...emptySeller(), name: "Foot Locker" } }),
  amazon("Nike Air Force 1 sneakers", "Nike Outlet Shop"),
  amazon("Running sneakers", "Nike Official Shop"),
];

const reasons: Reason[] = LISTINGS.flatMap((l) => score(l, m).reasons);

describe("reason codes", () => {
  it("every reason has a known code, its params and whole optional groups only", () => {
    for (const r of reasons) {
      expect(Object.keys(REASON_CODES), r.message).toContain(r.code);
      const own: readonly string[] = REASON_CODES[r.code];
      const keys = Object.keys(r.params);
      for (const name of own) expect(keys, `${r.code}: ${r.message}`).toContain(name);
      const rest = keys.filter((k) => !own.includes(k));
      const groups = (Object.keys(REASON_CLAUSES) as ReasonClause[]).filter((g) =>
        REASON_CLAUSES[g].some((k) => rest.includes(k)),
      );
      expect(groups.flatMap((g) => REASON_CLAUSES[g]).sort(), `${r.code}: ${r.message}`).toEqual(rest.sort());
      for (const v of Object.values(r.params)) expect(["string", "number"]).toContain(typeof v);
      expect(r.message.length).toBeGreaterThan(0);
    }
  });

  it("the listings above reach every code and every optional group", () => {
    const seen = new Set(reasons.map((r) => r.code));
    const missing = (Object.keys(REASON_CODES) as ReasonCode[]).filter((c) => !seen.has(c));
    expect(missing).toEqual([]);
    const groups = new Set(
      reasons.flatMap((r) =>
        (Object.keys(REASON_CLAUSES) as ReasonClause[]).filter((g) => REASON_CLAUSES[g][0] in r.params),
      ),
    );
    expect([...groups].sort()).toEqual(Object.keys(REASON_CLAUSES).sort());
  });

  it("the params carry what the English message says", () => {
    for (const r of reasons) {
      for (const [k, v] of Object.entries(r.params)) {
        if (typeof v === "string" && v !== "" && !["lang", "unit", "kind", "condition", "type"].includes(k))
          expect(r.message, `${r.code}.${k}`).toContain(v);
      }
    }
  });
});

describe("reasons in every UI language", () => {
  const catalogs = LOCALES.map(
    (l) =>
      new Catalog(
        l.code,
        JSON.parse(
          readFileSync(join(import.meta.dirname, "..", "..", "public", "_locales", l.code, "messages.json"), "utf8"),
        ) as MessageFile,
        ENGLISH_MESSAGES,
      ),
  );
  /** Params the UI translates or writes as money; the others are listing text and must appear as given. */
  const WORDED = new Set([
    "lang",
    "unit",
    "kind",
    "condition",
    "type",
    "tier",
    "price",
    "reference",
    "floor",
    "perUnit",
  ]);

  it.each(catalogs.map((c) => [c.code, c] as const))(
    "%s words every reason, quoting the listing's own text",
    (_, c) => {
      for (const r of reasons) {
        const text = reasonText(c, r);
        expect(text, r.code).not.toMatch(/\$[A-Za-z0-9_]+\$|reason_|\uE000/);
        expect(text.length, r.code).toBeGreaterThan(5);
        for (const [k, v] of Object.entries(r.params)) {
          if (typeof v === "string" && v !== "" && !WORDED.has(k))
            expect(text, `${c.code} ${r.code}.${k}`).toContain(v);
        }
        // The listing's text is a param of its own, so the popup can isolate it.
        const parts = reasonParts(c, r).filter((p) => typeof p !== "string");
        if (typeof r.params.text === "string") expect(parts.map((p) => p.value)).toContain(r.params.text);
      }
    },
  );

  it("other languages word the reasons their own way (no English sentence left)", () => {
    const en = catalogs.find((c) => c.code === "en") as Catalog;
    for (const c of catalogs.filter((x) => x.code !== "en")) {
      for (const r of reasons) expect(reasonText(c, r), `${c.code} ${r.code}`).not.toBe(reasonText(en, r));
    }
  });

  it("names the counterfeit term's language, and writes US$ amounts as the locale does", () => {
    const term = reasons.find((r) => r.code === "counterfeit-term") as Reason;
    const de = catalogs.find((c) => c.code === "de") as Catalog;
    expect(reasonText(de, term)).toContain("Englisch");
    const price = reasons.find((r) => r.code === "price-below-brand") as Reason;
    expect(reasonText(de, price)).toMatch(/3,00\s\$/);
    const ja = catalogs.find((c) => c.code === "ja") as Catalog;
    expect(reasonText(ja, term)).toContain("英語");
  });
});
