/** The case workspace's messages: extension pages only (workspace, popup, options), never content scripts. */
import type { CaseRecord, CaseSummary, CaseTimestamp } from "../case.ts";
import type { CaseState, CheckObservation } from "../case-state.ts";
import type { PortalId } from "../report-portals.ts";

export interface StoredCaseCheck {
  intact: boolean;
  lines: string[];
  problems: string[];
}

export interface CaseDetail {
  record: CaseRecord;
  /** The notice saved with the case (its portal's .txt), null when none. */
  noticeText: string | null;
  /** The screenshot, base64 PNG, null when its capture failed. */
  screenshot: string | null;
  /** The stored evidence re-hashed against the manifest, now. */
  check: StoredCaseCheck;
}

export interface RecheckSettings {
  /** Off by default: the agent opts in. */
  enabled: boolean;
  /** Re-check filed cases every N minutes; null: on demand only. */
  intervalMinutes: number | null;
}

export interface WorkspaceSettings {
  recheck: RecheckSettings;
  /** RFC 3161 time-stamping authority; null: off (the default). */
  tsaUrl: string | null;
}

export type CaseProtocol = {
  "case-summaries": { request: Record<never, never>; response: { cases: CaseSummary[] } };
  "get-case": { request: { caseId: string }; response: CaseDetail };
  /** One evidence file, base64 (the MHTML snapshot, the screenshot, a notice). */
  "get-evidence": { request: { caseId: string; name: string }; response: { mime: string; base64: string } };
  "set-case-state": {
    request: { caseId: string; to: CaseState; portal: PortalId | null; reference: string | null; note: string | null };
    response: { summary: CaseSummary };
  };
  "set-case-notes": { request: { caseId: string; notes: string }; response: { summary: CaseSummary } };
  /** Agents: how many cases the seller of the tab's listing already has. */
  "seller-history": {
    request: { tabId: number };
    response: { count: number; caseIds: string[]; firstAt: string | null; sellerKeys: string[] };
  };
  "get-workspace-settings": { request: Record<never, never>; response: WorkspaceSettings };
  /** Agents: opt in to re-checks (on demand, or every intervalMinutes by an alarm). */
  "set-recheck": { request: { settings: RecheckSettings }; response: WorkspaceSettings };
  /** Agents: the RFC 3161 authority (null switches trusted time off). */
  "set-tsa": { request: { url: string | null }; response: WorkspaceSettings };
  /** Keep the authority's reply (base64 DER), checked by the page that asked for it (src/popup/stamp.ts). */
  "save-timestamp": {
    request: { caseId: string; reply: string; genTime: string; signer: string };
    response: { timestamp: CaseTimestamp };
  };
  /** Fetch the filed listing's URL now and record what it shows. */
  "recheck-case": { request: { caseId: string }; response: { summary: CaseSummary; check: CheckObservation } };
};
