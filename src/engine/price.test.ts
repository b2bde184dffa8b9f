/**
 * Price floors per kind of item and currency, and product lines claiming their
 * parent brand, on a hand-written pack (prices are illustrative).
 */
import { describe, expect, it } from "vitest";
import { emptyListing, type Listing } from "../shared/listing.ts";
import type { PriceFloor, ReferencePrice, RulePack } from "../shared/pack.ts";
import { PRODUCT_TYPES } from "../shared/product-types.ts";
import { testBrand } from "../shared/test-packs.node.ts";
import { compile } from "./compile.ts";
import { score } from "./score.ts";
import { deserialize, serialize } from "./serialize.ts";

const p = (amount: string, currency = "USD"): ReferencePrice => ({ amount, currency, date: "2026-01", source: "test" });
const floor = (type: string, amount: string, currency: string): PriceFloor => ({ type, ...p(amount, currency) });

const pack: RulePack = {
  format: 1,
  id: "test.floors",
  name: "floors",
  version: 1,
  publisher: "tests",
  issued: "2026-01-01",
  expires: null,
  brands: [
    testBrand("acme", "Acmesport", {
      tier: "mass",
      referencePrice: p("40"),
      priceFloors: [floor("sneakers", "60", "USD"), floor("sneakers", "2999", "INR"), floor("polo", "25", "USD")],
      lines: [
        { name: "Zoomline", aliases: ["ZLine"], commonWord: false },
        { name: "Basics", aliases: [], commonWord: true },
      ],
    }),
    testBrand("maison", "Maisonluxe", { tier: "luxury", referencePrice: p("300") }),
    testBrand("plain", "Plainjewel", { tier: "mass", referencePrice: p("30") }),
    testBrand("couture", "Couturelle", { tier: "luxury", categories: ["fashion"], referencePrice: p("40") }),
    testBrand("highst", "Highstreeta", { tier: "mass", categories: ["fashion"], referencePrice: p("15") }),
    testBrand("consoly", "Consoly", {
      tier: "mass",
      referencePrice: p("20"),
      models: [{ name: "Stationbox 5", aliases: [], referencePrice: p("499") }],
      priceFloors: [floor("game", "20", "USD"), floor("console", "399", "USD")],
    }),
    testBrand("phonico", "Phonico", {
      tier: "premium",
      categories: ["electronics", "phones"],
      referencePrice: p("19"),
      priceFloors: [floor("phone", "400", "USD")],
    }),
    testBrand("bagsmith", "Bagsmith", {
      tier: "premium",
      categories: ["fashion", "leather-goods"],
      referencePrice: p("50"),
      priceFloors: [floor("bag", "400", "USD")],
    }),
    testBrand("inkwell", "Inkwellor", {
      tier: "premium",
      categories: ["writing"],
      referencePrice: p("8"),
      priceFloors: [floor("pen", "120", "USD"), floor("pen", "900", "CNY")],
    }),
    testBrand("padmaker", "Padmaker", {
      tier: "mass",
      categories: ["electronics"],
      referencePrice: p("5"),
      priceFloors: [floor("tablet", "149", "USD"), floor("laptop", "399", "USD"), floor("phone", "199", "USD")],
    }),
    testBrand("snugglo", "Snugglo", {
      tier: "mass",
      categories: ["toys"],
      referencePrice: p("5"),
      priceFloors: [floor("plush", "15", "USD"), floor("plush", "1800", "JPY"), floor("figure", "25", "USD")],
    }),
  ],
  vocabulary: [],
  accessoryPhrases: [],
  exchangeRates: {
    date: "2026-01-01",
    base: "USD",
    rates: { USD: 1, INR: 85, EUR: 0.9, CNY: 7.2, JPY: 150 },
    source: "test",
  },
};
const m = compile([pack]);

