import { describe, expect, it } from "vitest";
import { evalRecords, leaks, Matcher, ruleTexts, splitComments } from "./eval-leak.ts";

const rule = (file: string, source: string) => ({ file, ...splitComments(source) });

describe("eval-leak", () => {
  const records = [
    { id: "A9-0042", title: "Louis  Vuitton Mesh Sneakers Blue" },
    { id: "nt-x:1", title: "Nike Dunk Low" },
  ];

  it("finds an evaluation id and a copied title of four words or more (case, width and spacing folded)", () => {
    const hits = leaks(records, [
      rule("a.ts", 'const x = ["louis vuitton ＭＥＳＨ sneakers blue"];'),
      rule("b.json", '{"note": "A9-0042"}'),
      rule("c.ts", 'const models = ["Nike Dunk Low"];'),
    ]);
    expect(hits).toEqual(['a.ts: title "Louis  Vuitton Mesh Sneakers Blue" (A9-0042)', "b.json: id A9-0042"]);
  });

  it("the one-pass matcher finds exactly the patterns a search per pattern finds", () => {
    // Deterministic pseudo-random strings over a small alphabet, so patterns overlap, nest and share prefixes.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = (len: number) => Array.from({ length: len }, () => "abé-"[rand(4)]).join("");
    for (let round = 0; round < 50; round++) {
      const patterns = Array.from({ length: 30 }, () => word(rand(6)));
      const text = word(200);
      const expected = new Set(patterns.flatMap((p, i) => (p && text.includes(p) ? [i] : [])));
      expect(new Matcher(patterns).find(text)).toEqual(expected);
    }
  });

  it("keeps comments apart from code; a URL's // is code", () => {
    const s = splitComments('/** Louis Vuitton Mesh Sneakers Blue */\nconst u = "https://x.example/A9-0042"; // note');
    expect(s.text).toContain("https://x.example/A9-0042");
    expect(s.text).not.toContain("Louis");
    expect(s.comments).toContain("Louis Vuitton Mesh Sneakers Blue");
    expect(s.comments).toContain("// note");
    expect(leaks(records, [{ file: "d.ts", ...s }])).toEqual(["d.ts: id A9-0042"]);
    expect(leaks(records, [{ file: "d.ts", ...s }], "comments")).toEqual([
      'd.ts: title "Louis  Vuitton Mesh Sneakers Blue" (A9-0042)',
    ]);
  });

  it("no rule in the default pack or the engine names an evaluation id or copies an evaluation title", () => {
    const records = evalRecords();
    expect(records.length).toBeGreaterThan(1500);
    const texts = ruleTexts();
    expect(texts.some((t) => t.file === "public/packs/default.json")).toBe(true);
    expect(texts.some((t) => t.file.startsWith("src/engine/"))).toBe(true);
    expect(leaks(records, texts)).toEqual([]);
  });
});
