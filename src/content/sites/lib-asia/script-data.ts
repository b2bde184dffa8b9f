/**
 * Reading the data a page ships in its inline scripts (`var g_config = {...}`,
 * `TShop.Setup({...})`, `var pageConfig = {...}`, `window.rawData = {...}`,
 * `__NEXT_DATA__`), from script TEXT only: never the page's JavaScript world.
 * Work is bounded: a literal is scanned for at most MAX_LITERAL characters, and
 * every loop checks the context's time budget.
 */
import type { ExtractContext } from "../../base/types.ts";

/** A single config literal larger than this is not a product page we can read in budget. */
export const MAX_LITERAL = 5_000_000;

/**
 * The balanced `{...}` or `[...]` literal starting at `start`, string-aware
 * (single, double and back quotes, with escapes). Null when unbalanced within
 * the cap.
 */
export function balancedAt(src: string, start: number, cap = MAX_LITERAL): string | null {
  const open = src[start];
  if (open !== "{" && open !== "[") return null;
  const end = Math.min(src.length, start + cap);
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < end; i++) {
    const c = src[i];
    if (quote !== null) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return src.slice(start, i + 1);
    }
  }
  return null;
}

/** The literal that follows the first match of `marker` (within a short gap), in any inline script. */
export function literalAfter(ctx: ExtractContext, marker: RegExp): string | null {
  for (const script of ctx.scriptTexts()) {
    if (ctx.overBudget()) return null;
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

export function parseJson(src: string | null): unknown {
  if (!src || src.length > MAX_LITERAL) return null;
  try {
    return JSON.parse(src) as unknown;
  } catch {
    return null;
  }
}

/** JSON that follows `marker` in script text, parsed; null when absent or not JSON. */
export function jsonAfter(ctx: ExtractContext, marker: RegExp): unknown {
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

/** Safe nested lookup in parsed JSON. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let cur = value;
  for (const key of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

export function str(v: unknown): string | null {
  if (typeof v === "string") return v.replace(/\s+/g, " ").trim() || null;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

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
