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

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The charset to decode a saved page with. Saved pages are unreliable about
 * it: tools inject scripts before the <meta charset> (the saved Tmall page
 * declares GBK at byte 155 235, past the HTML spec's 1,024-byte prescan), and
 * some re-encode to UTF-8 but keep the old declaration (the saved Taobao page
 * is UTF-8 yet declares GBK). So: a BOM wins; bytes that are valid UTF-8 are
 * UTF-8 (legacy multi-byte text such as GBK or Shift_JIS is almost never valid
 * UTF-8); otherwise the charset declared anywhere in the first 1 MB.
 */
export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (isValidUtf8(bytes)) return "utf-8";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1 << 20));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i);
  const label = m?.[1]?.toLowerCase() ?? "windows-1252";
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

/**
 * linkedom's getElementById walks every node of the document, so a page
 * that probes thirty ids (Amazon's adapter does) walks a multi-megabyte
 * tree thirty times; a browser answers from a hash table. The document
 * gets the browser's behaviour: one walk builds an id → first-element map,
 * and a MutationObserver on the whole tree (records are queued
 * synchronously, so `takeRecords` sees a change made just before a lookup)
 * throws the map away whenever an element or an id attribute changes.
 */
function indexIds(doc: Document, Observer: typeof MutationObserver): void {
  let index: Map<string, Element> | null = null;
  const observer = new Observer(() => {
    index = null;
  });
  observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ["id"] });
  const walk = doc.getElementById.bind(doc);
  doc.getElementById = (id: string): HTMLElement | null => {
    if (observer.takeRecords().length > 0) index = null;
    if (index === null) {
      index = new Map();
      for (const el of doc.querySelectorAll("[id]")) {
        const key = el.getAttribute("id") ?? "";
        if (key !== "" && !index.has(key)) index.set(key, el);
      }
    }
    if (id === "") return null;
    const hit = index.get(String(id));
    // Never wrong: an indexed element is checked against the id it is filed under.
    return hit && hit.getAttribute("id") === String(id) ? (hit as HTMLElement) : hit ? walk(id) : null;
  };
}

export function parsePage(html: string): Document {
  const { document, MutationObserver } = parseHTML(html) as unknown as {
    document: Document;
    MutationObserver: typeof globalThis.MutationObserver;
  };
  indexIds(document, MutationObserver);
  return document;
}

export function loadPage(file: string): Document {
  return parsePage(decodePage(readPageBytes(file)));
}
