import { describe, expect, it } from "vitest";
import { groupBySeller, sameTitleKey, sellerKeys } from "./case-seller.ts";
import { emptySeller } from "./listing.ts";

const seller = (marketplace: "ebay" | "amazon" | "etsy", s: Partial<ReturnType<typeof emptySeller>>) => ({
  url: `https://www.${marketplace}.com/item/1`,
  marketplace,
  seller: { ...emptySeller(), ...s },
});

describe("sellerKeys", () => {
  it("keys a seller by id on its marketplace, by folded store name and by an external shop link", () => {
    expect(
      sellerKeys(
        seller("ebay", { id: "Kicks_88", name: "Cheap Kicks!", url: "https://www.kicks-shop.example/store/" }),
      ),
    ).toEqual(["id:ebay:kicks_88", "name:cheapkicks", "link:kicks-shop.example/store"]);
  });
  it("does not key by the marketplace's own seller page (every seller's link shares its path)", () => {
    const a = seller("amazon", { id: "A1", url: "https://www.amazon.com/gp/help/seller/at-a-glance.html?seller=A1" });
    expect(sellerKeys(a)).toEqual(["id:amazon:a1"]);
  });
  it("folds width and punctuation, ignores a one-letter name and a non-web link", () => {
    expect(sellerKeys(seller("amazon", { name: "ＣＨＥＡＰ-kicks" }))).toEqual(["name:cheapkicks"]);
    expect(sellerKeys(seller("amazon", { name: "A", url: "javascript:alert(1)" }))).toEqual([]);
    expect(sellerKeys({ url: "https://www.amazon.com/dp/1", marketplace: "amazon", seller: null })).toEqual([]);
  });
  it("folds titles for the relisting check", () => {
    expect(sameTitleKey("Nike  Air-Max 90, replica")).toBe(sameTitleKey("nike air max 90 REPLICA"));
    expect(sameTitleKey("short")).toBeNull();
  });
});

describe("groupBySeller", () => {
  it("joins cases sharing any key, transitively, across marketplaces", () => {
    const items = [
      { n: 1, keys: ["id:ebay:a"] },
      { n: 2, keys: ["id:ebay:a", "name:kicks"] },
      { n: 3, keys: ["name:kicks", "id:etsy:z"] },
      { n: 4, keys: ["id:amazon:other"] },
      { n: 5, keys: [] },
    ];
    const groups = groupBySeller(items, (i) => i.keys).map((g) => g.items.map((i) => i.n));
    expect(groups).toEqual([[1, 2, 3], [4], [5]]);
    expect(groupBySeller(items, (i) => i.keys)[0]?.keys).toEqual(["id:ebay:a", "id:etsy:z", "name:kicks"]);
  });
});
