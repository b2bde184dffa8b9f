/**
 * Host access for a feed's origin. The worker can fetch any feed that allows
 * cross-origin requests (Access-Control-Allow-Origin) without it; other feeds
 * need the user to grant the origin (optional_host_permissions). Must be
 * called straight from a click: the browser only prompts on a user gesture.
 */
import browser from "webextension-polyfill";
import { isLoopback } from "../../shared/feed-url.ts";

export async function requestFeedAccess(url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Local test feeds: nothing to ask (and no prompt could be answered in automated tests).
  if (isLoopback(parsed)) return true;
  const origins = [`${parsed.origin}/*`];
  try {
    if (await browser.permissions.contains({ origins })) return true;
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}
