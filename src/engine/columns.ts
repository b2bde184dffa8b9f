/**
 * A growable typed-array column for the compiler: values go into fixed chunks
 * (no growth copy of a large array, no array of boxed numbers for the garbage
 * collector to walk), and the final contiguous array is assembled a chunk per
 * unit of work (shared/slices.ts).
 */
import { copyInto, type Slicer, type Steps } from "../shared/slices.ts";

type Typed = Uint8Array | Uint16Array | Int32Array | Float64Array;
/** Chunks of 2^14 values: BLOCK elements, so a chunk copied is one unit. */
const BITS = 14;
const CHUNK = 1 << BITS;
const MASK = CHUNK - 1;

export class Column<T extends Typed> {
  private readonly chunks: T[] = [];
  private cur: T;
  private pos = 0;
  length = 0;

  constructor(private readonly make: (n: number) => T) {
    this.cur = make(CHUNK);
  }

  push(v: number): void {
    if (this.pos === CHUNK) {
      this.chunks.push(this.cur);
      this.cur = this.make(CHUNK);
      this.pos = 0;
    }
    this.cur[this.pos++] = v;
    this.length++;
  }

  get(i: number): number {
    const c = i >>> BITS;
    return ((c === this.chunks.length ? this.cur : this.chunks[c]) as T)[i & MASK] as number;
  }

  /** The values as one array, a chunk per unit of work. */
  *build(work: Slicer): Steps<T> {
    const out = this.make(this.length);
    let at = 0;
    for (const c of this.chunks) {
      yield* copyInto(out, c, at, work);
      at += c.length;
    }
    yield* copyInto(out, this.cur.subarray(0, this.pos) as T, at, work);
    return out;
  }
}

export const i32 = (): Column<Int32Array> => new Column((n) => new Int32Array(n));
export const u16 = (): Column<Uint16Array> => new Column((n) => new Uint16Array(n));
export const u8 = (): Column<Uint8Array> => new Column((n) => new Uint8Array(n));
export const f64 = (): Column<Float64Array> => new Column((n) => new Float64Array(n));
