/**
 * Lenient JSON for JSON-LD blocks as shops really write them: HTML comments
 * and CDATA wrappers, trailing commas, raw newlines and tabs inside strings,
 * several objects concatenated in one block. Strict JSON.parse first (the
 * common, fast case); then one string-aware repair pass that splits
 * top-level values and fixes what it can; values that still fail are dropped.
 *
 * The repair pass is linear in the block's length (it only moves forward and
 * copies unchanged runs as slices; a trailing comma is seen where it stands,
 * never searched for backwards in what was already written), checks the extraction time budget as it goes, and refuses
 * blocks above MAX_REPAIR characters: a hostile block cannot freeze the tab.
 */
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, DOUBLE_QUOTE, OPEN_BRACE, OPEN_BRACKET } from "../base/chars.ts";

const WRAPPERS = /<!--|-->|\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>|<!\[CDATA\[|\]\]>/g;

/** Largest block the repair pass takes on (characters); larger ones must be well-formed JSON. */
export const MAX_REPAIR = 1_500_000;

/** Characters between two looks at the time budget. */
const BUDGET_STRIDE = 16_384;

export interface LenientOptions {
  /** True once the extraction time budget is spent: the repair stops and recovers nothing. */
  overBudget?: () => boolean;
  /** Tests only: counts the characters the repair pass visits and copies (its work, machine-independent). */
  work?: { steps: number };
}

/** Every JSON value that could be recovered from `text`, in order. */
export function parseLenientJson(text: string, opts: LenientOptions = {}): unknown[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  try {
    return [JSON.parse(trimmed)];
  } catch {
    // fall through to the repair pass
  }
  if (trimmed.length > MAX_REPAIR) return [];
  const chunks = repairAndSplit(trimmed.replace(WRAPPERS, " "), opts.overBudget ?? (() => false), opts.work);
  const out: unknown[] = [];
  for (const chunk of chunks ?? []) {
    try {
      out.push(JSON.parse(chunk));
    } catch {
      // unrecoverable chunk: the other chunks still count
    }
  }
  return out;
}

const STRING_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const QUOTE = DOUBLE_QUOTE;

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * One pass over the text: tracks strings and nesting depth, escapes control
 * characters inside strings, drops a comma that precedes a closing bracket,
 * and cuts the text at every point where depth returns to zero. Runs that
 * need no change are copied as slices, and the index only moves forward (a
 * comma looks ahead over whitespace once), so the work is linear in the
 * length. Null when the budget ran out.
 */
function repairAndSplit(src: string, overBudget: () => boolean, work?: { steps: number }): string[] | null {
  const chunks: string[] = [];
  /** Work done: loop visits, look-ahead steps and characters copied. */
  let steps = 0;
  const copy = (piece: string): void => {
    steps += piece.length;
    out.push(piece);
  };
  let out: string[] = [];
  let depth = 0;
  let inString = false;
  /** Start of the run of `src` not yet copied to `out`. */
  let seg = 0;
  const n = src.length;
  for (let i = 0; i < n; i++) {
    if (i % BUDGET_STRIDE === 0 && i > 0 && overBudget()) return null;
    steps++;
    const c = src.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      else if (c < 0x20) {
        copy(src.slice(seg, i));
        copy(STRING_ESCAPES[src[i] as string] ?? " ");
        seg = i + 1;
      }
      continue;
    }
    if (depth === 0) {
      // Junk between values (";", stray text) is skipped: the next value starts the next run.
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        depth = 1;
        seg = i;
      }
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === COMMA) {
      let j = i + 1;
      while (j < n && isJsonSpace(src.charCodeAt(j))) j++;
      steps += j - i - 1;
      const next = src.charCodeAt(j);
      if (next === CLOSE_BRACE || next === CLOSE_BRACKET) {
        copy(src.slice(seg, i));
        seg = i + 1;
      }
      i = j - 1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) {
        copy(src.slice(seg, i + 1));
        chunks.push(out.join(""));
        out = [];
        seg = i + 1;
      }
    }
  }
  if (depth > 0) {
    copy(src.slice(seg));
    const rest = out.join("");
    if (rest.trim()) chunks.push(closeOpen(rest));
  }
  if (work) work.steps += steps;
  return chunks;
}

/** A truncated last value: close what is open so the part before the cut survives. */
function closeOpen(buf: string): string {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (const ch of buf) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "{") stack.push("}");
    else if (ch === "[") stack.push("]");
    else if (ch === "}" || ch === "]") stack.pop();
  }
  let out = inString ? `${buf}"` : buf;
  out = out.replace(/,\s*$/, "").replace(/"[^"]*"\s*:\s*$/, "");
  out = out.replace(/,\s*$/, "");
  return out + stack.reverse().join("");
}
