import { createPrivateKey, sign as nodeSign } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  base64ToBytes,
  bytesToBase64,
  derToRaw,
  generateKeyPair,
  importPrivateKey,
  importPublicKey,
  parseSignature,
  rawToDer,
  replayProblem,
  signPackBytes,
  toPem,
  verifyPackBytes,
} from "./pack-signature.ts";
import { english } from "./said.ts";

const PACK = new TextEncoder().encode('{"format":1,"id":"acme.brand","version":7}\n');

async function keyPair() {
  const pair = await generateKeyPair();
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  return { pair, publicPem: toPem(spki, "PUBLIC KEY"), privatePem: toPem(pkcs8, "PRIVATE KEY") };
}

/** The replay problem in English, null when there is none. */
function replayText(...args: Parameters<typeof replayProblem>): string | null {
  const problem = replayProblem(...args);
  return problem ? english(problem) : null;
}

describe("pack signatures", () => {
  it("accepts a good raw r||s signature of the exact bytes", async () => {
    const { pair, publicPem } = await keyPair();
    const sig = await signPackBytes(PACK, pair.privateKey);
    expect(base64ToBytes(sig)).toHaveLength(64);
    const pub = await importPublicKey(publicPem);
    expect(await verifyPackBytes(PACK, sig, pub.key)).toBe(true);
  });

  it("refuses the pack when one byte is flipped", async () => {
    const { pair, publicPem } = await keyPair();
    const sig = await signPackBytes(PACK, pair.privateKey);
    const pub = await importPublicKey(publicPem);
    for (const at of [0, 10, PACK.length - 1]) {
      const tampered = PACK.slice();
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      expect(await verifyPackBytes(tampered, sig, pub.key)).toBe(false);
    }
    const badSig = base64ToBytes(sig);
    badSig[5] = (badSig[5] ?? 0) ^ 0x80;
    expect(await verifyPackBytes(PACK, bytesToBase64(badSig), pub.key)).toBe(false);
  });

  it("refuses a signature by another key", async () => {
    const signer = await keyPair();
    const other = await keyPair();
    const sig = await signPackBytes(PACK, signer.pair.privateKey);
    const wrong = await importPublicKey(other.publicPem);
    expect(await verifyPackBytes(PACK, sig, wrong.key)).toBe(false);
  });

  it("refuses a missing or garbage signature without throwing", async () => {
    const { publicPem } = await keyPair();
    const pub = await importPublicKey(publicPem);
    expect(await verifyPackBytes(PACK, "", pub.key)).toBe(false);
    expect(await verifyPackBytes(PACK, "not base64 at all!", pub.key)).toBe(false);
    expect(await verifyPackBytes(PACK, bytesToBase64(new Uint8Array(40)), pub.key)).toBe(false);
  });

  it("accepts a DER signature made by OpenSSL (node:crypto)", async () => {
    const { publicPem, privatePem } = await keyPair();
    const der = nodeSign("sha256", PACK, { key: createPrivateKey(privatePem), dsaEncoding: "der" });
    expect(der[0]).toBe(0x30);
    const pub = await importPublicKey(publicPem);
    expect(await verifyPackBytes(PACK, der.toString("base64"), pub.key)).toBe(true);
    // And the conversion round-trips.
    expect(rawToDer(derToRaw(new Uint8Array(der)))).toEqual(new Uint8Array(der));
  });

  it("converts DER integers with a sign byte or fewer than 32 bytes", () => {
    const r = new Uint8Array(32).fill(0);
    r[31] = 5; // a short r: DER writes 1 byte
    const s = new Uint8Array(32).fill(0xff); // high bit: DER prefixes 0x00
    const raw = new Uint8Array([...r, ...s]);
    const der = rawToDer(raw);
    expect(der[3]).toBe(1);
    expect(derToRaw(der)).toEqual(raw);
    expect(parseSignature(bytesToBase64(der))).toEqual(raw);
    expect(() => derToRaw(der.subarray(0, der.length - 1))).toThrow(/DER/);
  });

  it("imports public keys as PEM, bare base64 and JWK with the same fingerprint", async () => {
    const { pair, publicPem } = await keyPair();
    const jwk = await crypto.subtle.exportKey("jwk", pair.publicKey);
    const a = await importPublicKey(publicPem);
    const b = await importPublicKey(a.spkiBase64);
    const c = await importPublicKey(JSON.stringify(jwk));
    expect(a.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).toBe(a.fingerprint);
    await expect(importPublicKey("hello")).rejects.toThrow(/public key/);
  });

  it("signs with a PKCS#8 PEM private key", async () => {
    const { publicPem, privatePem } = await keyPair();
    const key = await importPrivateKey(privatePem);
    const sig = await signPackBytes(PACK, key);
    expect(await verifyPackBytes(PACK, sig, (await importPublicKey(publicPem)).key)).toBe(true);
  });
});

describe("replays", () => {
  const prev = { id: "acme.brand", version: 7, sha256: "aa" };
  it("allows a higher version", () => {
    expect(replayProblem(prev, { ...prev, version: 8, sha256: "bb" })).toBeNull();
    expect(replayProblem(null, prev)).toBeNull();
  });
  it("refuses a lower version", () => {
    expect(replayText(prev, { ...prev, version: 6, sha256: "cc" })).toMatch(/older than the installed version 7/);
  });
  it("refuses the same version with other content, not with the same content", () => {
    expect(replayText(prev, { ...prev, sha256: "dd" })).toMatch(/must raise the version/);
    expect(replayProblem(prev, { ...prev })).toBeNull();
  });
  it("refuses a feed that switches pack id", () => {
    expect(replayText(prev, { id: "copycatch.default", version: 99, sha256: "ee" })).toMatch(/instead of/);
  });
});
