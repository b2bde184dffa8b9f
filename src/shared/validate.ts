/**
 * The helpers every validator of untrusted input is built from: listings
 * (validate-listing.ts), packs (pack-validate.ts), the rights-holder profile
 * (profile.ts), corrections (correction.ts) and message payloads. Each takes
 * the JSON path of the value and a `fail` that throws the caller's own error
 * type, so one piece of code serves every validator.
 *
 * Cost is bounded by construction: lists are read up to their limit only, an
 * object's keys are counted before any value is read (a map over its limit is
 * refused without reading its values), and strings are cut to their limit.
 */

export type Obj = Record<string, unknown>;
/**
 * Throws: `path` is where the value sits in the input, `detail` what is wrong
 * with it (English text, or a message key and params where the validator tells
 * the user in their language: the pack validator).
 */
export type Fail<D = string> = (path: string, detail: D) => never;

/** A fail that throws `new E("path: detail")`. */
export function failWith(E: new (message: string) => Error): Fail {
  return (path, detail) => {
    throw new E(path === "" ? detail : `${path}: ${detail}`);
  };
}

/** A plain JSON object (not null, not an array). */
export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function obj(v: unknown, path: string, fail: Fail, expected?: string): Obj;
export function obj<D>(v: unknown, path: string, fail: Fail<D>, expected: D): Obj;
export function obj<D>(v: unknown, path: string, fail: Fail<D>, expected: D = "expected an object" as D): Obj {
  if (!isObj(v)) fail(path, expected);
  return v as Obj;
}

/** Optional text: null/undefined → null; anything but a string fails; trimmed, "" → null, cut to `max`. */
export function optString(v: unknown, path: string, max: number, fail: Fail): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") fail(path, "expected a string or null");
  const t = (v as string).slice(0, max * 2).trim();
  return t === "" ? null : t.slice(0, max);
}

/** A form field: null/undefined → ""; anything but a string fails; trimmed and cut to `max`. */
export function formText(v: unknown, path: string, max: number, fail: Fail): string {
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") fail(path, "expected a string");
  return (v as string)
    .slice(0, max * 2)
    .trim()
    .slice(0, max);
}

/** Optional finite number within min..max. */
export function optNumber(v: unknown, path: string, min: number, max: number, fail: Fail): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== "number" || !Number.isFinite(v)) fail(path, "expected a finite number or null");
  const n = v as number;
  if (n < min || n > max) fail(path, `${n} is outside ${min}..${max}`);
  return n;
}

/** Optional member of a fixed list of strings. */
export function optOneOf<T extends string>(v: unknown, allowed: readonly T[], path: string, fail: Fail): T | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
  return fail(path, `expected one of ${allowed.join(", ")}`);
}

/** The first `max` items of an optional array (the rest is never read). */
export function firstItems(v: unknown, path: string, max: number, fail: Fail): unknown[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) fail(path, "expected an array");
  return (v as unknown[]).slice(0, max);
}

/**
 * An object's own keys, refused when there are more than `max`: the keys are
 * counted before any value is read, so a map with 100,000 keys costs one key
 * listing, not 100,000 value reads.
 */
export function boundedKeys(o: Obj, path: string, max: number, fail: Fail): string[] {
  const keys = Object.keys(o);
  if (keys.length > max) fail(path, `${keys.length} keys, more than the limit of ${max}`);
  return keys;
}

/** An absolute http(s) URL, as written in a listing or a report (nothing else is stored or exported as a link). */
export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** Optional http(s) URL: anything else (javascript:, data:, relative) is dropped to null, not stored. */
export function optHttpUrl(v: unknown, path: string, max: number, fail: Fail): string | null {
  const s = optString(v, path, max, fail);
  return s !== null && isHttpUrl(s) ? s : null;
}
