/**
 * Stated sizes (size.ts) and licensed goods (pack category "licensor"), on the real default pack. Every title here
 * is hand-written in the style of mainstream retailers' listings, at prices recalled from such retailers (not
 * copied from any evaluation file): half bottles, miniatures, travel sprays and deluxe samples are genuine goods at
 * a fraction of the full-size price, and a club, league, franchise or carmaker named beside the maker of the goods
 * is a licence, not a collaboration.
 */
import { describe, expect, it } from "vitest";
import { compileDefaultPack } from "../../test-support/default-pack.ts";
import { emptyListing, type Listing } from "../shared/listing.ts";
import type { Verdict } from "../shared/verdict.ts";
import { typeIndex } from "./product-type.ts";
import { score } from "./score.ts";
import { sizeFactor, statedSize } from "./size.ts";

const m = compileDefaultPack();
const l = (title: string, amount: string, currency = "USD"): Listing => ({
  ...emptyListing("https://www.walmart.com/ip/1", "walmart"),
  title,
  price: { amount, currency },
});
const codes = (v: Verdict) => v.reasons.map((r) => r.code);
const priced = (v: Verdict) => v.reasons.find((r) => r.signal === "price-below-reference") ?? null;

describe("the size a title states", () => {
  it("reads millilitres, centilitres, litres, fluid ounces and grams, with counts", () => {
    expect(statedSize("Cognac 375ml")).toMatchObject({ ml: 375, grams: false });
    expect(statedSize("Whisky 70 cl")?.ml).toBe(700);
    expect(statedSize("Vodka 1L bottle")?.ml).toBe(1000);
    expect(statedSize("Eau de Parfum 1.7 fl oz")?.ml).toBeCloseTo(50.3, 1);
    expect(statedSize("Eau de Parfum 3,4 oz")?.ml).toBeCloseTo(100.5, 1);
    expect(statedSize("Twist and Spray 3x7ml")?.ml).toBe(21);
    expect(statedSize("Travel spray 10 ml × 2")?.ml).toBe(20);
    expect(statedSize("Crème 50g")).toMatchObject({ ml: 50, grams: true });
    expect(statedSize("香水 30毫升")?.ml).toBe(30);
    expect(statedSize("Духи 50 мл")?.ml).toBe(50);
    expect(statedSize("Óleo de Motor 5W30 Sintético 1 Litro")?.ml).toBe(1000);
    expect(statedSize("Aceite 20W50 4 Lts")?.ml).toBe(4000);
    expect(statedSize("Моторное масло 5W-40 1 литр")?.ml).toBe(1000);
  });

  it("adds sizes sold together and takes the smallest of sizes offered as alternatives", () => {
    expect(statedSize("Eau de Toilette 100ml + 10ml travel spray")?.ml).toBe(110);
    expect(statedSize("Eau de Parfum 30ml / 50ml / 100ml")?.ml).toBe(30);
  });

  it("reads no size in words that only start like a unit, in sizes of clothing, or in a mix of grams and volumes", () => {
    expect(statedSize("5 layers cotton tee, size L")).toBeNull();
    expect(statedSize("2 gloss lipstick set")).toBeNull();
    expect(statedSize("Running shoes US 10")).toBeNull();
    expect(statedSize("Cream 50g and toner 100ml")).toBeNull();
  });
});

