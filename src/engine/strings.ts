/**
 * A string column of the compiled matcher, stored as UTF-8 bytes plus offsets
 * (so it loads as two views, without decoding) and decoded one string at a
 * time on first use: a score call reads a handful of names, never all 44,000.
 */
import { runSteps, Slicer, type Steps, TIGHT_UNIT } from "../shared/slices.ts";

const DECODER = new TextDecoder();
/** Strings encoded together: one unit of work (at most BATCH × the phrase limit in bytes). */
const BATCH = 256;
const ENCODER = new TextEncoder();

/** Bytes TextEncoder writes for `s`: lone surrogates become U+FFFD (3 bytes). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

export class Strings {
  /** Number of strings. */
  readonly length: number;
  /** Decoded strings so far. */
  private readonly cache: (string | undefined)[];

  /** `offsets` has length + 1 entries into `bytes`. */
  constructor(
    readonly offsets: Int32Array,
    readonly bytes: Uint8Array,
  ) {
    this.length = Math.max(0, offsets.length - 1);
    this.cache = [];
  }

  static of(list: readonly string[]): Strings {
    return runSteps(Strings.ofSteps(list, new Slicer()));
  }

  /**
   * The same column in slices: offsets a string per unit, bytes encoded
   * BATCH strings at a time (one encode per string costs ~4 µs each: seconds
   * for a million patterns), each batch a unit.
   */
  static *ofSteps(list: readonly string[], work: Slicer): Steps<Strings> {
    const offsets = new Int32Array(list.length + 1);
    for (let i = 0; i < list.length; i++) {
      offsets[i + 1] = (offsets[i] as number) + utf8Length(list[i] as string);
      if (work.tick()) yield work.take();
    }
    const bytes = new Uint8Array(offsets[list.length] as number);
    for (let i = 0; i < list.length; i += BATCH) {
      const end = Math.min(list.length, i + BATCH);
      const at = offsets[i] as number;
      const size = (offsets[end] as number) - at;
      const { written } = ENCODER.encodeInto(list.slice(i, end).join(""), bytes.subarray(at, at + size));
      // A lone high surrogate at the end of one string pairs with a lone low one starting the next when joined
      // (2 bytes shorter): then encode string by string, as each is read back alone.
      if (written !== size) {
        for (let k = i; k < end; k++) bytes.set(ENCODER.encode(list[k] as string), offsets[k] as number);
      }
      if (work.tick()) yield work.take();
    }
    const out = new Strings(offsets, bytes);
    for (let i = 0; i < list.length; i += TIGHT_UNIT) {
      for (let k = i; k < Math.min(list.length, i + TIGHT_UNIT); k++) out.cache[k] = list[k];
      if (work.tick()) yield work.take();
    }
    return out;
  }

  /** The i-th string, or undefined out of range (like an array). */
  at(i: number): string | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    let s = this.cache[i];
    if (s === undefined) {
      s = DECODER.decode(this.bytes.subarray(this.offsets[i] as number, this.offsets[i + 1] as number));
      this.cache[i] = s;
    }
    return s;
  }

  all(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.at(i) as string);
    return out;
  }

  indexOf(x: string): number {
    for (let i = 0; i < this.length; i++) if (this.at(i) === x) return i;
    return -1;
  }
}
