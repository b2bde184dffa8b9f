/**
 * A string column of the compiled matcher, stored as UTF-8 bytes plus offsets
 * (so it loads as two views, without decoding) and decoded one string at a
 * time on first use: a score call reads a handful of names, never all 44,000.
 */
const DECODER = new TextDecoder();
const ENCODER = new TextEncoder();

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
    const parts = list.map((s) => ENCODER.encode(s));
    const offsets = new Int32Array(list.length + 1);
    for (let i = 0; i < parts.length; i++) offsets[i + 1] = (offsets[i] as number) + (parts[i] as Uint8Array).length;
    const bytes = new Uint8Array(offsets[list.length] as number);
    for (let i = 0; i < parts.length; i++) bytes.set(parts[i] as Uint8Array, offsets[i] as number);
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