describe("a smaller size than the full bottle is compared with the reference scaled down", () => {
  it("half bottles, miniatures, travel sprays and deluxe samples at store prices are not flagged", () => {
    for (const [title, price] of [
      ["Hennessy VS Cognac 375ml", "24.99"],
      ["Hennessy VS Cognac 50ml Miniature", "6.99"],
      ["Johnnie Walker Black Label 200ml", "12.99"],
      ["Moët & Chandon Imperial Brut 187ml Mini", "19.99"],
      ["Dior Sauvage Eau de Toilette 10ml Travel Spray", "32.00"],
      ["Jo Malone Wood Sage & Sea Salt Cologne 9ml", "32.00"],
      ["Estée Lauder Advanced Night Repair 7ml", "20.00"],
      ["Versace Eros Eau de Toilette 30ml", "45.00"],
      // Motor oil is priced by the jug (5 litres, 5 quarts); a litre bottle sells at about a quarter of it.
      ["Óleo de Motor Castrol Magnatec 5W30 Sintético 1 Litro", "8.00"],
      ["Mobil 1 Extended Performance 5W-30 1 Quart", "9.50"],
    ] as const) {
      const v = score(l(title, price), m);
      expect(priced(v), title).toBeNull();
      expect(v.risk, title).toBe("low");
    }
  });

  it("a small size far below its share of the full-size price is still flagged, and the reason says the scaling", () => {
    const v = score(l("Dior Sauvage 10ml", "2.00"), m);
    expect(v.risk).toBe("high");
    const r = priced(v);
    expect(r?.params).toMatchObject({ size: "10ml", fullSize: 100 });
    expect(r?.message).toMatch(/scaled to the stated 10ml from a full size of 100 ml/);
  });

  it("a full or larger size keeps the full reference: a litre is never scaled up", () => {
    expect(score(l("Hennessy VS Cognac 700ml", "8.00"), m).risk).toBe("high");
    const litre = priced(score(l("Hennessy VS Cognac 1L", "12.00"), m));
    expect(litre?.params.size).toBeUndefined();
    expect(litre?.params.reference).toBe(40);
  });

  it("scales only titles naming no kind of item or a kind of the sized groups (a bag stays a bag)", () => {
    const dior = m.d.bId.all().indexOf("dior");
    const ten = statedSize("10ml");
    expect(sizeFactor(m.d, dior, [], ten)).toEqual({ factor: 0.1, fullMl: 100 });
    expect(sizeFactor(m.d, dior, [typeIndex("perfume")], ten)).toEqual({ factor: 0.1, fullMl: 100 });
    expect(sizeFactor(m.d, dior, [typeIndex("bag")], ten)).toBeNull();
    expect(sizeFactor(m.d, dior, [typeIndex("perfume"), typeIndex("bag")], ten)).toBeNull();
    // Grams only for a brand selling make-up or skin care; none for a brand with no usual size.
    expect(sizeFactor(m.d, m.d.bId.all().indexOf("hennessy"), [], statedSize("50g"))).toBeNull();
    expect(sizeFactor(m.d, m.d.bId.all().indexOf("nike"), [], ten)).toBeNull();
  });
});

describe("a mini or travel size named without its size", () => {
  it("halves the reference of a make-up or perfume brand's item, never of a bag", () => {
    expect(statedSize("Fenty Beauty Gloss Bomb Mini")).toMatchObject({ text: "Mini" });
    expect(Number.isNaN(statedSize("Mascara Travel Size")?.ml)).toBe(true);
    expect(statedSize("Minimalist wallet")).toBeNull();
    for (const [title, price] of [
      ["Fenty Beauty Gloss Bomb Mini", "12"],
      ["Too Faced Better Than Sex Mascara Travel Size", "14"],
      ["Benefit Hoola Bronzer Mini", "17"],
    ] as const) {
      expect(priced(score(l(title, price), m)), title).toBeNull();
    }
    // Far below half the reference it is still flagged; a bag called Mini is still a bag at its own floor.
    expect(codes(score(l("Chanel No 5 mini perfume", "5"), m))).toContain("price-below-brand");
    const bag = priced(score(l("Lady Dior Mini bag", "400"), m));
    expect(bag?.message ?? "").not.toMatch(/scaled/);
    expect(bag?.code).toBe("price-below-type-floor-native");
  });
});

describe("licensed goods: a licensor named beside the maker", () => {
  it("is no collaboration (clubs, leagues, franchises, carmakers)", () => {
    for (const [title, price] of [
      ["adidas Real Madrid 24/25 Home Jersey", "95.00"],
      ["Nike NBA Los Angeles Lakers Icon Edition Swingman Jersey", "120.00"],
      ["New Era New York Yankees 59FIFTY Fitted Cap", "42.00"],
      ["Spalding NBA Official Game Ball", "199.99"],
      ["Funko Pop! Star Wars: The Mandalorian Grogu", "12.99"],
      ["LEGO Harry Potter Hogwarts Castle Owlery 76430", "39.99"],
      ["Uniqlo UT Pokémon Graphic T-Shirt", "19.90"],
      ["Maisto BMW M4 1:24 Diecast", "24.99"],
    ] as const) {
      const v = score(l(title, price), m);
      expect(codes(v), title).not.toContain("brand-collab");
      expect(v.score, title).toBeLessThan(30);
    }
  });

  it("takes the maker's prices, not the licensor's cheapest item or a luxury house's floor", () => {
    // A luxury carmaker's cap from its sportswear licensee was high against a luxury fashion house's cap floor.
    expect(score(l("Puma Ferrari Race Cap", "35.00"), m).risk).toBe("low");
    expect(score(l("Bburago Ferrari SF-24 1:43 Model Car", "14.99"), m).risk).toBe("low");
  });

  it("two makers are still a collaboration, and a maker's own price evidence still counts", () => {
    expect(codes(score(l("Nike x Stussy hoodie", "90.00"), m))).toContain("brand-collab");
    expect(score(l("adidas Real Madrid Home Jersey replica 1:1", "15.00"), m).risk).toMatch(/^(medium|high)$/);
  });

  it("a line listed under its own brand is not a model named without its brand", () => {
    const v = score(l("Nerf Elite 2.0 Commander RD-6 Blaster", "14.99"), m);
    expect(codes(v)).not.toContain("brand-hidden");
  });
});
