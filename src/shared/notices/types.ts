import type { Listing, MarketplaceId } from "../listing.ts";
import type { RightsHolderProfile } from "../profile.ts";
import type { PortalId } from "../report-portals.ts";
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
}

export interface NoticeInput {
  case: NoticeCase;
  profile: RightsHolderProfile;
}

/** One field of a portal's form, in the portal's order, with its limit when the portal enforces one. */
export interface NoticeField {
  key: string;
  label: string;
  value: string;
  maxLength?: number;
}

export interface Notice {
  portal: PortalId;
  portalName: string;
  /** Where to file it. */
  url: string | null;
  fields: NoticeField[];
}

export type NoticeWriter = (input: NoticeInput) => Notice;
