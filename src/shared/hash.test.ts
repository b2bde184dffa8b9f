import { describe, expect, it } from "vitest";
import { buildManifest, hashArtefact, manifestBytes, manifestSha256 } from "./case-manifest.ts";
import { base64Decode, base64Encode, canonicalJson, sha256Hex, utf8 } from "./hash.ts";

describe("sha256Hex", () => {
  it("matches the FIPS 180-2 test vectors", async () => {
    expect(await sha256Hex(utf8("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await sha256Hex(new Uint8Array())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
  it("gives the same bytes whatever the key order", () => {
    expect(canonicalJson({ x: "é", y: null })).toBe(canonicalJson({ y: null, x: "é" }));
  });
  it("refuses non-finite numbers", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });
});

describe("case manifest", () => {
  const meta = {
    caseId: "c1",
    createdAt: "2025-05-01T12:00:00.000Z",
    url: "https://www.ebay.com/itm/1",
    marketplace: "ebay" as const,
    extensionVersion: "0.1.0",
    packs: [{ id: "p", version: 2 }],
    captureErrors: [],
  };

  it("hashes each artefact and sorts them by name", async () => {
    const a = await hashArtefact({
      name: "verdict.json",
      kind: "verdict",
      mime: "application/json",
      bytes: utf8("{}"),
    });
    const b = await hashArtefact({
      name: "listing.json",
      kind: "listing",
      mime: "application/json",
      bytes: utf8("[]"),
    });
    const m = buildManifest(meta, [a, b]);
    expect(m.artefacts.map((x) => x.name)).toEqual(["listing.json", "verdict.json"]);
    expect(a.sha256).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    expect(a.bytes).toBe(2);
  });

  it("has a hash that is the SHA-256 of manifest.json's bytes and changes with any field", async () => {
    const m = buildManifest(meta, []);
    expect(await manifestSha256(m)).toBe(await sha256Hex(manifestBytes(m)));
    expect(await manifestSha256({ ...m, url: "https://www.ebay.com/itm/2" })).not.toBe(await manifestSha256(m));
  });
});

describe("base64", () => {
  it("round-trips every byte value, also past the chunk size", () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) & 0xff);
    expect(base64Decode(base64Encode(bytes))).toEqual(bytes);
    expect(base64Encode(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });

  it("matches Node's encoder at every length around the block size", () => {
    const bytes = new Uint8Array(0x6000 * 2 + 5).map((_, i) => (i * 31 + (i >> 8)) & 0xff);
    for (const n of [0, 1, 2, 3, 0x5fff, 0x6000, 0x6001, 0x6002, 0xc000, 0xc001, bytes.length]) {
      expect(base64Encode(bytes.subarray(0, n))).toBe(Buffer.from(bytes.subarray(0, n)).toString("base64"));
    }
  });

  it("encodes parts as their concatenation, however they cut the blocks (empty parts too)", () => {
    const bytes = new Uint8Array(0x6000 * 3 + 7).map((_, i) => (i * 13 + (i >> 9)) & 0xff);
    const expected = Buffer.from(bytes).toString("base64");
    const cuts = [
      [0, 1, 2, 30, 0x6000, 0x6001, 0xbfff, 0xc000 + 5, bytes.length],
      [0, 0, 0x5fff, 0x5fff, 0x6002, bytes.length],
      [0, 3, 6, 9, bytes.length - 1, bytes.length],
    ];
    for (const at of cuts) {
      const parts = at.slice(1).map((end, i) => bytes.subarray(at[i], end));
      expect(base64Encode(parts), at.join(",")).toBe(expected);
    }
    expect(base64Encode([])).toBe("");
  });
});
