/**
 * Which rule-feed URLs Copycatch fetches: HTTPS only, so nobody on the path
 * can swap the pack (signatures protect the content, HTTPS also its
 * freshness), except plain http on the loopback interface for local testing.
 */
import { SaidError, said } from "./said.ts";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}

/** The URL, normalised; throws a SaidError the options page words in the user's language. */
export function checkFeedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SaidError(said("feed_url_invalid", { example: "https://example.com/pack.json" }));
  }
  if (url.username || url.password) throw new SaidError(said("feed_url_credentials"));
  if (url.protocol === "https:") return url.href;
  if (url.protocol === "http:" && isLoopback(url)) return url.href;
  throw new SaidError(said("feed_url_not_https", { scheme: "https://", hosts: "127.0.0.1, localhost" }));
}

/** Where a pack's detached signature is published: the same URL with ".sig" added to the path. */
export function signatureUrl(packUrl: string): string {
  const url = new URL(packUrl);
  url.pathname = `${url.pathname}.sig`;
  return url.href;
}
