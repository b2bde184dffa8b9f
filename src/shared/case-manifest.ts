/**
 * The case manifest: what was captured, when, with which rules, and the
 * SHA-256 of every artefact. Its canonical JSON is `manifest.json` in the
 * bundle, and the SHA-256 of those exact bytes is the case's manifest hash.
 */
import type { ArtefactKind, ArtefactRef, CapturedBy } from "./case.ts";
import { canonicalJson, sha256Hex, utf8 } from "./hash.ts";
import type { MarketplaceId } from "./listing.ts";

export const MANIFEST_FORMAT = "copycatch.case-manifest/1";
export const MANIFEST_NAME = "manifest.json";

export interface CaseManifest {
  format: typeof MANIFEST_FORMAT;
  caseId: string;
  createdAt: string;
  url: string;
  marketplace: MarketplaceId;
  extensionVersion: string;
  packs: { id: string; version: number }[];
  /** Sorted by name. */
  artefacts: ArtefactRef[];
  captureErrors: string[];
  /** Who captured (from the agent's profile at capture time); absent in bundles made before it was recorded. */
  capturedBy?: CapturedBy;
}

export interface ArtefactFile {
  name: string;
  kind: ArtefactKind;
  mime: string;
  bytes: Uint8Array;
}

export async function hashArtefact(file: ArtefactFile): Promise<ArtefactRef> {
  return {
    name: file.name,
    kind: file.kind,
    mime: file.mime,
    bytes: file.bytes.length,
    sha256: await sha256Hex(file.bytes),
  };
}

export function buildManifest(
  meta: Omit<CaseManifest, "format" | "artefacts">,
  artefacts: ArtefactRef[],
): CaseManifest {
  const sorted = [...artefacts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { format: MANIFEST_FORMAT, ...meta, artefacts: sorted };
}

export function manifestBytes(manifest: CaseManifest): Uint8Array {
  return utf8(canonicalJson(manifest));
}

export function manifestSha256(manifest: CaseManifest): Promise<string> {
  return sha256Hex(manifestBytes(manifest));
}
