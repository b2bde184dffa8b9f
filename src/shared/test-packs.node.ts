/**
 * Rule packs for tests (engine, background unit tests, browser tests): every
 * field of a brand and of a pack written once, each test naming only what it
 * is about. Node and tests only, never bundled.
 */
import type { BrandRule, RulePack } from "./pack.ts";

/** A brand with no aliases, models, prices, sellers or report contact: add what the test needs. */
export function testBrand(id: string, name: string, extra: Partial<BrandRule> = {}): BrandRule {
  return {
    id,
    name,
    aliases: [],
    commonWord: false,
    tier: "premium",
    categories: [],
    models: [],
    referencePrice: null,
    authorisedSellers: [],
    officialStores: [],
    domains: [],
    report: null,
    ...extra,
  };
}

/** A valid format-1 pack named after its id, version 1, never expiring, with one vocabulary term ("replica"). */
export function testPack(id: string, extra: Partial<RulePack> = {}): RulePack {
  return {
    format: 1,
    id,
    name: id,
    version: 1,
    publisher: "Test",
    issued: "2026-01-01",
    expires: null,
    brands: [],
    vocabulary: [{ term: "replica", lang: "en", kind: "replica", weight: 3, source: null }],
    accessoryPhrases: [],
    exchangeRates: null,
    ...extra,
  };
}
