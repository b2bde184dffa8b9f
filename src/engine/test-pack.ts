/**
 * A small hand-written pack for the engine's unit tests (the default pack is
 * data with its own tests). Prices are illustrative, not reference data.
 */
import type { ReferencePrice, RulePack } from "../shared/pack.ts";
import { testBrand as brand } from "../shared/test-packs.node.ts";

const usd = (amount: string): ReferencePrice => ({ amount, currency: "USD", date: "2025-01-01", source: "test" });

export function testPack(): RulePack {
  return {
    format: 1,
    id: "test.pack",
    name: "Test pack",
    version: 3,
    publisher: "tests",
    issued: "2025-01-01",
    expires: null,
    brands: [
      brand("nike", "Nike", {
        aliases: ["耐克", "ナイキ", "Найк"],
        tier: "premium",
        referencePrice: usd("25"),
        domains: ["nike.com"],
        models: [
          { name: "Air Jordan", aliases: ["AJ1"], referencePrice: usd("180") },
          { name: "Air Force 1", aliases: [], referencePrice: usd("115") },
        ],
        officialStores: [{ marketplace: "amazon", name: "Nike Store", id: "A1NIKE" }],
        authorisedSellers: [{ marketplace: "ebay", name: "Foot Locker", id: null }],
      }),
      brand("adidas", "adidas", {
        models: [{ name: "Yeezy 350", aliases: [], referencePrice: usd("230") }],
        referencePrice: usd("20"),
      }),
      brand("nikon", "Nikon", { referencePrice: usd("100") }),
      brand("gucci", "Gucci", { tier: "luxury", referencePrice: usd("200"), domains: ["gucci.com"] }),
      brand("rolex", "Rolex", {
        tier: "luxury",
        referencePrice: usd("5000"),
        models: [{ name: "Submariner", aliases: [], referencePrice: usd("9000") }],
      }),
      brand("prada", "Prada", { tier: "luxury", referencePrice: usd("300") }),
      brand("chanel", "Chanel", { tier: "luxury", aliases: ["香奈儿", "香家", "小香"], referencePrice: usd("300") }),
      brand("coach", "Coach", {
        commonWord: true,
        tier: "premium",
        aliases: ["蔻家"],
        referencePrice: usd("80"),
        models: [{ name: "Tabby", aliases: [], referencePrice: usd("350") }],
      }),
      brand("apple", "Apple", {
        commonWord: true,
        aliases: ["苹果"],
        tier: "premium",
        referencePrice: usd("19"),
        models: [
          { name: "iPhone 15", aliases: [], referencePrice: usd("799") },
          { name: "AirPods Pro", aliases: [], referencePrice: usd("249") },
          { name: "HomePod mini", aliases: [], referencePrice: usd("99") },
        ],
      }),
      brand("new-balance", "New Balance", { referencePrice: usd("40") }),
      brand("carhartt", "Carhartt", { referencePrice: usd("20") }),
      brand("louis-vuitton", "Louis Vuitton", {
        tier: "luxury",
        aliases: ["LV", "路易威登"],
        referencePrice: usd("400"),
      }),
      brand("off-white", "Off-White", { tier: "luxury", referencePrice: usd("150") }),
      brand("pandora", "Pandora", { aliases: ["潘家多拉", "潘家"], referencePrice: usd("50") }),
      brand("dior", "Dior", { tier: "luxury", aliases: ["D家", "迪奥"], referencePrice: usd("300") }),
    ],
    vocabulary: [
      { term: "replica", lang: "en", kind: "replica", weight: 4, source: null },
      { term: "replicas", lang: "en", kind: "replica", weight: 4, source: null },
      { term: "1:1", lang: "en", kind: "grade", weight: 3, source: null },
      { term: "AAA", lang: "en", kind: "grade", weight: 2.5, source: null },
      { term: "mirror quality", lang: "en", kind: "grade", weight: 3, source: null },
      { term: "super copy", lang: "en", kind: "replica", weight: 4, source: null },
      { term: "高仿", lang: "zh", kind: "replica", weight: 4.5, source: null },
      { term: "复刻", lang: "zh", kind: "replica", weight: 4, source: null },
      { term: "莆田", lang: "zh", kind: "code", weight: 3.5, source: null },
      { term: "A货", lang: "zh", kind: "replica", weight: 4, source: null },
      { term: "スーパーコピー", lang: "ja", kind: "replica", weight: 4.5, source: null },
      { term: "реплика", lang: "ru", kind: "replica", weight: 4, source: null },
      { term: "réplica", lang: "es", kind: "replica", weight: 4, source: null },
      { term: "unbranded", lang: "en", kind: "unbranded", weight: 2, source: null },
    ],
    accessoryPhrases: [
      { phrase: "case for", lang: "en", position: "before" },
      { phrase: "compatible with", lang: "en", position: "before" },
      { phrase: "for", lang: "en", position: "before" },
      { phrase: "适用", lang: "zh", position: "before" },
      { phrase: "适用于", lang: "zh", position: "before" },
      { phrase: "case", lang: "en", position: "after" },
      { phrase: "支架", lang: "zh", position: "after" },
    ],
    exchangeRates: { date: "2025-01-01", base: "USD", rates: { EUR: 0.95, CNY: 7.2, GBP: 0.8 }, source: "test" },
  };
}
