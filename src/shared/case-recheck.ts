/**
 * Takedown re-check, the pure part: which URLs may be re-checked (those on
 * the marketplaces the content script covers, by the manifest's own match
 * patterns) and what a response says about the listing. The worker makes
 * the request (src/background/report/recheck.ts; docs/takedown-recheck.md).
 */

import { sameTitleKey } from "./case-seller.ts";
import type { CheckResult } from "./case-state.ts";
import type { Listing } from "./listing.ts";
import REMOVAL from "./removal-phrases.json" with { type: "json" };
import { english, httpSaid, type Said, said } from "./said.ts";

/** Does `url` fall under one of the extension's content-script match patterns ("https://*.amazon.com/*")? */
export function coveredUrl(url: string, patterns: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== "https:" || u.username || u.password || u.port) return false;
  return patterns.some((p) => {
    const m = p.match(/^https:\/\/(\*\.)?([^/*]+)\/\*$/);
    if (!m) return false;
    const host = m[2] as string;
    return u.hostname === host || (m[1] !== undefined && u.hostname.endsWith(`.${host}`));
  });
}

/** The page's visible text, roughly: scripts, styles and tags dropped, entities that matter decoded. */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

const PHRASES: Record<string, string[]> = REMOVAL.phrases;

export interface ResponseSeen {
  status: number;
  body: string;
}

/**
 * live: the page still shows the listing's title; changed: the title is
 * gone but the item id is still on the page; removed: HTTP 404/410, the
 * marketplace's own removal wording, or neither title nor item id shown;
 * unreachable: any other status (blocked, rate-limited, server error).
 */
export function classifyResponse(
  seen: ResponseSeen,
  listing: Pick<Listing, "title" | "sku" | "marketplace">,
): { result: CheckResult; detail: string; said: Said } {
  const seenAs = (result: CheckResult, s: Said) => ({ result, detail: english(s), said: s });
  const http = httpSaid(seen.status);
  if (seen.status === 404 || seen.status === 410) return seenAs("removed", http);
  if (seen.status < 200 || seen.status > 299) return seenAs("unreachable", http);
  const text = pageText(seen.body);
  const folded = sameTitleKey(text) ?? "";
  const lower = text.toLowerCase();
  const phrase = [...(PHRASES[listing.marketplace] ?? []), ...(PHRASES["*"] ?? [])].find((p) =>
    lower.includes(p.toLowerCase()),
  );
  if (phrase) return seenAs("removed", said("recheck_removal_phrase", { phrase }));
  const title = sameTitleKey(listing.title);
  if (title && folded.includes(title)) return seenAs("live", said("recheck_title_shown"));
  if (listing.sku && text.includes(listing.sku)) return seenAs("changed", said("recheck_id_only"));
  return seenAs("removed", said("recheck_neither"));
}

/** The charset a response declares (header first, then a <meta> in the first bytes); utf-8 otherwise. */
export function charsetOf(contentType: string | null, head: Uint8Array): string {
  const fromHeader = contentType?.match(/charset=["']?([\w-]+)/i)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const ascii = new TextDecoder("latin1").decode(head.subarray(0, 4096));
  return ascii.match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1]?.toLowerCase() ?? "utf-8";
}

export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  try {
    return new TextDecoder(charsetOf(contentType, bytes)).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
