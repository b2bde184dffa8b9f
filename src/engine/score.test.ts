import { describe, expect, it } from "vitest";
import { emptyListing, emptySeller, type Listing } from "../shared/listing.ts";
import type { SignalId, Verdict } from "../shared/verdict.ts";
import { compile } from "./compile.ts";
import { score } from "./score.ts";
import { testPack } from "./test-pack.ts";
import { HIGH_AT, MEDIUM_AT } from "./weights.ts";

const m = compile([testPack()], { now: "2025-06-01" });

function listing(title: string, extra: Partial<Listing> = {}): Listing {
  return { ...emptyListing("https://www.ebay.com/itm/1", "ebay"), title, ...extra };
}

const signals = (v: Verdict): SignalId[] => v.reasons.map((r) => r.signal);
const reason = (v: Verdict, s: SignalId) => v.reasons.find((r) => r.signal === s);
const usd = (amount: string) => ({ amount, currency: "USD" });

describe("score: brand signals", () => {
  it("claims a brand from the title with its evidence span", () => {
    const v = score(listing("Original Nike running shoes", { price: usd("120") }), m);
    expect(v.brand?.id).toBe("nike");
    const r = reason(v, "brand-claimed");
    expect(r?.evidence).toEqual({ field: "title", text: "Nike", start: 9, end: 13 });
    expect(v.risk).toBe("low");
  });

  it("claims a brand from the brand field and brand specifics", () => {
    expect(score(listing("Running shoes", { brand: "NIKE" }), m).brand?.id).toBe("nike");
    const spec = score(listing("Running shoes", { specifics: [{ name: "Brand", value: "Nike" }] }), m);
    expect(reason(spec, "brand-claimed")?.evidence?.field).toBe("brand");
  });

  it("flags a model named without its brand as brand-hidden", () => {
    const v = score(listing("Yeezy 350 v2 zebra"), m);
    expect(signals(v)).toContain("brand-hidden");
    expect(v.brand?.id).toBe("adidas");
    expect(signals(score(listing("adidas Yeezy 350 v2"), m))).not.toContain("brand-hidden");
  });

  it("flags a disguised brand name and points at the original text", () => {
    const v = score(listing("Hot sale N*KE hoodie"), m);
    const r = reason(v, "brand-obfuscated");
    expect(r?.evidence?.text).toBe("N*KE");
    expect(r?.evidence?.start).toBe(9);
    expect(["medium", "high"]).toContain(v.risk);
    expect(reason(score(listing("Nіke hoodie"), m), "brand-obfuscated")?.evidence?.text).toBe("Nіke");
  });

  it("does not claim common-word brands without brand context", () => {
    expect(score(listing("apple pie dish"), m).risk).toBe("unknown");
    expect(score(listing("Soccer coach whistle"), m).risk).toBe("unknown");
    expect(score(listing("Coach Tabby shoulder bag"), m).brand?.id).toBe("coach");
    expect(score(listing("Shoulder bag", { brand: "Coach" }), m).brand?.id).toBe("coach");
  });

  it("does not confuse Nikon with Nike", () => {
    expect(score(listing("Nikon D750 body", { price: usd("900") }), m).brand?.id).toBe("nikon");
  });
});

describe("score: counterfeit vocabulary and negation", () => {
  it.each([
    "Nike replica shoes",
    "Nike 1:1 sneakers",
    "耐克高仿运动鞋",
    "ナイキ スーパーコピー",
    "Найк реплика",
    "Nike réplica tenis",
  ])("flags %s", (title) => {
    const v = score(listing(title), m);
    expect(signals(v)).toContain("counterfeit-term");
    expect(["medium", "high"]).toContain(v.risk);
  });

  it.each(["100% original Nike, not a replica", "Nike original no es réplica", "耐克 非高仿", "Nike ohne replica"])(
    "does not count the negated term in %s",
    (title) => {
      expect(signals(score(listing(title), m))).not.toContain("counterfeit-term");
    },
  );

  it("does not let punctuation carry negation", () => {
    expect(signals(score(listing("Nike shoes no box, replica"), m))).toContain("counterfeit-term");
  });

  it("counts the description at a discount and several terms with diminishing returns", () => {
    const t = score(listing("Nike replica"), m);
    const d = score(listing("Nike shoes", { description: "Top replica" }), m);
    expect(reason(d, "counterfeit-term")?.weight).toBeLessThan(reason(t, "counterfeit-term")?.weight ?? 0);
    const many = score(listing("Nike replica AAA 1:1 super copy mirror quality"), m);
    const sum = many.reasons.filter((r) => r.signal === "counterfeit-term").reduce((a, r) => a + r.weight, 0);
    expect(sum).toBeLessThanOrEqual(5.5);
  });
});

describe("score: price", () => {
  it("flags a price far below the model reference after conversion", () => {
    const v = score(listing("Nike Air Jordan 1", { price: { amount: "150", currency: "CNY" } }), m);
    const r = reason(v, "price-below-reference");
    expect(r?.message).toContain("Air Jordan");
    expect(r?.weight).toBeGreaterThan(2);
  });

  it("uses the top of a price range and is lenient with used items", () => {
    const range = { min: usd("10"), max: usd("170") };
    expect(signals(score(listing("Nike Air Jordan 1", { priceRange: range, price: usd("10") }), m))).not.toContain(
      "price-below-reference",
    );
    expect(signals(score(listing("Nike Air Jordan 1", { price: usd("80") }), m))).toContain("price-below-reference");
    expect(signals(score(listing("Nike Air Jordan 1", { price: usd("80"), condition: "used" }), m))).not.toContain(
      "price-below-reference",
    );
  });

  it("ignores unknown currencies", () => {
    expect(signals(score(listing("Nike Air Jordan 1", { price: { amount: "1", currency: "XXX" } }), m))).not.toContain(
      "price-below-reference",
    );
  });
});

