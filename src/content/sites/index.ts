/**
 * Every site adapter, registered once. The meta-test (sites.test.ts) checks
 * each adapter file in this folder is registered here and has fixture pages.
 */

import type { SiteAdapter } from "../base/types.ts";
import { alibaba } from "./alibaba.ts";
import { aliexpress } from "./aliexpress.ts";
import { amazon } from "./amazon.ts";
import { dhgate } from "./dhgate.ts";
import { ebay } from "./ebay.ts";
import { etsy } from "./etsy.ts";
import { jd } from "./jd.ts";
import { mercadolibre } from "./mercadolibre.ts";
import { rakuten } from "./rakuten.ts";
import { taobao } from "./taobao.ts";
import { temu } from "./temu.ts";
import { tmall } from "./tmall.ts";
import { walmart } from "./walmart.ts";

export const ADAPTERS: readonly SiteAdapter[] = [
  amazon,
  ebay,
  aliexpress,
  alibaba,
  taobao,
  tmall,
  jd,
  walmart,
  etsy,
  temu,
  dhgate,
  mercadolibre,
  rakuten,
];

/** The adapter for a host, or null (the generic layers run alone). Hosts are compared lower-case. */
export function adapterForHost(host: string): SiteAdapter | null {
  const h = host.toLowerCase();
  return ADAPTERS.find((a) => a.matchesHost(h)) ?? null;
}
