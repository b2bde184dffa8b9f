import { describe, expect, it } from "vitest";
import { emptyListing } from "../shared/listing.ts";
import { testBrand } from "../shared/test-packs.node.ts";
import { compile } from "./compile.ts";
import { COMPILED_FORMAT_VERSION, FIELDS, K_BRAND, K_MODEL, patternSource } from "./layout.ts";
import { score } from "./score.ts";
import { deserialize, serialize } from "./serialize.ts";
import { Strings } from "./strings.ts";
import { testPack } from "./test-pack.ts";

describe("serialize / deserialize", () => {
  const m = compile([testPack()], { now: "2025-06-01" });
  const bytes = serialize(m);

  it("round-trips to a matcher that scores identically", () => {
    const back = deserialize(bytes);
    for (const t of ["Nike replica", "N*KE hoodie", "香家 项链", "case for iPhone 15", "summer dress"]) {
      const l = {
        ...emptyListing("https://www.ebay.com/itm/1", "ebay"),
        title: t,
        price: { amount: "30", currency: "USD" },
      };
      expect(score(l, back)).toEqual(score(l, m));
    }
  });

  it("stores the description and typo filters: both equal the compiled ones", () => {
    const back = deserialize(bytes);
    expect(back.descMargin).toBe(m.descMargin);
    expect(Array.from(back.descBits)).toEqual(Array.from(m.descBits));
    expect(back.descBits.some((w) => w !== 0)).toBe(true);
    expect(Array.from(back.typoBits)).toEqual(Array.from(m.typoBits));
  });

  it("refuses every truncation with a clear error, never a crash of another kind", () => {
    for (const cut of [8, 16, 24_584, Math.floor(bytes.length / 2), bytes.length - 17]) {
      expect(() => deserialize(bytes.slice(0, bytes.length - cut))).toThrow(/^compiled matcher: /);
    }
  });

  it("starts with the magic and the format version", () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe("CCMB");
    expect(view.getUint32(4, true)).toBe(COMPILED_FORMAT_VERSION);
  });

  it("refuses another format version with a clear error", () => {
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(4, COMPILED_FORMAT_VERSION + 1, true);
    expect(() => deserialize(other)).toThrow(/format version/);
  });

  it("refuses corrupt or truncated bytes", () => {
    const bad = bytes.slice();
    bad[bad.length - 20] = (bad[bad.length - 20] ?? 0) ^ 0xff;
    expect(() => deserialize(bad)).toThrow(/corrupt|checksum/);
    expect(() => deserialize(bytes.slice(0, 100))).toThrow();
    expect(() => deserialize(new Uint8Array(3))).toThrow(/too short/);
  });

  it("loads from an unaligned buffer", () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(() => deserialize(shifted.subarray(1))).not.toThrow();
  });

  it("round-trips every column, odd strings included (astral, empty, lone surrogates, very long), to the same bytes", () => {
    const odd = ["", "😀 Emoji 𝔘𝔫𝔦", "日本語", "a\ud800b", "é".repeat(70_000), "", "x".repeat(300_000), "潘家多拉 🎉"];
    const oddM = { ...m, d: { ...m.d, bName: Strings.of(odd), meta: Strings.of([...odd].reverse()) } };
    const first = serialize(oddM);
    const back = deserialize(first);
    // Lone surrogates come back as U+FFFD, as TextEncoder writes them.
    const expected = odd.map((x) => new TextDecoder().decode(new TextEncoder().encode(x)));
    expect(back.d.bName.all()).toEqual(expected);
    expect(back.d.meta.all()).toEqual([...expected].reverse());
    for (const [name] of FIELDS) {
      const a = oddM.d[name];
      const b = back.d[name];
      if (a instanceof Strings) expect(b instanceof Strings && b.all().length).toBe(a.length);
      else expect(Array.from(b as ArrayLike<number>), name).toEqual(Array.from(a as ArrayLike<number>));
    }
    expect(Array.from(serialize(back))).toEqual(Array.from(first));
  });

  it("round-trips through a Blob, as the service worker stores it", async () => {
    const back = deserialize(new Uint8Array(await new Blob([bytes]).arrayBuffer()));
    const l = { ...emptyListing("https://www.ebay.com/itm/1", "ebay"), title: "Nike replica" };
    expect(score(l, back)).toEqual(score(l, m));
  });

  it("refuses a change of any one byte, anywhere in the record, with a clear error", () => {
    const step = Math.max(1, Math.floor(bytes.length / 400));
    for (let at = 0; at < bytes.length; at += step) {
      for (const flip of [0x01, 0x80, 0xff]) {
        const bad = bytes.slice();
        bad[at] = (bad[at] ?? 0) ^ flip;
        expect(() => deserialize(bad), `byte ${at} ^ ${flip}`).toThrow(/^compiled matcher: /);
      }
    }
  });

  it("merges packs by brand id, later packs winning", () => {
    const a = testPack();
    const b = {
      ...testPack(),
      id: "second",
      brands: [{ ...(a.brands[0] as (typeof a.brands)[0]), name: "NikeX", aliases: [] }],
    };
    const merged = compile([a, b]);
    const l = { ...emptyListing("https://x.test/", "generic"), title: "NikeX shoes" };
    expect(score(l, merged).brand?.name).toBe("NikeX");
  });

  it("keeps every pattern's own spelling, capitals, accents and other scripts included, through a round trip", () => {
    const pack = testPack();
    pack.brands.push(
      testBrand("moet", "Moët & Chandon", {
        aliases: ["MOET", "moet chandon", "Dom Pérignon", "Хеннесси", "Air JORDAN x", "ΝΙΚΕ"],
        models: [{ name: "Brut Impérial", aliases: ["Ice IMPERIAL"], referencePrice: null }],
      }),
    );
    const compiled = compile([pack]);
    const b = pack.brands.length - 1;
    for (const matcher of [compiled, deserialize(serialize(compiled))]) {
      const d = matcher.d;
      const names = new Set<string>();
      const models = new Set<string>();
      for (let p = 0; p < d.pKind.length; p++) {
        if (d.pOwner[p] !== b) continue;
        if (d.pKind[p] === K_BRAND) names.add(patternSource(matcher, p));
        if (d.pKind[p] === K_MODEL) models.add(patternSource(matcher, p));
      }
      expect([...names].sort()).toEqual(["Moët & Chandon", ...(pack.brands[b]?.aliases ?? [])].sort());
      // Multi-word model names take their English plural too ("Brut Impérials").
      expect([...models].sort()).toEqual(["Brut Impérial", "Brut Impérials", "Ice IMPERIAL", "Ice IMPERIALs"]);
    }
  });
});
