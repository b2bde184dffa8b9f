/**
 * Integer-keyed open-addressing hash table in typed arrays, the structure
 * ad-blocking engines use for token lookup: one probe per token, no objects,
 * no strings, and it serialises as two flat arrays. Values are the head of a
 * chain of entries (`next` arrays live with the caller).
 */

const EMPTY = -1;

export interface IntTable {
  keys: Int32Array;
  heads: Int32Array;
}

/** Mixes the key so that nearby hashes spread over the table. */
function slot(key: number, mask: number): number {
  return (Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> 7) & mask;
}

export function tableLookup(t: IntTable, key: number): number {
  const mask = t.keys.length - 1;
  let i = slot(key, mask);
  for (;;) {
    const h = t.heads[i] ?? EMPTY;
    if (h === EMPTY) return EMPTY;
    if (t.keys[i] === key) return h;
    i = (i + 1) & mask;
  }
}

/**
 * Builds a table from (key, entry) pairs; entries with the same key are
 * chained through `next` (most recently added first, so callers add in
 * reverse priority order when order matters).
 */
export function buildTable(keys: ArrayLike<number>, entries: ArrayLike<number>, next: Int32Array): IntTable {
  let cap = 16;
  while (cap < keys.length * 2) cap *= 2;
  const t: IntTable = { keys: new Int32Array(cap), heads: new Int32Array(cap).fill(EMPTY) };
  const mask = cap - 1;
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n] ?? 0;
    const entry = entries[n] ?? 0;
    let i = slot(key, mask);
    for (;;) {
      const h = t.heads[i] ?? EMPTY;
      if (h === EMPTY) {
        t.keys[i] = key;
        t.heads[i] = entry;
        next[entry] = EMPTY;
        break;
      }
      if (t.keys[i] === key) {
        next[entry] = h;
        t.heads[i] = entry;
        break;
      }
      i = (i + 1) & mask;
    }
  }
  return t;
}

/** FNV-1a step over one UTF-16 code unit; tokens are hashed incrementally while scanning. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

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
