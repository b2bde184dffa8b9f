import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { report, verifyCaseFile } from "../../cli/verify-case.ts";
import { scratchDirs } from "../../test-support/scratch.ts";
import { verifyBundle, writeBundle } from "./case-bundle.ts";
import { type ArtefactFile, buildManifest, type CaseManifest, hashArtefact, manifestSha256 } from "./case-manifest.ts";
import { utf8 } from "./hash.ts";
import { readZip, writeZip } from "./zip.ts";

const tempDir = scratchDirs("verify-");

const FILES: ArtefactFile[] = [
  { name: "screenshot.png", kind: "screenshot", mime: "image/png", bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) },
  { name: "page.mhtml", kind: "mhtml", mime: "multipart/related", bytes: utf8("MIME-Version: 1.0\r\n\r\n<html>") },
  { name: "listing.json", kind: "listing", mime: "application/json", bytes: utf8('{"title":"<img src=x>"}') },
  { name: "notices/ebay-vero.txt", kind: "notice", mime: "text/plain", bytes: utf8("VeRO notice") },
];

async function bundle(): Promise<{ zip: Uint8Array; manifest: CaseManifest; sha: string }> {
  const refs = await Promise.all(FILES.map(hashArtefact));
  const manifest = buildManifest(
    {
      caseId: "case-1",
      createdAt: "2025-05-01T12:00:00.000Z",
      url: "https://www.ebay.com/itm/1",
      marketplace: "ebay",
      extensionVersion: "0.1.0",
      packs: [{ id: "copycatch.default", version: 1 }],
      captureErrors: [],
    },
    refs,
  );
  return { zip: writeBundle(manifest, FILES), manifest, sha: await manifestSha256(manifest) };
}

function rezip(zip: Uint8Array, change: (name: string, bytes: Uint8Array) => Uint8Array | null, extra = false) {
  const entries = readZip(zip).flatMap((e) => {
    const bytes = change(e.name, e.bytes);
    return bytes ? [{ name: e.name, bytes }] : [];
  });
  if (extra) entries.push({ name: "extra.exe", bytes: utf8("MZ") });
  return writeZip(entries);
}

describe("case bundle verification", () => {
  it("says an untouched bundle is intact, file by file, with the recorded manifest hash", async () => {
    const { zip, sha } = await bundle();
    const check = await verifyBundle(zip, sha);
    expect(check.problems).toEqual([]);
    expect(check.intact).toBe(true);
    expect(check.manifestSha256).toBe(sha);
    expect(check.lines).toHaveLength(FILES.length);
  });

  it("names a changed artefact (re-zipped so the CRC is right)", async () => {
    const { zip } = await bundle();
    const tampered = rezip(zip, (n, b) => (n === "listing.json" ? utf8('{"title":"genuine"}') : b));
    const check = await verifyBundle(tampered);
    expect(check.intact).toBe(false);
    expect(check.problems.join("\n")).toMatch(/^listing\.json: SHA-256 .* differs/m);
  });

  it("names a missing and an added file", async () => {
    const { zip } = await bundle();
    const check = await verifyBundle(rezip(zip, (n, b) => (n === "page.mhtml" ? null : b), true));
    expect(check.problems).toContain("page.mhtml: listed in the manifest but missing");
    expect(check.problems).toContain("extra.exe: not listed in the manifest (added)");
  });

  it("detects a rewritten manifest against the recorded hash, and a hand-edited one by its form", async () => {
    const { zip, sha, manifest } = await bundle();
    const forged = { ...manifest, url: "https://www.ebay.com/itm/2" };
    const rewritten = rezip(zip, (n, b) => (n === "manifest.json" ? utf8(JSON.stringify(forged)) : b));
    const check = await verifyBundle(rewritten, sha);
    expect(check.intact).toBe(false);
    expect(check.problems.join("\n")).toMatch(/not in canonical form/);
    expect(check.problems.join("\n")).toMatch(/differs from the recorded/);
  });

  it("detects a flipped byte inside the archive through the CRC-32 and the hash", async () => {
    const { zip } = await bundle();
    const copy = zip.slice();
    const at = copy.indexOf(137, 30); // first byte of screenshot.png
    copy[at + 3] = 99;
    const check = await verifyBundle(copy);
    expect(check.intact).toBe(false);
    expect(check.problems).toContain(
      "screenshot.png: CRC-32 does not match its bytes (damaged or edited in the archive)",
    );
    expect(check.problems.some((p) => p.startsWith("screenshot.png: SHA-256"))).toBe(true);
    expect(check.problems.filter((p) => p.includes("CRC-32"))).toHaveLength(1);
  });

  it("reports garbage as unreadable rather than throwing", async () => {
    const check = await verifyBundle(utf8("definitely not a zip file.........................."));
    expect(check.intact).toBe(false);
    expect(check.problems[0]).toMatch(/unreadable archive/);
  });
});

describe("verify-case CLI", () => {
  const root = resolve(import.meta.dirname, "../..");
  const tsx = join(root, "node_modules/.bin/tsx");

  function run(file: string): { status: number; out: string } {
    try {
      return { status: 0, out: execFileSync(tsx, ["cli/verify-case.ts", file], { cwd: root, encoding: "utf8" }) };
    } catch (error) {
      const e = error as { status: number; stdout: string };
      return { status: e.status, out: e.stdout };
    }
  }

  it("exits 0 for an intact bundle and 1 for a tampered one, saying what differs", async () => {
    const dir = tempDir();
    const { zip } = await bundle();
    const good = join(dir, "good.zip");
    const bad = join(dir, "bad.zip");
    writeFileSync(good, zip);
    writeFileSync(
      bad,
      rezip(zip, (n, b) => (n === "notices/ebay-vero.txt" ? utf8("edited") : b)),
    );
    const ok = run(good);
    expect(ok.status).toBe(0);
    expect(ok.out).toMatch(/^INTACT/);
    const tampered = run(bad);
    expect(tampered.status).toBe(1);
    expect(tampered.out).toMatch(/^TAMPERED/);
    expect(tampered.out).toMatch(/DIFFERS {2}notices\/ebay-vero\.txt: SHA-256/);
    expect(report(good, await verifyCaseFile(good))).toContain("ok  screenshot.png");
  });

  it("refuses a bundle with one flipped byte in a stored entry, naming the entry whose CRC-32 fails", async () => {
    const dir = tempDir();
    const { zip } = await bundle();
    const copy = zip.slice();
    const name = utf8("listing.json");
    const header = [...copy.keys()].find((i) => name.every((b, j) => copy[i + 30 + j] === b) && copy[i] === 0x50);
    expect(header).toBeDefined();
    const at = (header as number) + 30 + name.length + 5; // the sixth byte of listing.json, past its local header
    copy[at] = (copy[at] as number) ^ 0x20;
    const file = join(dir, "flipped.zip");
    writeFileSync(file, copy);
    const out = run(file);
    expect(out.status).toBe(1);
    expect(out.out).toMatch(/^TAMPERED/);
    expect(out.out).toContain(
      "DIFFERS  listing.json: CRC-32 does not match its bytes (damaged or edited in the archive)",
    );
  });
});
