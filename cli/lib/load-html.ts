/**
 * Node-side page loading for the CLI, tests and benchmarks: read .html or
 * .html.gz, decode in the charset the page declares (Taobao and Tmall are
 * GBK, Japanese shops often Shift_JIS), and parse with linkedom.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";

export function readPageBytes(file: string): Uint8Array {
  const raw = readFileSync(file);
  return file.endsWith(".gz") ? gunzipSync(raw) : raw;
}

const ALIASES: Record<string, string> = { gb2312: "gbk", "x-sjis": "shift_jis", sjis: "shift_jis" };

/** The charset a page declares: BOM, then <meta charset> / http-equiv in the first 4 KB; UTF-8 when silent. */
export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i);
  const label = m?.[1]?.toLowerCase() ?? "utf-8";
  return ALIASES[label] ?? label;
}

export function decodePage(bytes: Uint8Array): string {
  const charset = sniffCharset(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown label: fall back to UTF-8 rather than refusing the page.
    return new TextDecoder("utf-8").decode(bytes);
  }
}

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function loadPage(file: string): Document {
  return parsePage(decodePage(readPageBytes(file)));
}
