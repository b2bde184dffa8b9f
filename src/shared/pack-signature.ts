/**
 * Detached pack signatures: ECDSA P-256 with SHA-256 over the exact
 * bytes of the pack file. How they travel is documented in docs/rule-feeds.md:
 * `PACK.json` and, beside it, `PACK.json.sig` holding the base64 of the
 * signature, either raw r||s (64 bytes, what WebCrypto produces) or DER (what
 * OpenSSL produces); DER is converted here.
 *
 * Public keys are SPKI (PEM, or bare base64 of the DER) or a JWK. A key is
 * shown to people as its fingerprint: SHA-256 of the SPKI, hex in groups of
 * four, the way they compare it with what the publisher prints.
 *
 * Only WebCrypto (globalThis.crypto.subtle): runs in the service worker, the
 * options page, Node (CLI) and tests.
 */

import { type Said, SaidError, said } from "./said.ts";

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGN_ALGORITHM = { name: "ECDSA", hash: "SHA-256" } as const;

export class SignatureError extends Error {
  override name = "SignatureError";
}

/** A fresh ArrayBuffer-backed copy, which every WebCrypto signature accepts. */
function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Standard or URL-safe base64; whitespace ignored. Throws SignatureError on anything else. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new SignatureError("not base64");
  const padded = clean.padEnd(Math.ceil(clean.length / 4) * 4, "=");
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new SignatureError("not base64");
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buf(bytes)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** One DER INTEGER at `at`: its content bytes and where the next element starts. */
function derInteger(der: Uint8Array, at: number): { value: Uint8Array; next: number } {
  if (der[at] !== 0x02) throw new SignatureError("DER signature: expected an INTEGER");
  const len = der[at + 1];
  if (len === undefined || len === 0 || len > 33) throw new SignatureError("DER signature: bad INTEGER length");
  const start = at + 2;
  if (start + len > der.length) throw new SignatureError("DER signature: truncated");
  return { value: der.subarray(start, start + len), next: start + len };
}

/** A big-endian unsigned integer left-padded to 32 bytes (DER adds a 0x00 before a high bit, drops leading zeros). */
function to32(int: Uint8Array): Uint8Array {
  let v = int;
  while (v.length > 32 && v[0] === 0) v = v.subarray(1);
  if (v.length > 32) throw new SignatureError("DER signature: integer longer than 32 bytes");
  const out = new Uint8Array(32);
  out.set(v, 32 - v.length);
  return out;
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }` → raw r||s (64 bytes). */
export function derToRaw(der: Uint8Array): Uint8Array {
  if (der[0] !== 0x30) throw new SignatureError("DER signature: expected a SEQUENCE");
  const seqLen = der[1];
  // P-256 signatures are at most 72 bytes: the short length form always suffices.
  if (seqLen === undefined || seqLen >= 0x80 || seqLen + 2 !== der.length) {
    throw new SignatureError("DER signature: bad SEQUENCE length");
  }
  const r = derInteger(der, 2);
  const s = derInteger(der, r.next);
  if (s.next !== der.length) throw new SignatureError("DER signature: trailing bytes");
  const raw = new Uint8Array(64);
  raw.set(to32(r.value), 0);
  raw.set(to32(s.value), 32);
  return raw;
}

/** Raw r||s → DER, for tools that want the OpenSSL form. */
export function rawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length !== 64) throw new SignatureError("raw signature: expected 64 bytes");
  const int = (half: Uint8Array): number[] => {
    let i = 0;
    while (i < half.length - 1 && half[i] === 0) i++;
    const body = [...half.subarray(i)];
    if ((body[0] ?? 0) & 0x80) body.unshift(0);
    return [0x02, body.length, ...body];
  };
  const content = [...int(raw.subarray(0, 32)), ...int(raw.subarray(32))];
  return new Uint8Array([0x30, content.length, ...content]);
}

/** The contents of a `.sig` file (base64 of raw or DER) → raw r||s. */
export function parseSignature(text: string): Uint8Array {
  const bytes = base64ToBytes(text);
  if (bytes.length === 64) return bytes;
  if (bytes[0] === 0x30) return derToRaw(bytes);
  throw new SignatureError(`signature: ${bytes.length} bytes is neither raw r||s (64) nor DER`);
}

export interface PublicKeyInfo {
  key: CryptoKey;
  /** DER SubjectPublicKeyInfo. */
  spki: Uint8Array;
  /** Base64 of the SPKI: the pinned form stored with a subscription. */
  spkiBase64: string;
  fingerprint: string;
}

function pemBody(text: string, label: string): string | null {
  const m = text.match(new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`));
  return m?.[1] ?? null;
}

