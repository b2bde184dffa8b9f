/**
 * Everything a case is, computed before anything is written: artefact bytes,
 * their SHA-256, the notice for the marketplace's portal, the manifest and
 * its hash. The store then writes the result in one transaction.
 */
import type { CapturedBy, CaseRecord, EvidenceRecord } from "../../shared/case.ts";
import { localDelivery } from "../../shared/case.ts";
import { type CaseDetails, emptyDetails } from "../../shared/case-details.ts";
import {
  type ArtefactFile,
  buildManifest,
  hashArtefact,
  MANIFEST_NAME,
  manifestBytes,
  manifestSha256,
} from "../../shared/case-manifest.ts";
import { sellerKeys } from "../../shared/case-seller.ts";
import { newFollowUp } from "../../shared/case-state.ts";
import { utf8 } from "../../shared/hash.ts";
import type { Listing } from "../../shared/listing.ts";
import { type Notice, noticeFor, noticeJson, noticeText } from "../../shared/notices/index.ts";
import { attachmentEntryName, type ProfileAttachment, type RightsHolderProfile } from "../../shared/profile.ts";
import type { Said } from "../../shared/said.ts";
import type { Verdict } from "../../shared/verdict.ts";

export interface CaseInput {
  id: string;
  now: Date;
  listing: Listing;
  verdict: Verdict;
  packs: { id: string; version: number }[];
  extensionVersion: string;
  captured: { files: ArtefactFile[]; errors: string[]; said?: Said[] };
  profile: RightsHolderProfile;
  /** Where the infringement appears and the test-buy orders, as the agent gave them. */
  details?: CaseDetails;
  /** The profile's documents with their bytes: added to the bundle under attachments/. */
  attachments?: { ref: ProfileAttachment; bytes: Uint8Array }[];
  /** A webhook is set: the case goes to the outbox in the same transaction. */
  queued: boolean;
}

export interface BuiltCase {
  record: CaseRecord;
  evidence: EvidenceRecord[];
  /** The notice for the marketplace's portal, as saved in notices/. */
  notice: Notice;
}

function jsonFile(name: string, kind: "listing" | "verdict" | "details", value: unknown): ArtefactFile {
  return { name, kind, mime: "application/json", bytes: utf8(`${JSON.stringify(value, null, 2)}\n`) };
}

function capturedBy(p: RightsHolderProfile): CapturedBy {
  return { name: p.name, company: p.company, email: p.email };
}

export async function buildCase(input: CaseInput): Promise<BuiltCase> {
  const createdAt = input.now.toISOString();
  const { listing, verdict } = input;
  const details = input.details ?? emptyDetails();
  const capturedRefs = await Promise.all(input.captured.files.map(hashArtefact));
  const notice = noticeFor(listing.marketplace, {
    case: {
      caseId: input.id,
      createdAt,
      url: listing.url,
      marketplace: listing.marketplace,
      listing,
      verdict,
      evidence: capturedRefs.map((r) => ({ name: r.name, sha256: r.sha256 })),
      details,
    },
    profile: input.profile,
  });
  const files: ArtefactFile[] = [
    ...input.captured.files,
    jsonFile("listing.json", "listing", listing),
    jsonFile("verdict.json", "verdict", verdict),
    jsonFile("details.json", "details", details),
    ...(input.attachments ?? []).map(
      (a): ArtefactFile => ({ name: attachmentEntryName(a.ref), kind: "attachment", mime: a.ref.mime, bytes: a.bytes }),
    ),
    {
      name: `notices/${notice.portal}.txt`,
      kind: "notice",
      mime: "text/plain; charset=utf-8",
      bytes: utf8(noticeText(notice)),
    },
    {
      name: `notices/${notice.portal}.json`,
      kind: "notice",
      mime: "application/json",
      bytes: utf8(noticeJson(notice)),
    },
  ];
  const refs = await Promise.all(files.map(hashArtefact));
  const manifest = buildManifest(
    {
      caseId: input.id,
      createdAt,
      url: listing.url,
      marketplace: listing.marketplace,
      extensionVersion: input.extensionVersion,
      packs: input.packs,
      captureErrors: input.captured.errors,
      capturedBy: capturedBy(input.profile),
    },
    refs,
  );
  const record: CaseRecord = {
    id: input.id,
    createdAt,
    url: listing.url,
    marketplace: listing.marketplace,
    brandId: verdict.brand?.id ?? null,
    brandName: verdict.brand?.name ?? listing.brand,
    sellerName: listing.seller?.name ?? null,
    listing,
    verdict,
    packs: input.packs,
    extensionVersion: input.extensionVersion,
    artefacts: manifest.artefacts,
    manifestSha256: await manifestSha256(manifest),
    captureErrors: input.captured.errors,
    ...(input.captured.said ? { captureSaid: input.captured.said } : {}),
    details,
    delivery: input.queued ? { ...localDelivery(), state: "queued", nextAttemptAt: createdAt } : localDelivery(),
    followUp: newFollowUp(createdAt),
    sellerKeys: sellerKeys(listing),
    timestamp: null,
    capturedBy: capturedBy(input.profile),
  };
  const evidence: EvidenceRecord[] = [
    ...files.map((f) => ({ caseId: input.id, name: f.name, mime: f.mime, bytes: f.bytes })),
    { caseId: input.id, name: MANIFEST_NAME, mime: "application/json", bytes: manifestBytes(manifest) },
  ];
  return { record, evidence, notice };
}
