/**
 * A counting clock for native work, for tests of sliced code: while installed,
 * the built-ins that process many elements in one call (typed-array copies and
 * conversions, array methods that walk the array, string encoding and
 * decoding, JSON.parse) add the number of elements they handle to a counter.
 * A test reads the counter between two slices (the work a slice did natively,
 * which the code's own unit count cannot see) and the largest single call.
 * Counted, never timed. Garbage collection is not visible here.
 */
type Counter = { total: number; largestCall: number };

const TYPED = [Int32Array, Uint32Array, Uint8Array, Uint16Array, Float64Array] as const;
const TypedProto = Object.getPrototypeOf(Int32Array.prototype) as Record<string, unknown>;
const TypedCtor = Object.getPrototypeOf(Int32Array) as Record<string, unknown>;

const lengthOf = (v: unknown): number => {
  if (typeof v === "string") return v.length;
  if (v !== null && typeof v === "object" && "length" in v) return Number((v as { length: number }).length) || 0;
  return 0;
};

export function countNativeWork(): { counter: Counter; restore: () => void } {
  const counter: Counter = { total: 0, largestCall: 0 };
  const add = (n: number) => {
    counter.total += n;
    counter.largestCall = Math.max(counter.largestCall, n);
  };
  const undo: (() => void)[] = [];
  const wrap = (
    owner: Record<string, unknown>,
    name: string,
    count: (self: unknown, args: unknown[], out: unknown) => number,
  ) => {
    const original = owner[name] as (...a: unknown[]) => unknown;
    owner[name] = function (this: unknown, ...args: unknown[]) {
      const out = original.apply(this, args);
      add(count(this, args, out));
      return out;
    };
    undo.push(() => {
      owner[name] = original;
    });
  };
  wrap(TypedProto, "set", (_s, a) => lengthOf(a[0]));
  wrap(TypedProto, "slice", (_s, _a, out) => lengthOf(out));
  wrap(TypedCtor, "from", (_s, a) => lengthOf(a[0]));
  const arrayProto = Array.prototype as unknown as Record<string, unknown>;
  for (const name of ["join", "map", "filter", "flatMap", "flat", "concat", "indexOf", "forEach", "every", "some"]) {
    wrap(arrayProto, name, (self) => lengthOf(self));
  }
  wrap(arrayProto, "slice", (_s, _a, out) => lengthOf(out));
  wrap(Array as unknown as Record<string, unknown>, "from", (_s, a) => lengthOf(a[0]));
  wrap(TextEncoder.prototype as unknown as Record<string, unknown>, "encode", (_s, a) => lengthOf(a[0]));
  wrap(TextEncoder.prototype as unknown as Record<string, unknown>, "encodeInto", (_s, a) => lengthOf(a[0]));
  wrap(TextDecoder.prototype as unknown as Record<string, unknown>, "decode", (_s, a) => lengthOf(a[0]));
  wrap(JSON as unknown as Record<string, unknown>, "parse", (_s, a) => lengthOf(a[0]));
  // `new Int32Array(list)` copies the list: count constructions from an array (not a length or a buffer view).
  const g = globalThis as unknown as Record<string, unknown>;
  for (const T of TYPED) {
    const Counted = class extends (T as unknown as new (...a: unknown[]) => object) {
      constructor(...args: unknown[]) {
        super(...args);
        if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) add(lengthOf(args[0]));
      }
    };
    Object.defineProperty(Counted, "name", { value: T.name });
    g[T.name] = Counted;
    undo.push(() => {
      g[T.name] = T;
    });
  }
  return {
    counter,
    restore: () => {
      for (const u of undo.reverse()) u();
    },
  };
}
