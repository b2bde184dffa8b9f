/**
 * Reading JSON embedded in inline script text (`window.runParams = {...}`,
 * `data: {...}`), never the page's JavaScript world. Size is bounded so a
 * huge or hostile script cannot stall the content script.
 */

/** Largest object we are willing to scan and parse (characters). */
export const MAX_SCRIPT_JSON = 4_000_000;

/**
 * The balanced `{...}` or `[...]` starting at `start` (which must be the
 * opening bracket), respecting JSON and JS string literals; null when it is
 * unbalanced or longer than `max`. String bodies, most of a JSON text, are
 * skipped with indexOf rather than read a character at a time.
 */
export function balancedAt(src: string, start: number, max = MAX_SCRIPT_JSON): string | null {
  const open = src.charCodeAt(start);
  if (open !== OPEN_BRACE && open !== OPEN_BRACKET) return null;
  let depth = 0;
  const end = Math.min(src.length, start + max);
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      i = closingQuote(src, i, end);
      if (i < 0) return null;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return src.slice(start, i + 1);
    }
  }
  return null;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;

/** Index of the quote closing the string opened at `at` (one preceded by an even run of backslashes), or -1 before `end`. */
function closingQuote(src: string, at: number, end: number): number {
  const quote = src[at] ?? "";
  for (let from = at + 1; ; ) {
    const q = src.indexOf(quote, from);
    if (q < 0 || q >= end) return -1;
    let b = q - 1;
    while (b > at && src.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    from = q + 1;
  }
}

export function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The JSON value that follows the first match of `marker` (a regex whose
 * match ends just before the opening bracket, whitespace allowed), parsed.
 */
export function jsonAfter(src: string, marker: RegExp, max = MAX_SCRIPT_JSON): unknown {
  const m = marker.exec(src);
  if (!m) return null;
  let i = m.index + m[0].length;
  while (i < src.length && /\s/.test(src[i] ?? "")) i++;
  return parseJson(balancedAt(src, i, max));
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Walks a dotted path through objects (and array indexes); undefined when absent. */
export function pick(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split(".")) {
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (isObject(cur)) cur = cur[key];
    else return undefined;
  }
  return cur;
}
