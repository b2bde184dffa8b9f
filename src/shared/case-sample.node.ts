/** Sample case data for unit tests of notices, bundles and exports (not shipped: only tests import it). */
import type { CaseRecord } from "./case.ts";
import { localDelivery } from "./case.ts";
import { sellerKeys } from "./case-seller.ts";
import { newFollowUp } from "./case-state.ts";
import { emptyListing, emptySeller, type Listing } from "./listing.ts";
import type { NoticeInput } from "./notices/index.ts";
import type { RightsHolderProfile } from "./profile.ts";
import type { Verdict } from "./verdict.ts";

export const HOSTILE_TITLE = 'Nike Air Max 90 <img src=x onerror=alert(1)> replica 1:1 "AAA"';

export function sampleListing(title: string = HOSTILE_TITLE): Listing {
  return {
    ...emptyListing("https://www.ebay.com/itm/226771798286", "ebay"),
    title,
    brand: "Nike",
    sku: "226771798286",
    price: { amount: "39.99", currency: "USD" },
    seller: { ...emptySeller(), name: "=cheap_kicks_88", id: "cheap_kicks_88" },
  };
}

export function sampleVerdict(): Verdict {
  return {
    risk: "high",
    score: 91,
    brand: { id: "nike", name: "Nike" },
    reasons: [
      {
        signal: "counterfeit-term",
        code: "counterfeit-term",
        params: { text: "replica", term: "replica", lang: "en" },
        message: "Replica wording",
        weight: 3,
        evidence: { field: "title", text: "replica", start: 47, end: 54 },
      },
      {
        signal: "seller-weak",
        code: "seller-weak",
        params: { memberSince: "2025-01" },
        message: "New seller",
        weight: 1,
        evidence: null,
      },
      {
        signal: "seller-official",
        code: "seller-official",
        params: { brand: "Nike" },
        message: "Official store",
        weight: -2,
        evidence: null,
      },
    ],
    packs: [{ id: "copycatch.default", version: 3 }],
    engineVersion: "1",
  };
}

export function sampleProfile(): RightsHolderProfile {
  return {
    name: "Ada Agent",
    company: "Nike Innovate C.V.",
    email: "brand-protection@example.com",
    phone: "+1 555 0100",
    address: "One Bowerman Drive, Beaverton, OR",
    trademarks: [
      { office: "USPTO", number: "978952", classes: "25", jurisdiction: "US", expiry: "" },
      { office: "EUIPO", number: "000146555", classes: "18, 25", jurisdiction: "EU", expiry: "" },
    ],
    authorisationRef: "LOA-2025-017",
    attachments: [],
  };
}

export function sampleNoticeInput(listing: Listing = sampleListing()): NoticeInput {
  return {
    case: {
      caseId: "6f1c7a3e-0000-4000-8000-000000000001",
      createdAt: "2025-05-01T12:00:00.000Z",
      url: listing.url,
      marketplace: listing.marketplace,
      listing,
      verdict: sampleVerdict(),
      evidence: [{ name: "screenshot.png", sha256: "a".repeat(64) }],
    },
    profile: sampleProfile(),
  };
}

export function sampleCase(over: Partial<CaseRecord> = {}): CaseRecord {
  const listing = sampleListing();
  return {
    id: "6f1c7a3e-0000-4000-8000-000000000001",
    createdAt: "2025-05-01T12:00:00.000Z",
    url: listing.url,
    marketplace: listing.marketplace,
    brandId: "nike",
    brandName: "Nike",
    sellerName: listing.seller?.name ?? null,
    listing,
    verdict: sampleVerdict(),
    packs: [{ id: "copycatch.default", version: 3 }],
    extensionVersion: "0.1.0",
    artefacts: [],
    manifestSha256: "b".repeat(64),
    captureErrors: [],
    delivery: localDelivery(),
    followUp: newFollowUp("2025-05-01T12:00:00.000Z"),
    sellerKeys: sellerKeys(listing),
    timestamp: null,
    capturedBy: { name: "Ada Agent", company: "Nike Innovate C.V.", email: "brand-protection@example.com" },
    ...over,
  };
}
