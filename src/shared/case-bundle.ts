/**
 * The case bundle: a ZIP of the artefacts exactly as they were hashed, plus
 * manifest.json (the canonical manifest). Verifying re-hashes every file
 * against the manifest (SHA-256: what proves the evidence unchanged; the
 * ZIP's own CRC-32 is checked too, and names an entry damaged or edited inside
 * the archive), refuses files the manifest does not list, and reports the
 * manifest's own hash so it can be compared
 * with the one recorded when the case was saved (or delivered to the webhook).
 */
import { HISTORY_NAME, TIMESTAMP_NAME } from "./case.ts";
import { type CaseManifest, MANIFEST_FORMAT, MANIFEST_NAME, manifestBytes } from "./case-manifest.ts";
import { errorMessage } from "./error-message.ts";
import { sha256Hex } from "./hash.ts";
import type { ReplyCheck } from "./timestamp.ts";
import { readZip, writeZip } from "./zip.ts";

export function writeBundle(manifest: CaseManifest, files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const listed = new Set(manifest.artefacts.map((a) => a.name));
  const entries = files.filter((f) => listed.has(f.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  return writeZip([{ name: MANIFEST_NAME, bytes: manifestBytes(manifest) }, ...entries], new Date(manifest.createdAt));
}

export interface BundleCheck {
  intact: boolean;
  caseId: string | null;
  manifestSha256: string | null;
  /** One line per file checked: "ok  screenshot.png" or what differs. */
  lines: string[];
  /** Files present but not checked, and why. */
  notes: string[];
  problems: string[];
}

function parseManifest(bytes: Uint8Array): CaseManifest {
  const parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as CaseManifest;
  if (parsed?.format !== MANIFEST_FORMAT || !Array.isArray(parsed.artefacts)) {
    throw new Error(`not a ${MANIFEST_FORMAT} manifest`);
  }
  return parsed;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface VerifyOptions {
  /**
   * The RFC 3161 check for manifest.tsr (src/shared/timestamp.ts's verifyReply). Passed in rather than imported:
   * PKI.js is large, and the service worker, which verifies stored evidence too, must start fast without it.
   */
  checkTimestamp?: (reply: Uint8Array, data: Uint8Array, trusted: Uint8Array[]) => Promise<ReplyCheck>;
  /** DER certificates of the time-stamping authority (or its CA) the user trusts, for manifest.tsr. */
  trustedTsa?: Uint8Array[];
}

export async function verifyBundle(
  zip: Uint8Array,
  expectedManifestSha256?: string,
  options: VerifyOptions = {},
): Promise<BundleCheck> {
  const problems: string[] = [];
  const lines: string[] = [];
  let entries: Awaited<ReturnType<typeof readZip>>;
  try {
    entries = readZip(zip);
  } catch (error) {
    const message = `unreadable archive: ${errorMessage(error)}`;
    return { intact: false, caseId: null, manifestSha256: null, lines, notes: [], problems: [message] };
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const raw = byName.get(MANIFEST_NAME);
  if (!raw)
    return {
      intact: false,
      caseId: null,
      manifestSha256: null,
      lines,
      notes: [],
      problems: ["manifest.json is missing"],
    };
  let manifest: CaseManifest;
  try {
    manifest = parseManifest(raw.bytes);
  } catch (error) {
    const message = `manifest.json: ${errorMessage(error)}`;
    return { intact: false, caseId: null, manifestSha256: null, lines, notes: [], problems: [message] };
  }
  const manifestSha = await sha256Hex(raw.bytes);
  // The ZIP's own check, the first a damaged copy fails: each entry's bytes against its recorded CRC-32.
  for (const entry of entries) {
    if (!entry.crcOk)
      problems.push(`${entry.name}: CRC-32 does not match its bytes (damaged or edited in the archive)`);
  }
  if (!sameBytes(raw.bytes, manifestBytes(manifest))) problems.push("manifest.json: not in canonical form (edited)");
  if (expectedManifestSha256 && expectedManifestSha256.toLowerCase() !== manifestSha) {
    problems.push(`manifest.json: SHA-256 ${manifestSha} differs from the recorded ${expectedManifestSha256}`);
  }
  for (const ref of manifest.artefacts) {
    const entry = byName.get(ref.name);
    if (!entry) {
      problems.push(`${ref.name}: listed in the manifest but missing`);
      continue;
    }
    const sha = await sha256Hex(entry.bytes);
    if (sha !== ref.sha256) problems.push(`${ref.name}: SHA-256 ${sha} differs from the manifest's ${ref.sha256}`);
    else if (entry.bytes.length !== ref.bytes)
      problems.push(`${ref.name}: ${entry.bytes.length} bytes, manifest says ${ref.bytes}`);
    else lines.push(`ok  ${ref.name}  sha256:${sha}`);
  }
  // The follow-up history is written at export and the time-stamp reply after the case was saved: neither can be
  // in the manifest. The reply is checked on its own; the history is reported as not covered.
  const stamp = byName.get(TIMESTAMP_NAME);
  const notes: string[] = [];
  if (stamp && !options.checkTimestamp) notes.push(`--  ${TIMESTAMP_NAME}  RFC 3161 token present, not checked here`);
  if (stamp && options.checkTimestamp) {
    const check = await options.checkTimestamp(stamp.bytes, raw.bytes, options.trustedTsa ?? []);
    if (check.ok && check.info) {
      const against = options.trustedTsa?.length ? "the trusted authority certificate" : "the certificate it carries";
      lines.push(
        `ok  ${TIMESTAMP_NAME}  RFC 3161 time ${check.info.genTime} by ${check.info.signer}: imprint = SHA-256 of manifest.json, signature holds against ${against}`,
      );
    } else {
      for (const p of check.problems) problems.push(`${TIMESTAMP_NAME}: ${p}`);
    }
  }
  const listed = new Set([MANIFEST_NAME, TIMESTAMP_NAME, HISTORY_NAME, ...manifest.artefacts.map((a) => a.name)]);
  if (byName.has(HISTORY_NAME)) {
    notes.push(`--  ${HISTORY_NAME}  follow-up recorded after capture, not covered by the manifest`);
  }
  for (const entry of entries) {
    if (!listed.has(entry.name)) problems.push(`${entry.name}: not listed in the manifest (added)`);
  }
  return {
    intact: problems.length === 0,
    caseId: manifest.caseId,
    manifestSha256: manifestSha,
    lines,
    notes,
    problems,
  };
}
