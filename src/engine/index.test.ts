import { describe, expect, it } from "vitest";
import { emptyListing } from "../shared/listing.ts";
import * as compiler from "./compiler.ts";
import * as engine from "./index.ts";
import { testPack } from "./test-pack.ts";

describe("the engine's entries", () => {
  it("scoring entry: loads a compiled matcher and scores, without the compiler", () => {
    expect(Object.keys(engine).sort()).toEqual(
      ["COMPILED_FORMAT_VERSION", "ENGINE_VERSION", "deserialize", "normalize", "score", "serialize"].sort(),
    );
    expect("compile" in engine).toBe(false);
  });

  it("a matcher built with the compiler entry scores the same after a trip through its bytes", () => {
    const built = compiler.compile([testPack()], { now: "2025-06-01" });
    const loaded = engine.deserialize(compiler.serialize(built));
    expect(compiler.COMPILED_FORMAT_VERSION).toBe(engine.COMPILED_FORMAT_VERSION);
    for (const title of ["N*KE hoodie", "Nike replica", "summer dress"]) {
      const l = {
        ...emptyListing("https://www.ebay.com/itm/1", "ebay"),
        title,
        price: { amount: "30", currency: "USD" },
      };
      expect(engine.score(l, loaded)).toEqual(engine.score(l, built));
    }
  });
});
