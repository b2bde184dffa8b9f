/**
 * The description's windowed reading (scan.ts findWindows + fields.ts
 * readSparse) must give exactly what a scan of the whole text gives: same
 * terms, negations, quantities, spans, kinds of item.
 */
import { describe, expect, it } from "vitest";
import { compileDefaultPack } from "../../test-support/default-pack.ts";
import { rng } from "../shared/prng.node.ts";
import { PRODUCT_TYPES } from "../shared/product-types.ts";
import { readField } from "./fields.ts";
import { SIDE_BRAND, SIDE_CONTEXT, SIDE_TERM } from "./layout.ts";

const m = compileDefaultPack();

const FILLER =
  "the and with for this that from your our item quality shipping fast new style size colour fabric soft design gift perfect daily wear return please note hand wash cotton package includes photos real product".split(
    " ",
  );
const SPICE = [
  "not a replica",
  "no fake",
  "Not  1:1",
  "lot of 12",
  "LOT OF 50 pcs",
  "20pcs",
  "10 pairs",
  "wholesale",
  "shoes",
  "bag",
  "AAA quality",
  "mirror\nquality",
  "super-copy",
  "réplica",
  "高仿",
  "原单 正品",
  "スーパーコピー",
  "реплика люкс",
  "ｒｅｐｌｉｃａ",
  "re\u200bplica",
  "no, replica",
  "1.1",
  "7A quality",
];

function text(r: () => number, words: number, spice: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const x = r();
    out.push(
      x < spice
        ? (SPICE[Math.floor(r() * SPICE.length)] as string)
        : (FILLER[Math.floor(r() * FILLER.length)] as string),
    );
  }
  const seps = [" ", " ", " ", "  ", "\n", ", ", ". ", "\t"];
  return out.reduce((acc, w) => acc + (seps[Math.floor(r() * seps.length)] as string) + w, "");
}

describe("description read through candidate windows", () => {
  it("equals reading the whole text", () => {
    const r = rng(11);
    for (let i = 0; i < 400; i++) {
      const t = text(
        r,
        40 + Math.floor(r() * (i % 7 === 0 ? 4000 : 600)),
        [0, 0.002, 0.01, 0.05, 0.3][i % 5] as number,
      );
      const whole = readField(m, "description", t, SIDE_TERM, false, false);
      const sparse = readField(m, "description", t, SIDE_TERM, false, true);
      expect(sparse).toEqual(whole);
    }
  });

  it("finds terms at the very start and end of a long text", () => {
    const filler = " soft cotton".repeat(100);
    const t = `replica${filler} not a replica${filler} lot of 20`;
    const sparse = readField(m, "description", t, SIDE_TERM, false, true);
    expect(sparse).toEqual(readField(m, "description", t, SIDE_TERM, false, false));
    expect(sparse.terms.length).toBeGreaterThan(0);
  });
});

describe("kinds of item in the singular", () => {
  it("reads a kind's singular as the kind, as its plural ('Leather Sandal', 'Slipper', 'Sock', 'Earbud')", () => {
    const kind = (t: string) =>
      readField(m, "title", t, SIDE_BRAND | SIDE_TERM | SIDE_CONTEXT, false).itemType.map(
        (x) => PRODUCT_TYPES[x]?.type,
      );
    for (const [singular, type] of [
      ["Oran Epsom Leather Sandal", "sandals"],
      ["Tasman Slipper", "sandals"],
      ["Classic Crew Sock", "socks"],
      ["Tech Jogger", "trousers"],
      ["Align Legging", "trousers"],
      ["Wireless Earbud", "earbuds"],
      ["Studio Headphone", "headphones"],
    ] as const) {
      expect(kind(singular), singular).toEqual([type]);
      expect(kind(`${singular}s`), `${singular}s`).toEqual([type]);
    }
  });
});

describe("kinds of item beyond the first list", () => {
  const read = (t: string) => readField(m, "title", t, SIDE_BRAND | SIDE_TERM | SIDE_CONTEXT, false);
  const kinds = (t: string) => read(t).types.map((x) => PRODUCT_TYPES[x]?.type);
  /** The title names this kind of item by a brand word only: no kind named outright. */
  const byBrandWordOnly = (t: string, type: string) => {
    const r = read(t);
    expect(r.types, t).toEqual([]);
    expect(
      r.brandTypes.map((x) => PRODUCT_TYPES[x]?.type),
      t,
    ).toEqual([type]);
  };

  it("reads dresses and skirts as kinds of their own, in the languages of the markets", () => {
    for (const t of ["Silk Midi Dress", "Floral dresses", "Vestido de seda", "Seidenkleid Kleid", "连衣裙 夏季"])
      expect(kinds(t), t).toEqual(["dress"]);
    for (const t of ["Pleated Skirt", "Falda plisada", "半身裙 百褶", "Jupe plissée"])
      expect(kinds(t), t).toEqual(["skirt"]);
  });

  it("reads loafers and heels as shoes, clogs and mules as the slip-on kind", () => {
    for (const t of ["Horsebit Leather Loafers", "Patent High Heels", "Canvas Espadrilles", "Ballet Flats"])
      expect(kinds(t), t).toEqual(["sneakers"]);
    for (const t of ["Classic Clogs", "Satin Mules", "Classic Clog"]) expect(kinds(t), t).toEqual(["sandals"]);
  });

  it("reads team jerseys as a kind of their own, in the languages of the markets", () => {
    for (const t of ["Home Jersey 24/25", "Soccer Jersey", "Heim Trikot", "Camiseta de fútbol", "巴萨 球衣"])
      expect(kinds(t), t).toEqual(["jersey"]);
  });

  it("reads shoe charms as charms, like bag charms", () => {
    expect(kinds("Shoe Charms 10 pack")).toContain("key ring");
  });

  it("reads 'battery' as a power-tool battery only as a brand word", () => {
    byBrandWordOnly("18V LXT battery", "tool battery");
    expect(kinds("Power Tool Battery 5.0Ah")).toEqual(["tool battery"]);
  });

  it("reads trading cards as a kind of their own", () => {
    for (const t of ["Scarlet Violet Booster Pack", "TCG single holo", "Trading Cards lot", "集换式卡牌"])
      expect(kinds(t), t).toEqual(["trading card"]);
  });

  it("reads card cases, coin purses and key cases in the languages of the markets as wallets and key rings", () => {
    for (const t of ["Coin Purse", "카드지갑", "カードケース", "卡夹"]) expect(kinds(t), t).toEqual(["wallet"]);
    for (const t of ["Leather Key Case", "キーケース", "钥匙包"]) expect(kinds(t), t).toEqual(["key ring"]);
  });

  it("reads 'card' as a trading card only as a brand word", () => {
    byBrandWordOnly("Dark Magician Common Card", "trading card");
    // Inside a longer kind's words it is that kind.
    expect(kinds("Leather Card Holder")).toEqual(["wallet"]);
  });

  it("reads 'ring' as jewellery only as a brand word, and never inside 'key ring'", () => {
    byBrandWordOnly("Sterling Silver Ring", "jewellery");
    const key = read("Leather Key Ring");
    expect(key.types.map((x) => PRODUCT_TYPES[x]?.type)).toEqual(["key ring"]);
    expect(key.brandTypes).toEqual([]);
  });
});