/** A public key pasted by a user or read from a file: SPKI PEM, bare base64 SPKI, or a JWK (JSON). */
export async function importPublicKey(text: string): Promise<PublicKeyInfo> {
  const trimmed = text.trim();
  let key: CryptoKey;
  try {
    if (trimmed.startsWith("{")) {
      const jwk = JSON.parse(trimmed) as JsonWebKey;
      if (jwk.kty !== "EC" || jwk.crv !== "P-256") throw new SignatureError("JWK: expected an EC P-256 key");
      const { d: _private, ...pub } = jwk; // never keep a private part
      key = await crypto.subtle.importKey("jwk", { ...pub, key_ops: ["verify"] }, ALGORITHM, true, ["verify"]);
    } else {
      const body = pemBody(trimmed, "PUBLIC KEY") ?? trimmed;
      key = await crypto.subtle.importKey("spki", buf(base64ToBytes(body)), ALGORITHM, true, ["verify"]);
    }
  } catch (error) {
    if (error instanceof SignatureError && error.message.startsWith("JWK")) {
      throw new SaidError(said("key_jwk_not_p256", { kind: "EC P-256" }));
    }
    throw new SaidError(said("key_invalid", { formats: "ECDSA P-256: SPKI (PEM, base64), JWK" }));
  }
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", key));
  return { key, spki, spkiBase64: bytesToBase64(spki), fingerprint: await fingerprint(spki) };
}

/** SHA-256 of the SPKI, uppercase hex in groups of four: "3F2A 9C01 ...". */
export async function fingerprint(spki: Uint8Array): Promise<string> {
  const hex = (await sha256Hex(spki)).toUpperCase();
  return hex.match(/.{4}/g)?.join(" ") ?? hex;
}

/** True when `signatureText` (a `.sig` file) is a valid signature of exactly `bytes` by `publicKey`. */
export async function verifyPackBytes(
  bytes: Uint8Array,
  signatureText: string,
  publicKey: CryptoKey,
): Promise<boolean> {
  let raw: Uint8Array;
  try {
    raw = parseSignature(signatureText);
  } catch {
    return false;
  }
  return crypto.subtle.verify(SIGN_ALGORITHM, publicKey, buf(raw), buf(bytes));
}

/** Signs exactly `bytes`; returns the `.sig` file contents (base64 of raw r||s). */
export async function signPackBytes(bytes: Uint8Array, privateKey: CryptoKey): Promise<string> {
  const raw = new Uint8Array(await crypto.subtle.sign(SIGN_ALGORITHM, privateKey, buf(bytes)));
  return bytesToBase64(raw);
}

/** A private key from PKCS#8 PEM (or bare base64) or a JWK with `d`. */
export async function importPrivateKey(text: string): Promise<CryptoKey> {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith("{")) {
      const jwk = JSON.parse(trimmed) as JsonWebKey;
      return await crypto.subtle.importKey("jwk", { ...jwk, key_ops: ["sign"] }, ALGORITHM, false, ["sign"]);
    }
    const body = pemBody(trimmed, "PRIVATE KEY") ?? trimmed;
    return await crypto.subtle.importKey("pkcs8", buf(base64ToBytes(body)), ALGORITHM, false, ["sign"]);
  } catch {
    throw new SignatureError("private key: not an ECDSA P-256 key in PKCS#8 (PEM or base64) or JWK form");
  }
}

export function toPem(der: Uint8Array, label: "PUBLIC KEY" | "PRIVATE KEY"): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export function generateKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
}

/** What the last accepted pack of a feed was, to refuse replays. */
export interface PackStamp {
  id: string;
  version: number;
  sha256: string;
}

/**
 * Why an incoming pack must be refused as a replay or a switch, or null when
 * it may replace `previous`. Same version and same bytes is not an update
 * (the caller treats it as "nothing new"); same version with other bytes is a
 * publisher error or an attack, refused like a lower version.
 */
export function replayProblem(previous: PackStamp | null, next: PackStamp): Said | null {
  if (!previous) return null;
  if (next.id !== previous.id) return said("feed_replay_other_pack", { next: next.id, previous: previous.id });
  if (next.version < previous.version) {
    return said("feed_replay_older", { version: next.version, installed: previous.version });
  }
  if (next.version === previous.version && next.sha256 !== previous.sha256) {
    return said("feed_replay_same_version", { version: next.version });
  }
  return null;
}
