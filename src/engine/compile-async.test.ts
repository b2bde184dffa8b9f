/**
 * The sliced compile: the same compiled bytes as the one-call compile, and no
 * slice runs more than COMPILE_SLICE loop units (brands or patterns), however
 * large the pack: counted work, not time.
 */
import { describe, expect, it } from "vitest";
import { bigPack, PATTERNS_PER_BRAND } from "../shared/big-pack.node.ts";
import { COMPILE_SLICE, compile, compileAsync, serialize } from "./compiler.ts";
import { testPack } from "./test-pack.ts";

const noPause = () => Promise.resolve();

async function slices(brands: number): Promise<number[]> {
  const units: number[] = [];
  await compileAsync([bigPack("slices", brands)], { pause: noPause, onSlice: (u) => units.push(u) });
  return units;
}

describe("compileAsync", () => {
  it("builds exactly what compile builds", async () => {
    for (const packs of [[testPack()], [testPack(), bigPack("extra", 200)]]) {
      const sliced = serialize(await compileAsync(packs, { pause: noPause, now: "2026-01-01T00:00:00Z" }));
      const whole = serialize(compile(packs, { now: "2026-01-01T00:00:00Z" }));
      expect(Buffer.from(sliced).equals(Buffer.from(whole))).toBe(true);
    }
  });

  it("never runs more than COMPILE_SLICE loop units between two pauses, whatever the pack size", async () => {
    for (const brands of [50, 200, 800]) {
      const units = await slices(brands);
      expect(Math.max(...units)).toBeLessThanOrEqual(COMPILE_SLICE);
      // Every pattern is a unit of the fold loop and again of the table loop: the slices grow with the pack.
      const patterns = brands * PATTERNS_PER_BRAND;
      expect(units.length).toBeGreaterThanOrEqual((2 * patterns) / COMPILE_SLICE);
    }
  });
});
