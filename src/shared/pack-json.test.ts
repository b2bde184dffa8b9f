/**
 * The sliced JSON parse gives what JSON.parse gives (or an error where it
 * throws), and, with the sliced validation, reads a large pack in bounded
 * slices: no slice over SLICE_UNITS units, no built-in call over BLOCK
 * elements (test-support/native-work.ts). Counted work, not time.
 */
import { describe, expect, it } from "vitest";
import { countNativeWork } from "../../test-support/native-work.ts";
import { bigPack } from "./big-pack.node.ts";
import { JsonTextError, PARSE_UNITS, parseJson, parseJsonSteps } from "./pack-json.ts";
import { validatePack, validateSteps } from "./pack-validate.ts";
import { BLOCK, SLICE_UNITS, Slicer, type Steps } from "./slices.ts";

function sliced<T>(steps: Steps<T>): { value: T; units: number[]; largestCall: number; slices: number } {
  const units: number[] = [];
  const { counter, restore } = countNativeWork();
  try {
    for (;;) {
      const s = steps.next();
      if (s.done) return { value: s.value, units, largestCall: counter.largestCall, slices: units.length };
      units.push(s.value);
    }
  } finally {
    restore();
  }
}

describe("parseJson", () => {
  it("gives what JSON.parse gives, from text or UTF-8 bytes", () => {
    const texts = [
      '{"a":1,"b":[true,false,null,"x\\u00e9\\n"],"c":{"d":-1.5e3}}',
      ' [1, 2, {"__proto__": {"x": 1}, "b": "é"}] ',
      '"str"',
      "12",
      "null",
      '{"a":1,"a":2}',
      `{"long":"${"日本".repeat(20_000)}"}`,
    ];
    for (const t of texts) {
      expect(parseJson(t)).toEqual(JSON.parse(t));
      expect(parseJson(new TextEncoder().encode(t))).toEqual(JSON.parse(t));
    }
  });

  it('keeps "__proto__" as an own property, never as the prototype', () => {
    const v = parseJson('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.hasOwn(v, "__proto__")).toBe(true);
    expect((v as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("throws JsonTextError where JSON.parse throws, and on bytes that are not UTF-8", () => {
    for (const t of ['{"a":1} x', '{"a":', "", '{"a":1}{"b":2}', '{"a":1,}', "{'a':1}", "[1,]"]) {
      expect(() => JSON.parse(t)).toThrow();
      expect(() => parseJson(t)).toThrow(JsonTextError);
    }
    expect(() => parseJson(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).toThrow(JsonTextError);
  });

  it("parses and validates a large pack in bounded slices, the same pack as the one-call path", () => {
    const pack = bigPack("big.json", 3_000);
    const text = JSON.stringify(pack);
    const parsed = sliced(parseJsonSteps(text, new Slicer()));
    expect(parsed.value).toEqual(JSON.parse(text));
    expect(Math.max(...parsed.units)).toBeLessThanOrEqual(SLICE_UNITS);
    expect(parsed.largestCall).toBeLessThanOrEqual(BLOCK);
    // A block of JSON text costs PARSE_UNITS units: a slice parses at most SLICE_UNITS / PARSE_UNITS blocks.
    expect(parsed.slices).toBeGreaterThan((text.length * PARSE_UNITS) / (SLICE_UNITS * BLOCK) - 1);

    const validated = sliced(validateSteps(parsed.value, {}, new Slicer()));
    expect(validated.value).toEqual(validatePack(JSON.parse(text)));
    expect(Math.max(...validated.units)).toBeLessThanOrEqual(SLICE_UNITS);
    expect(validated.largestCall).toBeLessThanOrEqual(BLOCK);
    // A brand is a unit: 3,000 brands take at least 30 slices.
    expect(validated.slices).toBeGreaterThanOrEqual(3_000 / SLICE_UNITS);
  });
});
