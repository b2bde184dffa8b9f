/**
 * Which rule-feed URLs Copycatch fetches: HTTPS only, so nobody on the path
 * can swap the pack (signatures protect the content, HTTPS also its
 * freshness), except plain http on the loopback interface for local testing.
 */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}

/** The URL, normalised; throws an Error whose message the options page shows as is. */
export function checkFeedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error("The feed address is not a URL: it should look like https://example.com/pack.json");
  }
  if (url.username || url.password) throw new Error("The feed address must not contain a user name or password.");
  if (url.protocol === "https:") return url.href;
  if (url.protocol === "http:" && isLoopback(url)) return url.href;
  throw new Error(
    "The feed address must start with https:// (plain http is only accepted for 127.0.0.1 and localhost).",
  );
}

/** Where a pack's detached signature is published: the same URL with ".sig" added to the path. */
export function signatureUrl(packUrl: string): string {
  const url = new URL(packUrl);
  url.pathname = `${url.pathname}.sig`;
  return url.href;
}
