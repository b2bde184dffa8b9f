/** Every site adapter, registered once. A meta-test checks each file here is registered and has fixtures. */
import { amazon } from "./amazon.ts";
import { ebay } from "./ebay.ts";
import type { SiteAdapter } from "./types.ts";

export const ADAPTERS: readonly SiteAdapter[] = [amazon, ebay];

export function adapterForHost(host: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.matchesHost(host)) ?? null;
}
