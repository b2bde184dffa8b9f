/**
 * Binary form of the compiled matcher, so a waking service worker loads it
 * instead of recompiling. Layout (little-endian):
 *   "CCMB" | u32 format version | u32 field count | u32 checksum of the rest
 *   then per field in FIELDS order: u8 type, 3 bytes padding, u32 byte length,
 *   the bytes, zero padding to a multiple of 8;
 *   then the description filter: u32 word margin, 4 bytes padding,
 *   PRE_BITS_WORDS u32 of bits (derived from the patterns, stored so a load
 *   makes no pass over them); then the typo filter, TYPO_BITS_WORDS u32
 *   (derived from the typo keys, stored since format 13: 256 KB read cost
 *   less than the loop over the keys in a cold worker).
 * Every column is read back as views on the same buffer (no copy, no
 * decoding): typed arrays directly, string columns as their offsets (count +
 * 1 i32) and UTF-8 bytes, decoded one string at a time when read
 * (strings.ts). The checksum runs as one plain loop on load, so a cold
 * worker's engine can optimise it while it runs.
 */

import { BLOCK, copyInto, runSteps, Slicer, type Steps } from "../shared/slices.ts";
import {
  COMPILED_FORMAT_VERSION,
  type CompiledMatcher,
  emptyData,
  FIELDS,
  type FieldType,
  type MatcherData,
  TYPO_BITS_WORDS,
  withStoredTables,
} from "./layout.ts";
import { PRE_BITS_WORDS } from "./scan.ts";
import { Strings } from "./strings.ts";

const MAGIC = 0x424d4343; // "CCMB" read as little-endian u32
const HEADER = 16;
const TYPE_CODE: Record<FieldType, number> = { i32: 1, u8: 2, u16: 3, f64: 4, str: 5 };

type Column = Int32Array | Uint8Array | Uint16Array | Float64Array | Strings;

/** A column's parts as bytes: a typed array's own bytes; a string column's offsets (count + 1 little-endian i32) then its UTF-8 bytes. */
function columnParts(col: Column): Uint8Array[] {
  if (col instanceof Strings) {
    return [new Uint8Array(col.offsets.buffer, col.offsets.byteOffset, col.offsets.byteLength), col.bytes];
  }
  return [new Uint8Array(col.buffer, col.byteOffset, col.byteLength)];
}

const pad8 = (n: number) => (n + 7) & ~7;
/** Bytes of the description filter after the fields: margin, padding, bits. */
const DESC_BYTES = 8 + 4 * PRE_BITS_WORDS;
/** Bytes of the typo filter after it. */
const TYPO_BYTES = 4 * TYPO_BITS_WORDS;

export function serialize(m: CompiledMatcher): Uint8Array<ArrayBuffer> {
  return runSteps(serializeSteps(m, new Slicer()));
}

/** The same bytes in slices: copies (BLOCK bytes) and the checksum (BLOCK words) a unit of work each. */
export function* serializeSteps(m: CompiledMatcher, work: Slicer): Steps<Uint8Array<ArrayBuffer>> {
  const parts = FIELDS.map(([name, type]) => {
    const bytes = columnParts(m.d[name] as Column);
    return { type, bytes, length: bytes.reduce((n, b) => n + b.length, 0), count: countOf(m.d[name] as Column) };
  });
  let size = HEADER;
  for (const p of parts) size += 16 + pad8(p.length);
  size += DESC_BYTES + TYPO_BYTES;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, COMPILED_FORMAT_VERSION, true);
  view.setUint32(8, FIELDS.length, true);
  let off = HEADER;
  for (const p of parts) {
    out[off] = TYPE_CODE[p.type];
    view.setUint32(off + 4, p.length, true);
    view.setUint32(off + 8, p.count, true);
    off += 12;
    off = pad8(off);
    let at = off;
    for (const b of p.bytes) {
      yield* copyInto(out, b, at, work);
      at += b.length;
    }
    off += pad8(p.length);
  }
  if (m.descBits.length !== PRE_BITS_WORDS) throw new Error("compiled matcher: description filter of the wrong size");
  view.setUint32(off, m.descMargin, true);
  yield* copyInto(out, new Uint8Array(m.descBits.buffer, m.descBits.byteOffset, m.descBits.byteLength), off + 8, work);
  off += DESC_BYTES;
  if (m.typoBits.length !== TYPO_BITS_WORDS) throw new Error("compiled matcher: typo filter of the wrong size");
  yield* copyInto(out, new Uint8Array(m.typoBits.buffer, m.typoBits.byteOffset, m.typoBits.byteLength), off, work);
  off += TYPO_BYTES;
  view.setUint32(12, yield* checksumSteps(out, HEADER, off, work), true);
  return out.subarray(0, off);
}

/** Number of elements (strings in a string column). */
function countOf(col: Column): number {
  return col.length;
}

/**
 * Word-wise multiplicative checksum over the body: catches truncation and
 * corruption cheaply. Four independent lanes (words i, i+1, i+2, i+3), so the
 * multiply chains overlap instead of waiting on each other, then combined.
 * Loading runs it in one call; serialising in slices of BLOCK words.
 */
function checksum(bytes: Uint8Array, start: number, end: number): number {
  const words = bodyWords(bytes, start, end);
  const lanes = newLanes();
  mixWords(words, lanes, 0, words.length & ~3);
  return finish(words, lanes);
}

function* checksumSteps(bytes: Uint8Array, start: number, end: number, work: Slicer): Steps<number> {
  const words = bodyWords(bytes, start, end);
  const lanes = newLanes();
  const n = words.length & ~3;
  // BLOCK words (a multiple of 4) per unit of work.
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    mixWords(words, lanes, i0, Math.min(n, i0 + BLOCK));
    if (work.tick()) yield work.take();
  }
  return finish(words, lanes);
}

