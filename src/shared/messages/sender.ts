import type { SenderKind } from "./index.ts";

/** The parts of runtime.MessageSender that the checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Classify a message sender. Content scripts run in web pages and are
 * untrusted; extension pages (popup, options) are ours. Anything else — another
 * extension, a page through externally_connectable, a sub-frame — is refused.
 * (Bitwarden and Dark Reader check the sender the same way.)
 */
export function classifySender(sender: SenderInfo, selfId: string, selfOrigin: string): SenderKind | null {
  if (sender.id !== selfId) return null;
  const url = sender.url ?? "";
  const origin = selfOrigin.endsWith("/") ? selfOrigin.slice(0, -1) : selfOrigin;
  if (url.startsWith(`${origin}/`)) return "extension-page";
  // Only the top frame of a tab speaks for the listing of that tab.
  if (sender.tab?.id !== undefined && sender.tab.id >= 0 && sender.frameId === 0 && /^https?:\/\//.test(url)) {
    return "content";
  }
  return null;
}
