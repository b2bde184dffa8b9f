import { describe, expect, it } from "vitest";
import { Strings } from "./strings.ts";

const ENCODER = new TextEncoder();

describe("Strings.of", () => {
  it("writes each string's UTF-8 bytes at its offset, as TextEncoder encodes it alone", () => {
    const list = [
      "",
      "abc",
      "é",
      "日本",
      "😀",
      "a\ud800b",
      "\udc00",
      "x\udbff",
      "\udfff\ud800",
      "潘家多拉 🎉",
      "\ud800",
    ];
    // "x\udbff" then "\udfff\ud800": joined, the lone surrogates would pair up; each must stay as encoded alone.
    const col = Strings.of(list);
    list.forEach((s, i) => {
      const bytes = col.bytes.subarray(col.offsets[i] as number, col.offsets[i + 1] as number);
      expect(Array.from(bytes), JSON.stringify(s)).toEqual(Array.from(ENCODER.encode(s)));
      expect(col.at(i)).toBe(s);
    });
  });
});
