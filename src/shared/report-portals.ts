/**
 * Where each marketplace takes reports: the ONE table (issue #6). `shopperUrl`
 * is the public page a buyer can use; `agentUrl` is the rights-owner portal
 * the notices are written for. URLs are the public entry points as known at
 * the time of writing; a portal that moves is fixed here and nowhere else.
 * "{origin}" is replaced by the listing's own origin when it belongs to the
 * marketplace (Amazon and eBay run one report page per country site).
 */
import type { MarketplaceId } from "./listing.ts";
import { AMAZON_SITES, EBAY_SITES, wwwHosts } from "./marketplace-hosts.ts";

export type PortalId =
  | "amazon"
  | "ebay-vero"
  | "alibaba-ipp"
  | "walmart"
  | "etsy"
  | "temu"
  | "dhgate"
  | "mercadolibre"
  | "jd"
  | "rakuten"
  | "generic";

export interface ReportPortal {
  id: PortalId;
  /** The portal's own name, as shown to the user. */
  name: string;
  shopperUrl: string | null;
  agentUrl: string | null;
  /** Hosts the "{origin}" placeholder may take (exact match), so a URL is never built on a foreign host. */
  hosts: string[];
  /** What the shopper should pick on that page. */
  shopperHint: string;
}

const AMAZON: ReportPortal = {
  id: "amazon",
  name: "Amazon Report Infringement",
  shopperUrl: "{origin}/report/infringement",
  agentUrl: "{origin}/report/infringement",
  hosts: wwwHosts(AMAZON_SITES),
  shopperHint: 'Choose "Counterfeit" as the issue and paste the listing URL (or ASIN).',
};

const EBAY: ReportPortal = {
  id: "ebay-vero",
  name: "eBay VeRO (Verified Rights Owner) program",
  shopperUrl: "{origin}/help/policies/prohibited-restricted-items/counterfeit-items-policy?id=4276",
  agentUrl: "{origin}/help/policies/listing-policies/selling-policies/intellectual-property-vero-program?id=4349",
  hosts: wwwHosts(EBAY_SITES),
  shopperHint: 'On the listing, use "Report this item" → "Counterfeit"; this page explains eBay\'s counterfeit policy.',
};

const IPP: ReportPortal = {
  id: "alibaba-ipp",
  name: "Alibaba IP Protection Platform (IPP)",
  shopperUrl: "https://ipp.alibabagroup.com/",
  agentUrl: "https://ipp.alibabagroup.com/",
  hosts: [],
  shopperHint: "IPP takes complaints from rights holders: forward the prepared text to the brand.",
};

export const PORTALS: Record<PortalId, ReportPortal> = {
  amazon: AMAZON,
  "ebay-vero": EBAY,
  "alibaba-ipp": IPP,
  walmart: {
    id: "walmart",
    name: "Walmart Brand Portal",
    shopperUrl: "https://www.walmart.com/help",
    agentUrl: "https://brandportal.walmart.com/",
    hosts: [],
    shopperHint: 'On the item page, use "Report seller or item"; Walmart Help explains the options.',
  },
  etsy: {
    id: "etsy",
    name: "Etsy intellectual property infringement report",
    shopperUrl: "https://www.etsy.com/legal/ip/",
    agentUrl: "https://www.etsy.com/legal/ip/",
    hosts: [],
    shopperHint: 'On the listing, use "Report this item to Etsy".',
  },
  temu: {
    id: "temu",
    name: "Temu Intellectual Property Protection",
    shopperUrl: "https://www.temu.com/intellectual-property-policy.html",
    agentUrl: "https://www.temu.com/intellectual-property-policy.html",
    hosts: [],
    shopperHint: 'In the app or on the item, use "Report this item".',
  },
  dhgate: {
    id: "dhgate",
    name: "DHgate IPR protection",
    shopperUrl: "https://ipr.dhgate.com/",
    agentUrl: "https://ipr.dhgate.com/",
    hosts: [],
    shopperHint: "Forward the prepared text to the brand; DHgate's IPR desk takes rights-holder complaints.",
  },
  mercadolibre: {
    id: "mercadolibre",
    name: "Mercado Libre Brand Protection Program",
    shopperUrl: "https://www.mercadolibre.com/brandprotection/",
    agentUrl: "https://www.mercadolibre.com/brandprotection/",
    hosts: [],
    shopperHint: 'On the listing, use "Denunciar" (report) → "Es una falsificación".',
  },
  jd: {
    id: "jd",
    name: "JD.com IPR complaint platform",
    shopperUrl: "https://ipr.jd.com/",
    agentUrl: "https://ipr.jd.com/",
    hosts: [],
    shopperHint: "Forward the prepared text to the brand; JD's IPR platform takes rights-holder complaints.",
  },
  rakuten: {
    id: "rakuten",
    name: "Rakuten Ichiba rights infringement report",
    shopperUrl: "https://www.rakuten.co.jp/ec/ip/",
    agentUrl: "https://www.rakuten.co.jp/ec/ip/",
    hosts: [],
    shopperHint: "Use the Rakuten report form, or forward the prepared text to the brand.",
  },
  generic: {
    id: "generic",
    name: "The brand's own reporting contact",
    shopperUrl: null,
    agentUrl: null,
    hosts: [],
    shopperHint: "This shop has no known report page: send the prepared text to the brand.",
  },
};

/** Which portal takes reports for a marketplace. */
export const PORTAL_OF: Record<MarketplaceId, PortalId> = {
  amazon: "amazon",
  ebay: "ebay-vero",
  aliexpress: "alibaba-ipp",
  alibaba: "alibaba-ipp",
  taobao: "alibaba-ipp",
  tmall: "alibaba-ipp",
  jd: "jd",
  walmart: "walmart",
  etsy: "etsy",
  temu: "temu",
  dhgate: "dhgate",
  mercadolibre: "mercadolibre",
  rakuten: "rakuten",
  generic: "generic",
};

/** The marketplace names as shoppers know them. */
export const MARKETPLACE_NAME: Record<MarketplaceId, string> = {
  amazon: "Amazon",
  ebay: "eBay",
  aliexpress: "AliExpress",
  alibaba: "Alibaba.com",
  taobao: "Taobao",
  tmall: "Tmall",
  jd: "JD.com",
  walmart: "Walmart",
  etsy: "Etsy",
  temu: "Temu",
  dhgate: "DHgate",
  mercadolibre: "Mercado Libre",
  rakuten: "Rakuten",
  generic: "this shop",
};

export function portalFor(marketplace: MarketplaceId): ReportPortal {
  return PORTALS[PORTAL_OF[marketplace]];
}

/** The listing's origin when its host belongs to the portal, else the portal's default (.com) origin. */
function originFor(portal: ReportPortal, listingUrl: string): string {
  const fallback = portal.id === "amazon" ? "https://www.amazon.com" : "https://www.ebay.com";
  try {
    const url = new URL(listingUrl);
    const owned = url.protocol === "https:" && portal.hosts.includes(url.hostname);
    return owned ? url.origin : fallback;
  } catch {
    return fallback;
  }
}

/** The report URL for a listing, for a shopper or an agent; null when the marketplace has none. */
export function reportUrl(marketplace: MarketplaceId, listingUrl: string, who: "shopper" | "agent"): string | null {
  const portal = portalFor(marketplace);
  const template = who === "shopper" ? portal.shopperUrl : portal.agentUrl;
  if (template === null) return null;
  return template.includes("{origin}") ? template.replace("{origin}", originFor(portal, listingUrl)) : template;
}
