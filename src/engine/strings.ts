/**
 * A string column of the compiled matcher, stored as UTF-8 bytes plus offsets
 * (so it loads as two views, without decoding) and decoded one string at a
 * time on first use: a score call reads a handful of names, never all 44,000.
 */
const DECODER = new TextDecoder();
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
    // One encode of the whole column (one call per string costs ~4 µs each: seconds for a million patterns);
    // the offsets come from each string's UTF-8 length, counted as TextEncoder encodes.
    const offsets = new Int32Array(list.length + 1);
    for (let i = 0; i < list.length; i++) offsets[i + 1] = (offsets[i] as number) + utf8Length(list[i] as string);
    let bytes = ENCODER.encode(list.join(""));
    // A lone high surrogate at the end of one string pairs with a lone low one starting the next when joined
    // (2 bytes shorter): then encode string by string, as each is read back alone.
    if (bytes.length !== offsets[list.length]) {
      bytes = new Uint8Array(offsets[list.length] as number);
      for (let i = 0; i < list.length; i++) bytes.set(ENCODER.encode(list[i] as string), offsets[i] as number);
    }
    const out = new Strings(offsets, bytes);
    for (let i = 0; i < list.length; i++) out.cache[i] = list[i];
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
