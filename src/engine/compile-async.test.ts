/**
 * The sliced compile: the same compiled bytes as the one-call compile, and
 * every phase in slices, however large the pack: no slice runs more than
 * COMPILE_SLICE units of work, and no built-in call inside the compile (a
 * column copy, a string encode, an array walk) handles more than BLOCK
 * elements, counted by the native-work counter (test-support/native-work.ts).
 * Counted work, not time.
 */
import { describe, expect, it } from "vitest";
import { countNativeWork } from "../../test-support/native-work.ts";
import { bigPack, PATTERNS_PER_BRAND } from "../shared/big-pack.node.ts";
import { BLOCK, SLICE_UNITS, Slicer } from "../shared/slices.ts";
import { COMPILE_SLICE, compile, compileAsync, serialize, serializeSteps } from "./compiler.ts";
import { testPack } from "./test-pack.ts";

const noPause = () => Promise.resolve();

interface Profile {
  units: number[];
  /** Elements handled by built-ins in each slice. */
  native: number[];
  largestCall: number;
}

async function profile(brands: number): Promise<Profile> {
  const pack = bigPack("slices", brands);
  const units: number[] = [];
  const native: number[] = [];
  const { counter, restore } = countNativeWork();
  let before = 0;
  try {
    const matcher = await compileAsync([pack], {
      pause: noPause,
      onSlice: (u) => {
        units.push(u);
        native.push(counter.total - before);
        before = counter.total;
      },
    });
    const steps = serializeSteps(matcher, new Slicer());
    for (let s = steps.next(); !s.done; s = steps.next()) {
      units.push(s.value);
      native.push(counter.total - before);
      before = counter.total;
    }
  } finally {
    restore();
  }
  return { units, native, largestCall: counter.largestCall };
}

describe("compileAsync", () => {
  it("builds exactly what compile builds", async () => {
    for (const packs of [[testPack()], [testPack(), bigPack("extra", 200)]]) {
      const sliced = serialize(await compileAsync(packs, { pause: noPause, now: "2026-01-01T00:00:00Z" }));
      const whole = serialize(compile(packs, { now: "2026-01-01T00:00:00Z" }));
      expect(Buffer.from(sliced).equals(Buffer.from(whole))).toBe(true);
    }
  });

  it("never runs more than COMPILE_SLICE units between two pauses, whatever the pack size", async () => {
    for (const brands of [50, 800]) {
      const { units } = await profile(brands);
      expect(Math.max(...units)).toBeLessThanOrEqual(COMPILE_SLICE);
      // Every pattern is a unit of the fold loop and again of the table loop: the slices grow with the pack.
      const patterns = brands * PATTERNS_PER_BRAND;
      expect(units.length).toBeGreaterThanOrEqual((2 * patterns) / COMPILE_SLICE);
    }
  });

  it("no built-in call in the compile or serialisation handles more than BLOCK elements, at any pack size", async () => {
    // 3,000 brands: 60,000 patterns, whose text columns hold about 500,000 characters. A column copied or a
    // string column encoded in one call (as the compile once did) is far over BLOCK.
    const small = await profile(100);
    const large = await profile(3_000);
    for (const p of [small, large]) {
      expect(p.largestCall).toBeLessThanOrEqual(BLOCK);
      // Each unit of a slice handles at most a BLOCK natively.
      expect(Math.max(...p.native)).toBeLessThanOrEqual(SLICE_UNITS * BLOCK);
    }
    // The counter sees the work: the large pack's built-ins handle many more elements in total.
    expect(large.native.reduce((a, b) => a + b, 0)).toBeGreaterThan(10 * small.native.reduce((a, b) => a + b, 0));
  });
});
