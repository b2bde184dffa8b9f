/**
 * Integer-keyed tables in typed arrays, the structure ad-blocking engines use
 * for token lookup: one bucket read per token, no objects, no strings, and
 * they serialise as three flat arrays (Buckets below). Also the hashes the
 * tables are keyed by.
 */
import { copyInto, runSteps, Slicer, type Steps, TIGHT_UNIT } from "../shared/slices.ts";

/** FNV-1a step over one UTF-16 code unit; tokens are hashed incrementally while scanning. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV-1a over code units, leaving out the one at `skip` (the hash of a 1-deletion). */
export function hashCodes(codes: readonly number[], skip = -1): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < codes.length; i++) if (i !== skip) h = fnvStep(h, codes[i] as number);
  return h;
}

export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

/** Shortest compact name (letters) that a typo-squat may target: shorter names collide with real words (Nikon/Nike). */
export const TYPO_MIN_LENGTH = 7;

/**
 * Typo-table key of a compact name or window: a polynomial hash (base
 * TYPO_BASE, mod 2^32) of its units, with its length, through a murmur3
 * finaliser. Polynomial so that tryTypo gets the hash of every 1-deletion of
 * a window in O(1) from prefix and suffix sums (FNV needs O(n) each).
 */
export const TYPO_BASE = 0x2f0b3a49 | 1;
export function typoMix(poly: number, len: number): number {
  let h = (poly ^ Math.imul(len, 0x27d4eb2f)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** typoMix of `codes` without the unit at `skip` (-1: all units), by Horner's rule (compile time). */
export function typoKey(codes: ArrayLike<number>, skip = -1): number {
  let h = 0;
  let n = 0;
  for (let i = 0; i < codes.length; i++) {
    if (i === skip) continue;
    h = (Math.imul(h, TYPO_BASE) + (codes[i] as number)) | 0;
    n++;
  }
  return typoMix(h, n);
}

/** Powers of TYPO_BASE mod 2^32 (windows are at most 24 units). */
export const TYPO_POW = new Int32Array(34);
TYPO_POW[0] = 1;
for (let k = 1; k < TYPO_POW.length; k++) TYPO_POW[k] = Math.imul(TYPO_POW[k - 1] as number, TYPO_BASE);

/**
 * A bucketed (CSR) table, the compiled form's tables: entry e = (keys[e],
 * vals[e]); the entries of bucket b are start[b] .. start[b + 1], b being the
 * mixed key's top bits (bucketOf). About 8 bytes per entry plus 2 to 4 per
 * bucket (half as many buckets as entries, rounded up to a power of two),
 * against 16 to 32 bytes per entry for open addressing with chains, and a
 * flat layout that loads as three views.
 */
export interface Buckets {
  start: Int32Array;
  keys: Int32Array;
  vals: Int32Array;
  /** 32 − log2(bucket count), derived on load. */
  shift: number;
}

export function bucketOf(key: number, shift: number): number {
  return Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> shift;
}

export function bucketShift(start: Int32Array): number {
  return start.length < 17 ? 28 : 32 - Math.round(Math.log2(start.length - 1));
}

/**
 * Builds a bucketed table from (key, value) pairs added in reverse priority
 * order: each bucket lists its entries in the opposite order (the order the
 * chains of format 2's open-addressing tables gave), so lookups see equal
 * keys in pack order.
 */
export function buildBuckets(keys: ArrayLike<number>, vals: ArrayLike<number>): Buckets {
  return runSteps(buildBucketsSteps(keys, vals, new Slicer()));
}

/** The same build in slices of TIGHT_UNIT entries or buckets per unit. */
export function* buildBucketsSteps(keys: ArrayLike<number>, vals: ArrayLike<number>, work: Slicer): Steps<Buckets> {
  const n = keys.length;
  let bits = 4;
  while (1 << (bits + 1) < n) bits++;
  const shift = 32 - bits;
  const nb = 1 << bits;
  const start = new Int32Array(nb + 1);
  for (let e0 = 0; e0 < n; e0 += TIGHT_UNIT) {
    for (let e = e0; e < Math.min(n, e0 + TIGHT_UNIT); e++) {
      const b = bucketOf(keys[e] as number, shift) + 1;
      start[b] = (start[b] as number) + 1;
    }
    if (work.tick()) yield work.take();
  }
  for (let b0 = 0; b0 < nb; b0 += TIGHT_UNIT) {
    for (let b = b0; b < Math.min(nb, b0 + TIGHT_UNIT); b++) {
      start[b + 1] = (start[b + 1] as number) + (start[b] as number);
    }
    if (work.tick()) yield work.take();
  }
  const fill = new Int32Array(nb);
  yield* copyInto(fill, start.subarray(0, nb), 0, work);
  const outK = new Int32Array(n);
  const outV = new Int32Array(n);
  for (let e0 = n - 1; e0 >= 0; e0 -= TIGHT_UNIT) {
    for (let e = e0; e > Math.max(-1, e0 - TIGHT_UNIT); e--) {
      const b = bucketOf(keys[e] as number, shift);
      const at = fill[b] as number;
      outK[at] = keys[e] as number;
      outV[at] = vals[e] as number;
      fill[b] = at + 1;
    }
    if (work.tick()) yield work.take();
  }
  return { start, keys: outK, vals: outV, shift };
}
