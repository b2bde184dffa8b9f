/**
 * The pack validator under property-based fuzzing (fast-check): packs whose
 * metadata, brands, models, terms and rates may be hostile. It throws only
 * PackError; what it returns is fresh data that validates again to itself
 * with no warning (what the worker relies on when it re-validates stored
 * packs), and no input key reaches a prototype. Many keys cost key listing,
 * not value reads.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { counting, hostileObject, hostileValue, isCrash, prototypeIntact } from "./fuzz.node.ts";
import { PACK_LIMITS, PackError, validatePack } from "./pack-validate.ts";
import { testBrand, testPack } from "./test-packs.node.ts";

const PACK_FIELDS = Object.keys(testPack("p"));
const BRAND_FIELDS = Object.keys(testBrand("b", "Brand"));

const brandLike = fc.oneof(
  fc
    .subarray(BRAND_FIELDS, { maxLength: 2 })
    .chain((keys) => hostileObject(keys).map((bad) => ({ ...testBrand("acme", "Acme Shoes"), ...bad }))),
  fc.constant(
    testBrand("bolt", "Boltwing", { aliases: ["BW"], models: [{ name: "Air 1", aliases: [], referencePrice: null }] }),
  ),
  hostileValue,
);

const packLike = fc
  .tuple(
    fc.subarray(PACK_FIELDS, { maxLength: 2 }).chain((keys) => hostileObject(keys)),
    fc.array(brandLike, { maxLength: 4 }),
  )
  .map(([bad, brands]) => ({ ...testPack("fuzz.pack"), brands, ...bad }));

function check(raw: unknown): void {
  const input = counting(raw);
  try {
    const { pack } = validatePack(input.value);
    // Fresh data: cloneable (no proxy of the input inside), stable under a second validation.
    expect(() => structuredClone(pack)).not.toThrow();
    const again = validatePack(structuredClone(pack));
    expect(again.pack).toEqual(pack);
    expect(again.warnings).toEqual([]);
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    expect(isCrash(error)).toBe(false);
  }
  expect(prototypeIntact()).toBe(true);
}

describe("validatePack under fuzzing", () => {
  it("a hole in a sparse list of models is a bad entry, not a crash (a case fuzzing found)", () => {
    const brand = {
      id: "acme",
      name: "Acme Shoes",
      aliases: [],
      commonWord: false,
      tier: "premium",
      categories: [],
      // biome-ignore lint/suspicious/noSparseArray: the hole is the case
      models: [,],
      referencePrice: null,
      authorisedSellers: [],
      officialStores: [],
      domains: [],
      report: null,
    };
    check({ ...testPack("fuzz.pack"), brands: [brand] });
  });

  it("throws only PackError; a validated pack validates again to itself", () => {
    fc.assert(fc.property(packLike, check), { numRuns: 300 });
  });

  it("any value at all as the pack", () => {
    fc.assert(fc.property(hostileValue, check), { numRuns: 200 });
  });

  it("a brand with 100,000 unknown keys: warnings capped, its values never read", () => {
    const brand: Record<string, unknown> = { ...testBrand("acme", "Acme") };
    for (let i = 0; i < 100_000; i++) brand[`extra${i}`] = { deep: i };
    const input = counting(testPack("many.keys", { brands: [brand as never] }));
    const { pack, warnings } = validatePack(input.value);
    expect(pack.brands.map((b) => b.id)).toEqual(["acme"]);
    expect(warnings.length).toBeLessThanOrEqual(PACK_LIMITS.maxWarnings + 1);
    expect(input.reads()).toBeLessThan(500);
  });
});
