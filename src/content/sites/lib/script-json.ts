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
 * unbalanced or longer than `max`.
 */
export function balancedAt(src: string, start: number, max = MAX_SCRIPT_JSON): string | null {
  const open = src[start];
  if (open !== "{" && open !== "[") return null;
  let depth = 0;
  let quote: string | null = null;
  const end = Math.min(src.length, start + max);
  for (let i = start; i < end; i++) {
    const c = src[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return src.slice(start, i + 1);
    }
  }
  return null;
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
