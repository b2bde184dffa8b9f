/** The verdict the engine gives for a listing (DESIGN.md, "Contracts"). */
import type { ReasonCode, ReasonParams } from "./reason-codes.ts";

export type Risk = "high" | "medium" | "low" | "unknown";

export type SignalId =
  | "brand-claimed"
  | "brand-hidden"
  | "brand-obfuscated"
  | "counterfeit-term"
  | "price-below-reference"
  | "seller-authorised"
  | "seller-official"
  | "seller-marketplace"
  | "seller-impersonates-brand"
  | "seller-weak"
  | "price-conflict"
  | "bulk-luxury"
  | "accessory-context"
  | "dupe-reference"
  | "bidi-controls"
  | "brand-field-mismatch"
  | "capacity-implausible";

/** Where in the listing a reason was found: the field and the exact text, with offsets into that field's text. */
export interface EvidenceSpan {
  field: "title" | "brand" | "description" | "specifics" | "seller" | "price" | "url";
  text: string;
  start: number;
  end: number;
}

export interface Reason {
  signal: SignalId;
  /** Which sentence this is (reason-codes.ts): the UI words it from `params` in the user's language. */
  code: ReasonCode;
  params: ReasonParams;
  /** The sentence in English, for the CLI, reports, exported cases and notices. */
  message: string;
  /** Log-odds contribution; negative lowers risk. */
  weight: number;
  evidence: EvidenceSpan | null;
}

export interface BrandRef {
  id: string;
  name: string;
}

export interface Verdict {
  risk: Risk;
  /** 0..100 */
  score: number;
  brand: BrandRef | null;
  /** Sorted by |weight|, strongest first. */
  reasons: Reason[];
  /** Packs the verdict was computed with, for reports. */
  packs: { id: string; version: number }[];
  engineVersion: string;
}
