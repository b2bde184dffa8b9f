/**
 * Shared pieces of the property-based tests (fast-check): hostile JSON-like
 * values, and a deep proxy that counts every property value a validator
 * reads, so "bounded cost" is asserted as counted work, never as time.
 * Node and tests only.
 */
import fc from "fast-check";

/** Keys that have bitten JavaScript validators: prototype keys and look-alikes. */
export const NASTY_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", ""];

/** A string past every limit (validators must cut or refuse it, not copy it around). */
export const HUGE_STRING = "x".repeat(1_000_000);

function nested(depth: number): unknown {
  let v: unknown = "deep";
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { a: v, __proto__: v } : [v];
  return v;
}

function manyKeys(n: number, value: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) o[`k${i}`] = value;
  return o;
}

/** Built with JSON.parse so "__proto__" is an own key, as it is after a structured clone of such JSON. */
const protoObject = fc
  .record({ k: fc.constantFrom(...NASTY_KEYS), v: fc.jsonValue({ maxDepth: 2 }) })
  .map(({ k, v }) => JSON.parse(`{${JSON.stringify(k)}: ${JSON.stringify(v)}, "polluted": true}`));

/** Anything a hostile sender could put in a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 6, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
  fc.constantFrom(
    HUGE_STRING,
    nested(2000),
    manyKeys(20_000, "adapter"),
    Array.from({ length: 20_000 }, () => "x"),
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1,
    2 ** 60,
    "",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
  ),
  protoObject,
  fc.string({ maxLength: 50 }),
);

/** An object with the given field names (each maybe missing) filled with hostile values, plus random keys. */
export function hostileObject(fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const base = fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] });
  return fc
    .tuple(base, fc.dictionary(fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string()), hostileValue, { maxKeys: 4 }))
    .map(([known, extra]) => ({ ...extra, ...known }));
}

export interface Counted<T> {
  value: T;
  /** Property values read so far through the proxy (get traps), at every depth. */
  reads(): number;
}

/** Wraps `value` so that every property read, at any depth, is counted. */
export function counting<T>(value: T): Counted<T> {
  let reads = 0;
  const proxies = new WeakMap<object, object>();
  const wrap = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null) return v;
    const known = proxies.get(v);
    if (known) return known;
    const p = new Proxy(v, {
      get(target, key, receiver) {
        reads++;
        return wrap(Reflect.get(target, key, receiver));
      },
    });
    proxies.set(v, p);
    return p;
  };
  return { value: wrap(value) as T, reads: () => reads };
}

/** True when a validator's error is a crash rather than a refusal: a TypeError from reading the wrong shape. */
export function isCrash(error: unknown): boolean {
  if (!(error instanceof Error)) return true;
  return /Cannot read|Cannot convert|is not a function|is not iterable|of undefined|of null|Maximum call stack/.test(
    error.message,
  );
}

export function prototypeIntact(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted === undefined && Object.getOwnPropertyNames(Object.prototype).every((k) => k !== "polluted");
}
