/**
 * A case bundle (the ZIP an agent exports) back into the facts a notice is
 * written from. The bundle is verified first: a notice never cites evidence
 * whose hashes do not match its manifest.
 */
import { verifyBundle } from "../../src/shared/case-bundle.ts";
import { validateDetails } from "../../src/shared/case-details.ts";
import { type CaseManifest, MANIFEST_NAME } from "../../src/shared/case-manifest.ts";
import type { NoticeCase } from "../../src/shared/notices/index.ts";
import { validateListing } from "../../src/shared/validate-listing.ts";
import type { Verdict } from "../../src/shared/verdict.ts";
import { readZip } from "../../src/shared/zip.ts";

export class BundleError extends Error {}

function json(files: Map<string, Uint8Array>, name: string): unknown {
  const bytes = files.get(name);
  if (!bytes) throw new BundleError(`${name} is missing from the bundle`);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new BundleError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function caseFromBundle(zip: Uint8Array): Promise<NoticeCase> {
  const check = await verifyBundle(zip);
  if (!check.intact) throw new BundleError(`the bundle does not verify: ${check.problems.join("; ")}`);
  const files = new Map(readZip(zip).map((e) => [e.name, e.bytes]));
  const manifest = json(files, MANIFEST_NAME) as CaseManifest;
  const listing = validateListing(json(files, "listing.json"));
  const verdict = json(files, "verdict.json") as Verdict;
  if (typeof verdict !== "object" || verdict === null || !Array.isArray(verdict.reasons)) {
    throw new BundleError("verdict.json: not a verdict");
  }
  const evidence = manifest.artefacts
    .filter((a) => a.kind === "screenshot" || a.kind === "mhtml")
    .map((a) => ({ name: a.name, sha256: a.sha256 }));
  const c: NoticeCase = {
    caseId: manifest.caseId,
    createdAt: manifest.createdAt,
    url: manifest.url,
    marketplace: manifest.marketplace,
    listing,
    verdict,
    evidence,
  };
  if (files.has("details.json")) c.details = validateDetails(json(files, "details.json"));
  return c;
}