describe("score: seller", () => {
  it("lowers risk for official stores, the brand's own site and authorised sellers", () => {
    const official = score(
      listing("Nike Air Jordan 1", {
        price: usd("20"),
        seller: { ...emptySeller(), name: "Nike Store", official: true },
      }),
      m,
    );
    expect(signals(official)).toContain("seller-official");
    expect(signals(official)).not.toContain("price-below-reference");
    const site = score({ ...listing("Air Jordan 1 Low"), url: "https://www.nike.com/id/t/air-jordan-1" }, m);
    expect(signals(site)).toContain("seller-official");
    const auth = score(listing("Nike Air Jordan 1", { seller: { ...emptySeller(), name: "Foot Locker" } }), m);
    expect(signals(auth)).toContain("seller-authorised");
    expect(auth.risk).toBe("low");
  });

  it("flags a seller name that impersonates the brand", () => {
    const v = score(listing("Nike shorts", { seller: { ...emptySeller(), name: "Nike Official Store 2024" } }), m);
    expect(reason(v, "seller-impersonates-brand")?.evidence?.field).toBe("seller");
  });

  it("flags weak sellers", () => {
    const seller = { ...emptySeller(), name: "x", feedbackCount: 3, positivePercent: 80, memberSince: "2025-05" };
    const r = reason(score(listing("Nike shoes", { seller }), m), "seller-weak");
    expect(r?.weight).toBeGreaterThan(1);
  });

  it("reads a seller's age at the time of the verdict it is given, by default the time the rules were compiled", () => {
    const seller = { ...emptySeller(), name: "x", memberSince: "2026-11" };
    const l = listing("Nike shoes", { seller });
    expect(reason(score(l, m, "2026-12-01T00:00:00Z"), "seller-weak")).toBeDefined();
    // A year on, the same seller is no longer new.
    expect(reason(score(l, m, "2027-12-01T00:00:00Z"), "seller-weak")).toBeUndefined();
    expect(reason(score(l, m, ""), "seller-weak")).toBeUndefined();
  });
});

describe("score: other signals", () => {
  it("flags price conflicts", () => {
    const pc = { structured: usd("10"), visible: usd("120") };
    expect(signals(score(listing("Nike shoes", { priceConflict: pc }), m))).toContain("price-conflict");
  });

  it("flags luxury brands in bulk, not mass brands", () => {
    expect(signals(score(listing("Gucci belts wholesale"), m))).toContain("bulk-luxury");
    expect(signals(score(listing("Gucci belt lot of 10"), m))).toContain("bulk-luxury");
    expect(signals(score(listing("Gucci belt 20 pcs"), m))).toContain("bulk-luxury");
    expect(signals(score(listing("Gucci belt 2 pcs"), m))).not.toContain("bulk-luxury");
    // The pieces of one set are no bulk; a lot of sets still is.
    expect(signals(score(listing("Gucci 12pc makeup brush set"), m))).not.toContain("bulk-luxury");
    expect(signals(score(listing("Gucci makeup brush set lot of 10"), m))).toContain("bulk-luxury");
    expect(signals(score(listing("Nike socks wholesale"), m))).not.toContain("bulk-luxury");
  });

  it("cancels a brand claim in accessory context", () => {
    for (const t of [
      "Silicone case for iPhone 15",
      "适用Apple苹果HomePod mini 防尘罩",
      "HomePod mini 支架 木底座",
      "Strap compatible with Apple Watch",
    ]) {
      const v = score(listing(t, { price: usd("3") }), m);
      expect(signals(v)).toContain("accessory-context");
      expect(signals(v)).not.toContain("price-below-reference");
      expect(v.risk).toBe("low");
    }
  });
});

describe("score: verdict", () => {
  it("is unknown when nothing branded and no vocabulary, or no data", () => {
    expect(score(listing("Summer floral dress"), m).risk).toBe("unknown");
    expect(score({ ...emptyListing("https://x.test/", "generic") }, m).risk).toBe("unknown");
  });

  it("sorts reasons by |weight| and maps probability to risk with the documented thresholds", () => {
    const v = score(
      listing("Nike Air Jordan replica", { price: usd("20"), seller: { ...emptySeller(), feedbackCount: 1 } }),
      m,
    );
    const w = v.reasons.map((r) => Math.abs(r.weight));
    expect(w).toEqual([...w].sort((a, b) => b - a));
    expect(v.risk).toBe("high");
    expect(v.score).toBeGreaterThanOrEqual(HIGH_AT * 100);
    for (const t of ["Nike shoes", "N*KE hoodie", "Nike Air Jordan 1"]) {
      const x = score(listing(t, { price: usd("100") }), m);
      const p = x.score / 100;
      expect(x.risk).toBe(p >= HIGH_AT ? "high" : p >= MEDIUM_AT ? "medium" : "low");
    }
  });

  it("is deterministic and reports the packs", () => {
    const l = listing("Nike replica", { price: usd("5") });
    expect(score(l, m)).toEqual(score(l, m));
    expect(score(l, m).packs).toEqual([{ id: "test.pack", version: 3 }]);
  });
});
