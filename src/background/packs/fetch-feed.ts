/**
 * Fetching one feed: the pack and, when the subscription pins a key, its
 * detached signature (URL + ".sig"). Conditional (ETag / Last-Modified), with
 * a timeout covering headers and body, the size limit checked from
 * Content-Length before reading and again on the streamed byte count, and
 * retries with backoff for transient failures.
 */
import { checkFeedUrl, signatureUrl } from "../../shared/feed-url.ts";
import { PACK_LIMITS } from "../../shared/pack-validate.ts";
import type { Subscription } from "../../shared/subscription.ts";
import { FeedError, feedErrors } from "./feed-error.ts";
import { retryDelayMs } from "./schedule.ts";

export interface FetchPolicy {
  timeoutMs: number;
  /** Extra tries after the first, for retryable failures. */
  retries: number;
  retryBaseMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = {
  timeoutMs: 30_000,
  retries: 2,
  retryBaseMs: 1_000,
  maxBytes: PACK_LIMITS.maxBytes,
};

/** A signature file is 88 characters of base64 (DER a little more): anything big is not one. */
const MAX_SIGNATURE_BYTES = 4096;

export type FeedResult =
  | { kind: "not-modified" }
  | { kind: "pack"; bytes: Uint8Array; etag: string | null; lastModified: string | null; signature: string | null };

type Feed = Pick<Subscription, "url" | "etag" | "lastModified" | "packId" | "publicKey">;

export async function fetchFeed(sub: Feed, policy: FetchPolicy, fetchImpl: typeof fetch = fetch): Promise<FeedResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(sub, policy, fetchImpl);
    } catch (error) {
      if (!(error instanceof FeedError) || !error.retryable || attempt >= policy.retries) throw error;
      await new Promise((r) => setTimeout(r, retryDelayMs(attempt, policy.retryBaseMs)));
    }
  }
}

async function fetchOnce(sub: Feed, policy: FetchPolicy, fetchImpl: typeof fetch): Promise<FeedResult> {
  const headers: Record<string, string> = {};
  // Only ask "changed since?" when we hold the pack it refers to: a 304 must never leave us with nothing.
  if (sub.packId !== null) {
    if (sub.etag) headers["If-None-Match"] = sub.etag;
    if (sub.lastModified) headers["If-Modified-Since"] = sub.lastModified;
  }
  const pack = await download(sub.url, headers, policy.maxBytes, policy, fetchImpl, true);
  if (pack === "not-modified") return { kind: "not-modified" };
  if (pack === null) throw feedErrors.http(404);
  let signature: string | null = null;
  if (sub.publicKey !== null) {
    const sig = await download(signatureUrl(sub.url), {}, MAX_SIGNATURE_BYTES, policy, fetchImpl, false);
    if (sig === "not-modified" || sig === null) throw feedErrors.missingSignature();
    signature = new TextDecoder().decode(sig.bytes);
  }
  return { kind: "pack", ...pack, signature };
}

interface Downloaded {
  bytes: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

/** One GET with a timeout over headers and body; null when a missing file is acceptable (`required` false, HTTP 404). */
async function download(
  url: string,
  headers: Record<string, string>,
  maxBytes: number,
  policy: FetchPolicy,
  fetchImpl: typeof fetch,
  required: boolean,
): Promise<Downloaded | "not-modified" | null> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, policy.timeoutMs);
  const origin = new URL(url).origin;
  try {
    let response: Response;
    try {
      // no-store: our own validators decide, not the HTTP cache; omit: a feed needs no cookies.
      response = await fetchImpl(url, {
        headers,
        cache: "no-store",
        credentials: "omit",
        redirect: "follow",
        signal: controller.signal,
      });
    } catch {
      throw timedOut ? feedErrors.timeout(policy.timeoutMs / 1000) : feedErrors.network(origin);
    }
    if (response.redirected) {
      try {
        checkFeedUrl(response.url);
      } catch {
        throw feedErrors.insecureRedirect();
      }
    }
    if (response.status === 304) return "not-modified";
    if (!required && (response.status === 404 || response.status === 410)) return null;
    if (!response.ok) throw feedErrors.http(response.status);
    const declared = Number(response.headers.get("Content-Length") ?? Number.NaN);
    if (declared > maxBytes) throw tooLarge(url, maxBytes, required);
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, maxBytes);
    } catch (error) {
      if (error instanceof FeedError) throw required ? error : feedErrors.missingSignature();
      throw timedOut ? feedErrors.timeout(policy.timeoutMs / 1000) : feedErrors.network(origin);
    }
    return { bytes, etag: response.headers.get("ETag"), lastModified: response.headers.get("Last-Modified") };
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(url: string, maxBytes: number, required: boolean): FeedError {
  return required ? feedErrors.tooLarge(maxBytes) : feedErrors.signatureTooLarge(url);
}

/** Reads the body, stopping (and cancelling the download) as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw feedErrors.tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