/**
 * The body as signed words: the mix XORs them into 32-bit integers, so the sum is the same as over unsigned words,
 * and the engine's optimised loop never meets a word above 2^31 that it assumed to be a small integer (over a
 * Uint32Array it dropped back to the interpreter on the first such word and compiled the loop again: 18–34 ms on
 * the default pack's record in a fresh process against 7–13 ms).
 */
function bodyWords(bytes: Uint8Array, start: number, end: number): Int32Array {
  return new Int32Array(bytes.buffer, bytes.byteOffset + start, (end - start) >>> 2);
}

function newLanes(): Int32Array {
  return Int32Array.of(0x811c9dc5, 0x01000193, 0x6d2b79f5, 0x27d4eb2f);
}

/** Mixes words [from, to) (to - from a multiple of 4) into the four lanes. */
function mixWords(words: Int32Array, lanes: Int32Array, from: number, to: number): void {
  let a = lanes[0] as number;
  let b = lanes[1] as number;
  let c = lanes[2] as number;
  let e = lanes[3] as number;
  for (let i = from; i < to; i += 4) {
    a = Math.imul(a ^ (words[i] as number), 0x01000193) ^ (a >>> 13);
    b = Math.imul(b ^ (words[i + 1] as number), 0x01000193) ^ (b >>> 13);
    c = Math.imul(c ^ (words[i + 2] as number), 0x01000193) ^ (c >>> 13);
    e = Math.imul(e ^ (words[i + 3] as number), 0x01000193) ^ (e >>> 13);
  }
  lanes[0] = a;
  lanes[1] = b;
  lanes[2] = c;
  lanes[3] = e;
}

/** The last (length mod 4) words into lane a, then the lanes combined. */
function finish(words: Int32Array, lanes: Int32Array): number {
  let a = lanes[0] as number;
  const b = lanes[1] as number;
  const c = lanes[2] as number;
  const e = lanes[3] as number;
  for (let i = words.length & ~3; i < words.length; i++)
    a = Math.imul(a ^ (words[i] as number), 0x01000193) ^ (a >>> 13);
  let h = Math.imul(a ^ (b >>> 7), 0x85ebca6b) ^ Math.imul(c ^ (e >>> 11), 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ words.length;
  return h >>> 0;
}

export function deserialize(input: Uint8Array): CompiledMatcher {
  if (!(input instanceof Uint8Array) || input.length < HEADER)
    throw new Error("compiled matcher: too short or not bytes");
  // Views need 8-byte alignment; copy once if the caller's buffer is not aligned.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC)
    throw new Error("compiled matcher: bad magic, not a Copycatch compiled matcher");
  const version = view.getUint32(4, true);
  if (version !== COMPILED_FORMAT_VERSION) {
    throw new Error(
      `compiled matcher: format version ${version}, this engine reads ${COMPILED_FORMAT_VERSION}; recompile the packs`,
    );
  }
  if (view.getUint32(8, true) !== FIELDS.length) throw new Error("compiled matcher: field count mismatch (corrupt)");
  if ((bytes.length - HEADER) % 8 !== 0 || checksum(bytes, HEADER, bytes.length) !== view.getUint32(12, true)) {
    throw new Error("compiled matcher: checksum mismatch (corrupt or truncated)");
  }
  const d = emptyData();
  const rec = d as unknown as Record<string, Column>;
  let off = HEADER;
  for (const [name, type] of FIELDS) {
    if (off + 12 > bytes.length || bytes[off] !== TYPE_CODE[type])
      throw new Error(`compiled matcher: field ${name} malformed`);
    const len = view.getUint32(off + 4, true);
    const count = view.getUint32(off + 8, true);
    off = pad8(off + 12);
    if (off + len > bytes.length) throw new Error(`compiled matcher: field ${name} truncated`);
    const at = bytes.byteOffset + off;
    const col = column(type, bytes, at, len, count);
    if (col === null) throw new Error(`compiled matcher: field ${name} malformed`);
    rec[name] = col;
    off += pad8(len);
  }
  if (off + DESC_BYTES + TYPO_BYTES !== bytes.length)
    throw new Error("compiled matcher: description or typo filter missing or truncated");
  const margin = view.getUint32(off, true);
  const descBits = new Uint32Array(bytes.buffer, bytes.byteOffset + off + 8, PRE_BITS_WORDS);
  const typoBits = new Uint32Array(bytes.buffer, bytes.byteOffset + off + DESC_BYTES, TYPO_BITS_WORDS);
  return withStoredTables(d as MatcherData, { bits: descBits, margin }, typoBits);
}

function column(type: FieldType, bytes: Uint8Array, at: number, len: number, count: number): Column | null {
  switch (type) {
    case "i32":
      return new Int32Array(bytes.buffer, at, len >>> 2);
    case "u8":
      return new Uint8Array(bytes.buffer, at, len);
    case "u16":
      return new Uint16Array(bytes.buffer, at, len >>> 1);
    case "f64":
      return new Float64Array(bytes.buffer, at, len >>> 3);
    case "str": {
      // Views on the buffer: offsets, then UTF-8 bytes; strings are decoded one by one when read.
      const head = 4 * (count + 1);
      if (head > len) return null;
      const offsets = new Int32Array(bytes.buffer, at, count + 1);
      if (offsets[0] !== 0 || (offsets[count] as number) !== len - head) return null;
      return new Strings(offsets, new Uint8Array(bytes.buffer, at + head, len - head));
    }
  }
}