function listing(title: string, amount: string, currency: string): Listing {
  return { ...emptyListing("https://shop.example/item/1", "generic"), title, price: { amount, currency } };
}
const priceReason = (l: Listing) => score(l, m).reasons.find((r) => r.signal === "price-below-reference");

describe("price floors per kind of item and currency", () => {
  it("prefers the floor in the listing's currency over the US floor converted", () => {
    // ₹2,499 is 83% of the INR floor, but 49% of the US floor converted: not a price signal.
    expect(priceReason(listing("Acmesport running sneakers", "2499", "INR"))).toBeUndefined();
    const low = priceReason(listing("Acmesport running sneakers", "799", "INR"));
    expect(low?.message).toMatch(/2999 INR for Acmesport sneakers \(the brand's INR floor/);
  });

  it("converts the kind's floor when there is none in the listing's currency", () => {
    expect(priceReason(listing("Acmesport sneakers", "20", "EUR"))?.message).toMatch(/sneakers.*USD floor.*converted/);
    expect(priceReason(listing("Acmesport sneakers", "55", "EUR"))).toBeUndefined();
  });

  it("never fires a mass-market brand's brand-wide floor on an ordinary line without a floor of its own", () => {
    // Trunks: no trunks floor, and the brand-wide floor is not evidence for a basic line.
    expect(priceReason(listing("Acmesport cotton trunks 3 pack", "5", "USD"))).toBeUndefined();
    expect(priceReason(listing("Plainjewel cotton trunks", "5", "USD"))).toBeUndefined();
    // A brand with floors per kind of item: its brand-wide floor is its main line's, not a belt's.
    expect(priceReason(listing("Acmesport leather belt", "5", "USD"))).toBeUndefined();
    // Otherwise the brand-wide floor still applies: no kind named, or the brand's own kind of item.
    expect(priceReason(listing("Acmesport", "5", "USD"))).toBeDefined();
    expect(priceReason(listing("Plainjewel charm bracelet", "5", "USD"))).toBeDefined();
    // A luxury brand's floor still applies to anything it sells.
    expect(priceReason(listing("Maisonluxe cotton trunks", "20", "USD"))).toBeDefined();
    // A polo has its own floor.
    expect(priceReason(listing("Acmesport polo shirt", "9", "USD"))?.message).toMatch(/polo/);
  });

  it("a dress and a skirt: a luxury house's default floor of the kind, no brand-wide floor for a mass-market one", () => {
    // The house's cheapest item (a lipstick, 40 USD) says nothing about its dresses: the tier's default does.
    expect(priceReason(listing("Couturelle silk midi dress", "200", "USD"))?.message).toMatch(/Couturelle dress/);
    expect(priceReason(listing("Couturelle silk midi dress", "260", "USD"))).toBeUndefined();
    expect(priceReason(listing("Couturelle pleated skirt", "140", "USD"))?.message).toMatch(/Couturelle skirt/);
    expect(priceReason(listing("Couturelle pleated skirt", "170", "USD"))).toBeUndefined();
    // A mass-market brand's dresses and skirts are ordinary lines: its brand-wide floor is no evidence for them.
    expect(priceReason(listing("Highstreeta summer dress", "9", "USD"))).toBeUndefined();
    expect(priceReason(listing("Highstreeta denim skirt", "7", "USD"))).toBeUndefined();
    expect(priceReason(listing("Highstreeta", "5", "USD"))).toBeDefined();
  });

  it("a game named with its console is a game: the console model's price is not its reference", () => {
    expect(priceReason(listing("Consoly Stationbox 5 game Space Hero", "30", "USD"))).toBeUndefined();
    expect(priceReason(listing("Consoly Stationbox 5 game Space Hero", "5", "USD"))?.message).toMatch(/game/);
    expect(priceReason(listing("Consoly Stationbox 5 console", "100", "USD"))?.message).toMatch(/Stationbox 5/);
    expect(priceReason(listing("Consoly Stationbox 5 console with game", "100", "USD"))?.message).toMatch(
      /Stationbox 5/,
    );
  });

  it("survives serialisation of the compiled form", () => {
    const again = deserialize(serialize(m));
    const l = listing("Acmesport running sneakers", "799", "INR");
    expect(score(l, again).reasons).toEqual(score(l, m).reasons);
  });
});

describe("kinds of item with floors of their own: pens, devices, toys", () => {
  it("a pen house's pen takes its pen floor, named in the languages of its markets", () => {
    expect(priceReason(listing("Inkwellor fountain pen blue", "20", "USD"))?.message).toMatch(/Inkwellor pen/);
    expect(priceReason(listing("Inkwellor fountain pen blue", "150", "USD"))).toBeUndefined();
    expect(priceReason(listing("Inkwellor 钢笔 礼盒", "199", "CNY"))?.message).toMatch(/900 CNY for Inkwellor pen/);
    expect(priceReason(listing("Inkwellor Füllfederhalter", "20", "EUR"))?.message).toMatch(
      /pen.*USD floor.*converted/,
    );
    expect(priceReason(listing("Inkwellor ボールペン", "2000", "JPY"))?.message).toMatch(/Inkwellor pen/);
  });

  it("what fits a device is not the device: a refill, a tablet case, a laptop bag, a smartphone case", () => {
    expect(priceReason(listing("Inkwellor ballpoint refill black", "10", "USD"))).toBeUndefined();
    expect(priceReason(listing("Inkwellor fountain pen case leather", "20", "USD"))).toBeUndefined();
    expect(priceReason(listing("Padmaker tablet case 10 inch", "8", "USD"))).toBeUndefined();
    expect(priceReason(listing("Padmaker laptop bag 15.6", "12", "USD"))).toBeUndefined();
    expect(priceReason(listing("Padmaker smartphone case", "6", "USD"))).toBeUndefined();
    // The devices themselves, and a device sold with its case, keep their floors.
    expect(priceReason(listing("Padmaker tablet 10 inch 128GB", "40", "USD"))?.message).toMatch(/Padmaker tablet/);
    expect(priceReason(listing("Padmaker tablet with case", "40", "USD"))?.message).toMatch(/Padmaker tablet/);
    expect(priceReason(listing("Padmaker ноутбук 15.6", "90", "USD"))?.message).toMatch(/Padmaker laptop/);
    expect(priceReason(listing("Padmaker smartphone 5G", "30", "USD"))?.message).toMatch(/Padmaker phone/);
  });

  it("a plush toy and a figure take the toy brand's floors; a key ring of a mass brand has none", () => {
    expect(priceReason(listing("Snugglo plush bunny 30cm", "3", "USD"))?.message).toMatch(/Snugglo plush/);
    expect(priceReason(listing("Snugglo ぬいぐるみ うさぎ", "300", "JPY"))?.message).toMatch(
      /1800 JPY for Snugglo plush/,
    );
    expect(priceReason(listing("Snugglo ぬいぐるみ うさぎ", "2200", "JPY"))).toBeUndefined();
    expect(priceReason(listing("Snugglo action figure", "6", "USD"))?.message).toMatch(/Snugglo figure/);
    expect(priceReason(listing("Snugglo keychain", "3", "USD"))).toBeUndefined();
  });

  it("a device accessories are made for has factor 1: dropping it never lowers another kind's scaled floor", () => {
    for (const t of PRODUCT_TYPES.filter((x) => x.fitted)) expect([t.type, t.factor]).toEqual([t.type, 1]);
  });
});

describe("product lines claim their parent brand", () => {
  it("a line's name or alias claims the parent", () => {
    expect(score(listing("Zoomline runner 2026", "80", "USD"), m).brand?.id).toBe("acme");
    expect(score(listing("ZLine runner", "80", "USD"), m).brand?.id).toBe("acme");
  });

  it("a line named by an ordinary word needs product context", () => {
    expect(score(listing("Kitchen basics starter set of pans", "30", "USD"), m).brand).toBeNull();
    expect(score(listing("Basics hoodie oversized", "30", "USD"), m).brand?.id).toBe("acme");
  });
});

describe("used goods that lose their value with age, wear or brand", () => {
  const used = (title: string, amount: string): Listing => ({ ...listing(title, amount, "USD"), condition: "used" });

  it("a used phone far below the newest models' floor is not price evidence; a luxury house's used bag at the same share is", () => {
    // 25% of the floor: below a used luxury bag's threshold (80% × 0.35), above a used phone's (80% × 0.25).
    expect(priceReason(used("Phonico smartphone 64GB", "100"))).toBeUndefined();
    expect(priceReason(used("Maisonluxe leather bag", "75"))?.params).toMatchObject({
      condition: "used",
      threshold: 28,
    });
  });

  it("a premium brand's used bag and a luxury house's worn clothes and shoes resell for a fraction: threshold 20%", () => {
    // 31% of the floor, as above: a resale price for these, not evidence.
    expect(priceReason(used("Bagsmith leather bag", "124"))).toBeUndefined();
    expect(priceReason(used("Maisonluxe cotton trunks", "93"))).toBeUndefined();
    expect(priceReason(used("Couturelle silk midi dress", "75"))).toBeUndefined();
    // New, the same prices are; used, far below even a worn item's threshold they are too.
    expect(priceReason(listing("Bagsmith leather bag", "124", "USD"))).toBeDefined();
    expect(priceReason(used("Bagsmith leather bag", "40"))?.params).toMatchObject({ condition: "used", threshold: 20 });
  });

  it("still flags a used phone at a fraction no old model explains, and a new one at the same 31%", () => {
    expect(priceReason(used("Phonico smartphone 256GB", "40"))?.params).toMatchObject({ threshold: 20 });
    expect(priceReason(listing("Phonico smartphone 64GB", "124", "USD"))).toBeDefined();
  });

  it("with no kind of item named, goes by what the brand sells", () => {
    expect(priceReason(used("Phonico Pro 64GB", "124"))).toBeUndefined();
  });
});

describe("a brand priced only in US dollars, in a market where its tier's brands cost less", () => {
  // Twenty mass-market brands whose INR t-shirt floor is half their US one converted; one priced in US dollars only.
  const peers = Array.from({ length: 20 }, (_, i) =>
    testBrand(`peer${i}`, `Peerbrand${String.fromCharCode(97 + i)}x`, {
      tier: "mass",
      referencePrice: p("10"),
      priceFloors: [floor("t-shirt", "10", "USD"), floor("t-shirt", "425", "INR")],
    }),
  );
  const only = testBrand("onlyus", "Onlyusbrand", { tier: "mass", referencePrice: p("10") });
  const market = compile([{ ...pack, id: "test.market", brands: [...peers, only] }]);
  const reason = (l: Listing) => score(l, market).reasons.find((r) => r.signal === "price-below-reference");

  it("takes the US floor at its tier's price level there (the first quartile of the pack's own ratios)", () => {
    // 400 INR ≈ 4.7 USD: 47% of the US floor, 94% of it at the INR level of 0.5.
    expect(reason(listing("Onlyusbrand lipstick", "400", "INR"))).toBeUndefined();
    const low = reason(listing("Onlyusbrand lipstick", "200", "INR"));
    expect(low?.params).toMatchObject({ market: 0.5, marketCurrency: "INR" });
    expect(low?.message).toMatch(/price level of the pack's brands of its tier in INR/);
  });

  it("leaves a currency alone where too few of the pack's brands are priced, and US dollars always", () => {
    expect(reason(listing("Onlyusbrand lipstick", "4.5", "EUR"))?.params).not.toHaveProperty("market");
    expect(reason(listing("Onlyusbrand lipstick", "4.7", "USD"))).toBeDefined();
  });
});
