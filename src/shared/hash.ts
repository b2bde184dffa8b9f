/** SHA-256 and canonical JSON: the same bytes hashed in the worker, the options page, the CLI and tests. */

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Lowercase hex SHA-256 (crypto.subtle: service worker, extension pages and Node alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, no
 * undefined, no non-finite numbers — so the same manifest always has the
 * same bytes and the same hash, whoever serialises it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonicalJson: non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
}

/** Bytes per btoa call: a multiple of 3, so the pieces join without padding in between. */
const BASE64_BLOCK = 0x6000;

/**
 * Base64 in blocks: a case bundle of tens of MB is never also held as one
 * binary string of the same length on its way to btoa.
 */
export function base64Encode(bytes: Uint8Array | readonly Uint8Array[]): string {
  const out: string[] = [];
  // Parts (a ZIP's headers and its files' own bytes) are encoded in place: a block that spans two parts takes
  // its tail from the next one, so the pieces still join without padding in between.
  const parts = bytes instanceof Uint8Array ? [bytes] : bytes;
  let carry = new Uint8Array(0);
  for (const part of parts) {
    let at = 0;
    if (carry.length > 0) {
      const take = Math.min(BASE64_BLOCK - carry.length, part.length);
      const joined = new Uint8Array(carry.length + take);
      joined.set(carry);
      joined.set(part.subarray(0, take), carry.length);
      at = take;
      carry = joined;
      if (carry.length < BASE64_BLOCK) continue;
      out.push(btoa(String.fromCharCode(...carry)));
      carry = new Uint8Array(0);
    }
    for (; at + BASE64_BLOCK <= part.length; at += BASE64_BLOCK) {
      out.push(btoa(String.fromCharCode(...part.subarray(at, at + BASE64_BLOCK))));
    }
    carry = part.slice(at);
  }
  if (carry.length > 0) out.push(btoa(String.fromCharCode(...carry)));
  return out.join("");
}

export function base64Decode(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
