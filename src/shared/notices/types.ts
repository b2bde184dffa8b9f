import type { CaseDetails } from "../case-details.ts";
import type { Listing, MarketplaceId } from "../listing.ts";
import type { RightsHolderProfile } from "../profile.ts";
import type { PortalId } from "../report-portals.ts";
import type { Said } from "../said.ts";
import type { Verdict } from "../verdict.ts";

/** The facts of a case a notice is written from (the notice itself is evidence, so it cannot cite the manifest hash). */
export interface NoticeCase {
  caseId: string;
  /** UTC, ISO 8601. */
  createdAt: string;
  url: string;
  marketplace: MarketplaceId;
  listing: Listing;
  verdict: Verdict;
  /** Captured artefacts (screenshot, MHTML) with their SHA-256, cited as evidence. */
  evidence: { name: string; sha256: string }[];
  /** Where the infringement appears and the test-buy orders; absent on cases filed before they existed. */
  details?: CaseDetails;
}

export interface NoticeInput {
  case: NoticeCase;
  profile: RightsHolderProfile;
  /** More cases of the same marketplace for one notice, where the portal takes several listings. */
  more?: NoticeCase[];
}

/** One field of a portal's form, in the portal's order, with its limit when a source gives one. */
export interface NoticeField {
  key: string;
  label: string;
  value: string;
  maxLength?: number;
  /** The choices the portal offers for this field, when known. */
  options?: string[];
}

export interface Notice {
  portal: PortalId;
  portalName: string;
  /** Where to file it. */
  url: string | null;
  /** False when no public source confirms `url`: the UI says so. */
  urlVerified: boolean;
  /** Where a notice goes when the portal is not a web form (eBay's NOCI: vero@ebay.com). */
  submitTo: string | null;
  fields: NoticeField[];
  /** What the agent should know before filing (unverified address, unknown limits, registrations). */
  warnings: string[];
  /** Why the portal would refuse it (a required field missing, a shop name for a listing URL): fix these first. */
  errors: string[];
  /** The warnings and the errors as keys and params, for the pages to word (the notice itself stays English). */
  said: { warnings: Said[]; errors: Said[] };
  /** Evidence and profile documents to upload with it (file names in the case bundle). */
  attachments: string[];
}

export type NoticeWriter = (input: NoticeInput) => Notice;
