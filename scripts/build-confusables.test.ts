import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFUSABLES_FILE, compile, confusablesJson, readSource } from "./build-confusables.ts";

describe("confusables compiled from Unicode's data", () => {
  it("data/confusables.json is what the script makes from the installed package (run it after an update)", () => {
    expect(readFileSync(CONFUSABLES_FILE, "utf8")).toBe(confusablesJson());
    expect(JSON.parse(readFileSync(CONFUSABLES_FILE, "utf8")).source).toMatch(/^unhomoglyph 1\.0\.6 /);
  });

  const folded = compile(readSource().map);

  it("folds look-alike letters of Cyrillic, Greek, Armenian, Cherokee, Lisu and Latin's own small capitals", () => {
    for (const [ch, latin] of [
      ["а", "a"], // Cyrillic small a
      ["і", "i"], // Ukrainian i
      ["г", "r"], // skeleton r in confusables.txt
      ["Ι", "i"], // Greek capital iota: skeleton l, the shape of capital I
      ["ǀ", "l"], // Latin letter dental click (no case): skeleton l
      ["н", "h"], // skeleton ʜ (small capital H): its capital Н is H
      ["ʜ", "h"], // the skeleton itself, by its class
      ["ɢ", "g"],
      ["օ", "o"], // Armenian
      ["Ꭺ", "a"], // Cherokee
      ["ꓮ", "a"], // Lisu
      ["ø", "o"], // o with a stroke: marks dropped, as the engine drops them from text
      ["æ", "ae"],
    ]) {
      expect([ch, folded.get(ch as string)]).toEqual([ch, latin]);
    }
  });

  it("leaves out letters whose skeleton is a digit, letters of right-to-left and other native scripts, and NFKD's own", () => {
    for (const ch of [
      "З", // Cyrillic Ze: skeleton 3, would split Russian words
      "б", // skeleton 6
      "ه", // Arabic heh: skeleton o
      "ا", // Arabic alef: skeleton l
      "ו", // Hebrew vav: skeleton l
      "ס", // Hebrew samekh: skeleton o
      "Ю", // Cyrillic Yu: skeleton lO, two letters
      "ß", // the skeleton of Greek β, a German letter
      "𝐀", // mathematical bold A: NFKD folds it
      "ſ", // long s: NFKD says s, confusables say f
    ]) {
      expect([ch, folded.get(ch)]).toEqual([ch, undefined]);
    }
    for (const [ch, latin] of folded) {
      expect(/^[a-z]+$/.test(latin) && /^\p{L}$/u.test(ch) && (ch.codePointAt(0) ?? 0) >= 128).toBe(true);
      expect(/\p{Script=Arabic}|\p{Script=Hebrew}|\p{Script=Han}|\p{Script=Hangul}|\p{Script=Thai}/u.test(ch)).toBe(
        false,
      );
    }
  });
});
