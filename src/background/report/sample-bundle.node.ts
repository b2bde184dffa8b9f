/** A complete case bundle for tests of the CLI and of verification (not shipped: only tests import it). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_NAME } from "../../shared/case-manifest.ts";
import { HOSTILE_TITLE, sampleListing, sampleProfile, sampleVerdict } from "../../shared/case-sample.node.ts";
import { writeZip } from "../../shared/zip.ts";
import { buildCase } from "./build-case.ts";

export { HOSTILE_TITLE };

/** The project's 128 px icon stands in for the screenshot: a real PNG with visible content. */
export const SAMPLE_PNG = new Uint8Array(readFileSync(join(import.meta.dirname, "../../../public/icons/icon-128.png")));

export async function sampleBundle(extra: { name: string; bytes: Uint8Array }[] = []) {
  const built = await buildCase({
    id: "6f1c7a3e-0000-4000-8000-0000000000b1",
    now: new Date("2025-05-01T12:00:00.000Z"),
    listing: sampleListing(),
    verdict: sampleVerdict(),
    packs: [{ id: "copycatch.default", version: 3 }],
    extensionVersion: "0.1.0",
    captured: {
      files: [{ name: "screenshot.png", kind: "screenshot", mime: "image/png", bytes: SAMPLE_PNG }],
      errors: [],
    },
    profile: sampleProfile(),
    queued: false,
  });
  const files = built.evidence
    .map((f) => ({ name: f.name, bytes: f.bytes }))
    .sort((a, b) => (a.name === MANIFEST_NAME ? -1 : b.name === MANIFEST_NAME ? 1 : a.name < b.name ? -1 : 1));
  return { ...built, zip: writeZip([...files, ...extra], new Date(built.record.createdAt)) };
}
