/**
 * Lenient JSON for JSON-LD blocks as shops really write them: HTML comments
 * and CDATA wrappers, trailing commas, raw newlines and tabs inside strings,
 * several objects concatenated in one block. Strict JSON.parse first (the
 * common, fast case); then one string-aware repair pass that splits
 * top-level values and fixes what it can; values that still fail are dropped.
 */

const WRAPPERS = /<!--|-->|\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>|<!\[CDATA\[|\]\]>/g;

/** Every JSON value that could be recovered from `text`, in order. */
export function parseLenientJson(text: string): unknown[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  try {
    return [JSON.parse(trimmed)];
  } catch {
    // fall through to the repair pass
  }
  const out: unknown[] = [];
  for (const chunk of repairAndSplit(trimmed.replace(WRAPPERS, " "))) {
    try {
      out.push(JSON.parse(chunk));
    } catch {
      // unrecoverable chunk: the other chunks still count
    }
  }
  return out;
}

/**
 * One pass over the text: tracks strings and nesting depth, escapes control
 * characters inside strings, drops commas that precede a closing bracket,
 * and cuts the text at every point where depth returns to zero.
 */
function repairAndSplit(src: string): string[] {
  const chunks: string[] = [];
  let buf = "";
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (inString) {
      if (escaped) {
        escaped = false;
        buf += ch;
      } else if (ch === "\\") {
        escaped = true;
        buf += ch;
      } else if (ch === '"') {
        inString = false;
        buf += ch;
      } else if (ch === "\n") buf += "\\n";
      else if (ch === "\r") buf += "\\r";
      else if (ch === "\t") buf += "\\t";
      else if (ch < " ") buf += " ";
      else buf += ch;
      continue;
    }
    if (depth === 0 && ch !== "{" && ch !== "[") continue; // junk between values (";", stray text)
    if (ch === '"') {
      inString = true;
      buf += ch;
    } else if (ch === "{" || ch === "[") {
      depth++;
      buf += ch;
    } else if (ch === "}" || ch === "]") {
      buf = buf.replace(/,\s*$/, "");
      depth--;
      buf += ch;
      if (depth === 0) {
        chunks.push(buf);
        buf = "";
      }
    } else buf += ch;
  }
  if (buf.trim()) chunks.push(closeOpen(buf));
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
