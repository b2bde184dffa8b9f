/** The adapters listed in index.ts, and the lookup by host the pipeline uses. */
import type { SiteAdapter } from "../base/types.ts";
import * as listed from "./index.ts";

export const ADAPTERS: readonly SiteAdapter[] = Object.values(listed);

/** The adapter for a host, or null (the generic layers run alone). Hosts are compared lower-case. */
export function adapterForHost(host: string): SiteAdapter | null {
  const h = host.toLowerCase();
  return ADAPTERS.find((a) => a.matchesHost(h)) ?? null;
}
