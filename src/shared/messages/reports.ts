/** Report and case messages: extension pages only (popup, options). */
import type { CaseRecord, DeliveryState } from "../case.ts";
import type { CaseDetails } from "../case-details.ts";
import type { Correction, UserSays } from "../correction.ts";
import type { Notice } from "../notices/index.ts";
import type { ReportContact } from "../pack.ts";
import type { AttachmentKind, ProfileAttachment, RightsHolderProfile, Role } from "../profile.ts";
import type { Said } from "../said.ts";

export interface ReportSettings {
  role: Role;
  profile: RightsHolderProfile;
  /** The token itself never leaves the worker: only whether one is set. */
  webhook: { url: string | null; hasToken: boolean };
}

export type ReportProtocol = {
  /** Agent: capture the tab and save a case (one transaction), queue it when a webhook is set. */
  "report-case": {
    request: { tabId: number; details?: CaseDetails };
    response: {
      caseId: string;
      captureErrors: string[];
      /** The capture errors as keys and params, for the page to word. */
      captureSaid: Said[];
      delivery: DeliveryState;
      notice: Notice;
    };
  };
  /** Store a document once in the profile (bytes as base64: messages carry JSON). */
  "add-attachment": {
    request: { kind: AttachmentKind; name: string; mime: string; registration: string; base64: string };
    response: { attachment: ProfileAttachment };
  };
  "remove-attachment": { request: { id: string }; response: { ok: true } };
  "get-report-settings": { request: Record<never, never>; response: ReportSettings };
  "set-role": { request: { role: Role }; response: { ok: true } };
  "set-profile": { request: { profile: RightsHolderProfile }; response: { ok: true } };
  /** url null removes the webhook; token null keeps the stored token, "" removes it. */
  "set-webhook": { request: { url: string | null; token: string | null }; response: { ok: true } };
  /** Newest first. */
  "list-cases": { request: Record<never, never>; response: { cases: CaseRecord[] } };
  /** The case bundle (ZIP), base64: messages carry JSON, not bytes. */
  "export-case": { request: { caseId: string }; response: { fileName: string; base64: string } };
  /** Put a local or failed case (back) in the outbox. */
  "send-case": { request: { caseId: string }; response: { ok: true } };
  "record-correction": {
    request: { correction: Omit<Correction, "id" | "at"> & { userSays: UserSays } };
    response: { id: number };
  };
  "list-corrections": { request: Record<never, never>; response: { corrections: Correction[] } };
  /** The reporting contact the rule packs give for a brand. */
  "brand-contact": {
    request: { brandId: string };
    response: { brandName: string | null; contact: ReportContact | null };
  };
  /** Highlight (or clear) phrases on the tab's page. */
  highlight: { request: { tabId: number; phrases: string[]; on: boolean }; response: { found: number } };
};
