import { describe, expect, it } from "vitest";
import { testBrand } from "../shared/test-packs.node.ts";
import { compile } from "./compile.ts";
import { K_BRAND, K_MODEL, K_VOCAB, SIDE_BRAND, SIDE_TERM } from "./layout.ts";
import { matchText } from "./matcher.ts";
import { testPack } from "./test-pack.ts";

const m = compile([testPack()]);

function found(text: string): { id: string; how: number; text: string }[] {
  return matchText(m, text, { sides: SIDE_BRAND | SIDE_TERM, evasion: true })
    .filter((h) => [K_BRAND, K_MODEL, K_VOCAB].includes(m.d.pKind[h.p] as number))
    .map((h) => ({
      id:
        m.d.pKind[h.p] === K_VOCAB
          ? (m.d.vTerm.at(m.d.pOwner[h.p] as number) ?? "")
          : (m.d.bId.at(m.d.pOwner[h.p] as number) ?? ""),
      how: h.how,
      text: text.slice(h.start, h.end),
    }));
}

const ids = (text: string) => found(text).map((f) => f.id);

describe("matcher: Latin words", () => {
  it("matches whole words only", () => {
    expect(ids("Nike running shoes")).toEqual(["nike"]);
    expect(ids("Nikon D750 camera")).toEqual(["nikon"]);
    expect(ids("nikes nikeland snikers")).toEqual([]);
  });

  it("prefers the longest pattern and matches multi-word names across punctuation", () => {
    const f = found("Air Jordan retro / Louis-Vuitton");
    expect(f.map((x) => x.text)).toEqual(["Air Jordan", "Louis-Vuitton"]);
  });

  it("matches a multi-word name written as one word", () => {
    expect(ids("Offwhite trainers")).toEqual(["off-white"]);
  });

  it("splits letters from digits so models match glued text", () => {
    expect(found("nike airforce1")).toEqual([
      { id: "nike", how: 0, text: "nike" },
      { id: "nike", how: 1, text: "airforce1" },
    ]);
  });
});

describe("matcher: CJK substrings", () => {
  it("finds names and terms inside unspaced text", () => {
    expect(ids("正品耐克运动鞋")).toEqual(["nike"]);
    expect(ids("小香coco菱格戒指")).toEqual(["chanel"]);
    expect(ids("D家工厂外贸新款")).toEqual(["dior"]);
    expect(ids("欧美高仿包包")).toEqual(["高仿"]);
  });

  it("keeps Latin parts of CJK patterns whole-word", () => {
    expect(ids("AD家居")).toEqual([]);
  });

  it("reports spans in the original text", () => {
    const text = "ｘ 潘家多拉 手链";
    const f = found(text);
    expect(f[0]?.text).toBe("潘家多拉");
  });
});

describe("matcher: evasions", () => {
  it.each([
    ["N1ke hoodie", "N1ke"],
    ["R0LEX watch", "R0LEX"],
    ["Gucc1 belt", "Gucc1"],
    ["N.I.K.E tee", "N.I.K.E"],
    ["N i k e tee", "N i k e"],
    ["Gu-cci belt", "Gu-cci"],
    ["PR//ADA bag", "PR//ADA"],
    ["N*KE hoodie", "N*KE"],
    ["A⭐R J⭐R⭐AN BAG", "A⭐R J⭐R⭐AN"],
    ["Ca*har*t WIP", "Ca*har*t"],
    ["New Balannce 574", "New Balannce"],
  ])("finds %s", (text, span) => {
    const f = found(text);
    expect(f.length).toBeGreaterThan(0);
    expect(f[0]?.text).toBe(span);
  });

  it("does not turn ordinary words into brands", () => {
    expect(ids("Nikon lens, T-shirt, e-book, anti-slip, non-slip, x-large")).toEqual(["nikon"]);
    expect(ids("Valentine carrier bag for channel")).toEqual([]);
    // A two-word misspelling is one name split by a space, never words across punctuation.
    expect(ids("New (Balannce) 574")).toEqual([]);
    expect(ids("New Balannce 574")).toEqual(["new-balance"]);
  });

  it("finds a name of two or three katakana only as a katakana word of its own", () => {
    const pack = testPack();
    pack.brands = [
      testBrand("ugg", "UGG", { aliases: ["アグ"] }),
      testBrand("schick", "Schick", { aliases: ["シック"] }),
      testBrand("hermes", "Hermès", { aliases: ["エルメス"] }),
    ];
    const k = compile([pack]);
    const idsIn = (text: string) =>
      matchText(k, text, { sides: SIDE_BRAND, evasion: true }).map((h) => k.d.bId.at(k.d.pOwner[h.p] as number));
    expect(idsIn("ビオレUV アクアリッチ ウォータリーエッセンス")).toEqual([]);
    expect(idsIn("クラシック ワンピース")).toEqual([]);
    expect(idsIn("アグ ブーツ")).toEqual(["ugg"]);
    expect(idsIn("【アグ】ムートンブーツ")).toEqual(["ugg"]);
    expect(idsIn("シック・ハイドロ5 替刃")).toEqual(["schick"]);
    // A longer name is found glued to the next word.
    expect(idsIn("エルメススカーフ")).toEqual(["hermes"]);
  });

  it("never reads a name's own digits as the letters of a misspelling", () => {
    const pack = testPack();
    pack.brands = [testBrand("supreme", "Supreme"), testBrand("super73", "Super73")];
    const two = compile([pack]);
    const idsIn = (text: string) =>
      matchText(two, text, { sides: SIDE_BRAND, evasion: true }).map((h) => two.d.bId.at(two.d.pOwner[h.p] as number));
    // "Superme" is Supreme misspelt (two letters swapped), one letter from "superte", Super73 with its digits read as letters.
    expect(idsIn("Superme box logo hoodie")).toEqual(["supreme"]);
    expect(idsIn("Super73 R series")).toEqual(["super73"]);
  });
});

describe("matcher: names that are not the brand", () => {
  const withNames = compile([
    {
      ...testPack(),
      brands: [
        testBrand("alexander-mcqueen", "Alexander McQueen", {
          aliases: ["McQueen", "麦昆"],
          notBrand: ["Steve McQueen", "Lightning McQueen", "闪电麦昆"],
        }),
      ],
    },
  ]);
  const all = (text: string) =>
    matchText(withNames, text, { sides: SIDE_BRAND | SIDE_TERM, evasion: true }).map((h) => ({
      kind: withNames.d.pKind[h.p],
      text: text.slice(h.start, h.end),
    }));

  it("another's longer name hides the brand's inside it and is no hit itself", () => {
    for (const t of [
      "Steve McQueen Le Mans t-shirt",
      "Lightning McQueen backpack",
      "闪电麦昆 儿童书包",
      "Steve McQueen",
    ])
      expect(all(t), t).toEqual([]);
    expect(all("McQueen oversized sneakers")).toEqual([{ kind: K_BRAND, text: "McQueen" }]);
    expect(all("Alexander McQueen sneakers like Steve McQueen's")).toEqual([
      { kind: K_BRAND, text: "Alexander McQueen" },
    ]);
    expect(all("麦昆小白鞋")).toEqual([{ kind: K_BRAND, text: "麦昆" }]);
  });

  it("is found only as written: a disguised brand name is still the brand", () => {
    expect(all("Lightning McQu33n sneakers")).toEqual([{ kind: K_BRAND, text: "McQu33n" }]);
    expect(all("Steve M.c.Q.u.e.e.n sneakers").map((h) => h.kind)).toEqual([K_BRAND]);
  });
});
