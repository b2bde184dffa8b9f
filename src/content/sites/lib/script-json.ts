/**
 * Reading the data a page ships in its inline scripts (`window.runParams =
 * {...}`, `var g_config = {...}`, `TShop.Setup({...})`, `var pageConfig =
 * {...}`, `window.rawData = {...}`, `__NEXT_DATA__`), from script TEXT only:
 * never the page's JavaScript world. One size cap for all of it
 * (MAX_SCRIPT_JSON): a larger script or literal is not scanned nor parsed, so
 * a huge or hostile script cannot stall the content script; scans over
 * several scripts check the context's time budget.
 */
import {
  BACK_QUOTE,
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  DOUBLE_QUOTE,
  OPEN_BRACE,
  OPEN_BRACKET,
  SINGLE_QUOTE,
} from "../../base/chars.ts";
import { clean } from "../../base/dom.ts";
import type { ExtractContext } from "../../base/types.ts";

/** Largest script or literal we scan and parse (characters): the item data of real pages is a few hundred KB. */
export const MAX_SCRIPT_JSON = 6_000_000;

/**
 * The balanced `{...}` or `[...]` starting at `start` (which must be the
 * opening bracket), respecting JSON and JS string literals (double, single
 * and back quotes); null when it is unbalanced or longer than `max`. String
 * bodies, most of a JSON text, are skipped with indexOf rather than read a
 * character at a time.
 */
export function balancedAt(src: string, start: number, max = MAX_SCRIPT_JSON): string | null {
  const open = src.charCodeAt(start);
  if (open !== OPEN_BRACE && open !== OPEN_BRACKET) return null;
  let depth = 0;
  const end = Math.min(src.length, start + max);
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === BACK_QUOTE) {
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

/** JSON.parse within the cap; null for junk. */
export function parseJson(text: string | null | undefined): unknown {
  if (!text || text.length > MAX_SCRIPT_JSON) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The JSON value that follows the first match of `marker` in one script's
 * text (a regex whose match ends just before the opening bracket, whitespace
 * allowed), parsed.
 */
export function jsonAfter(src: string, marker: RegExp): unknown {
  if (src.length > MAX_SCRIPT_JSON) return null;
  const m = marker.exec(src);
  if (!m) return null;
  let i = m.index + m[0].length;
  while (i < src.length && /\s/.test(src[i] ?? "")) i++;
  return parseJson(balancedAt(src, i));
}

/** The literal that follows the first match of `marker` (within a short gap), in any inline script of the page. */
export function literalAfter(ctx: ExtractContext, marker: RegExp): string | null {
  for (const script of ctx.scriptTexts()) {
    if (ctx.overBudget()) return null;
    if (script.length > MAX_SCRIPT_JSON) continue;
    const m = marker.exec(script);
    if (!m) continue;
    const from = m.index + m[0].length;
    // The literal opens right after the marker (`= {`, `({`); 40 chars covers whitespace and comments.
    const rel = script.slice(from, from + 40).search(/[{[]/);
    if (rel < 0) continue;
    const lit = balancedAt(script, from + rel);
    if (lit) return lit;
  }
  return null;
}

/** JSON that follows `marker` in any inline script of the page, parsed; null when absent or not JSON. */
export function jsonInScripts(ctx: ExtractContext, marker: RegExp): unknown {
  return parseJson(literalAfter(ctx, marker));
}

/** Decode a JavaScript string body: \uXXXX, \xXX and single-char escapes. */
export function unescapeJs(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return e === "n" ? "\n" : e === "t" ? "\t" : e;
  });
}

/**
 * A string-valued key of a JavaScript object literal that is not JSON
 * (unquoted keys, single quotes, expressions such as `+new Date`): the first
 * `key : '...'` or `"key": "..."` in `src`. Null when absent or empty.
 */
export function jsString(src: string | null, key: string): string | null {
  if (!src) return null;
  const re = new RegExp(`(?:^|[\\s,{])["']?${key}["']?\\s*:\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|"((?:[^"\\\\]|\\\\.)*)")`);
  const m = re.exec(src);
  const raw = m?.[1] ?? m?.[2];
  const v = raw === undefined ? "" : unescapeJs(raw).trim();
  return v || null;
}

/** A JSON array literal under `key` inside a non-JSON literal (e.g. `auctionImages : ["...", ...]`). */
export function jsArray(src: string | null, key: string): unknown[] {
  if (!src) return [];
  const m = new RegExp(`(?:^|[\\s,{])["']?${key}["']?\\s*:\\s*\\[`).exec(src);
  if (!m) return [];
  const v = parseJson(balancedAt(src, m.index + m[0].length - 1));
  return Array.isArray(v) ? v : [];
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Safe nested lookup in parsed JSON (object keys and array indexes); undefined when absent. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let cur = value;
  for (const key of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** `at` with a dotted path: `pick(d, "priceModule.minAmount")`. */
export function pick(root: unknown, path: string): unknown {
  return at(root, ...path.split("."));
}

/** A JSON string or finite number as trimmed text; null otherwise. */
export const str = clean;

export function num(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/**
 * The first object (breadth-first) in parsed JSON that satisfies `pred`,
 * visiting at most `maxNodes` nodes: for payloads whose nesting changes between
 * releases (Temu's rawData) we look for the object by its keys, not its path.
 */
export function findObject(
  value: unknown,
  pred: (o: Record<string, unknown>) => boolean,
  maxNodes = 20_000,
): Record<string, unknown> | null {
  const queue: unknown[] = [value];
  for (let i = 0; i < queue.length && i < maxNodes; i++) {
    const cur = queue[i];
    if (typeof cur !== "object" || cur === null) continue;
    if (!Array.isArray(cur) && pred(cur as Record<string, unknown>)) return cur as Record<string, unknown>;
    for (const v of Object.values(cur)) if (typeof v === "object" && v !== null) queue.push(v);
  }
  return null;
}
