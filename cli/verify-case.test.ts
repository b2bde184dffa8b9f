/** verify-case on time-stamped bundles: the RFC 3161 token from a local `openssl ts` authority is checked too. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleBundle } from "../src/background/report/sample-bundle.node.ts";
import { TIMESTAMP_NAME } from "../src/shared/case.ts";
import { MANIFEST_NAME } from "../src/shared/case-manifest.ts";
import { sha256Hex } from "../src/shared/hash.ts";
import { timestampRequest } from "../src/shared/timestamp.ts";
import { readZip, writeZip } from "../src/shared/zip.ts";
import { makeTsa } from "../test-support/tsa.ts";
import { report, verifyCaseFile } from "./verify-case.ts";

const tsa = makeTsa();
const other = makeTsa();
const dir = mkdtempSync(join(tmpdir(), "verify-ts-"));
afterAll(async () => {
  await tsa.close();
  await other.close();
  rmSync(dir, { recursive: true, force: true });
});

async function stampedBundle(): Promise<{ files: { name: string; bytes: Uint8Array }[]; manifestSha256: string }> {
  const { zip, record } = await sampleBundle();
  const files = readZip(zip).map((f) => ({ name: f.name, bytes: f.bytes }));
  const manifest = files.find((f) => f.name === MANIFEST_NAME)?.bytes ?? new Uint8Array();
  const reply = tsa.reply(timestampRequest(await sha256Hex(manifest), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])));
  return { files: [...files, { name: TIMESTAMP_NAME, bytes: reply }], manifestSha256: record.manifestSha256 };
}

function write(name: string, files: { name: string; bytes: Uint8Array }[]): string {
  const path = join(dir, name);
  writeFileSync(path, writeZip(files));
  return path;
}

function pem(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** One byte of one file changed, inside the files (so the ZIP itself stays well-formed). */
function flip(files: { name: string; bytes: Uint8Array }[], name: string, at: (bytes: Uint8Array) => number) {
  return files.map((f) => {
    if (f.name !== name) return f;
    const bytes = new Uint8Array(f.bytes);
    const i = at(bytes);
    bytes[i] = (bytes[i] as number) ^ 1;
    return { name: f.name, bytes };
  });
}

describe("verify-case with an RFC 3161 token", () => {
  it("says INTACT with the authority's time, with and without the authority's CA pinned", async () => {
    const { files, manifestSha256 } = await stampedBundle();
    const path = write("ok.zip", files);
    const plain = await verifyCaseFile(path, manifestSha256);
    expect(plain.problems).toEqual([]);
    expect(report(path, plain)).toMatch(
      /ok {2}manifest\.tsr {2}RFC 3161 time \d{4}-\d\d-\d\dT[\d:.]+Z by CN=Copycatch Test TSA, O=Loopback: imprint = SHA-256 of manifest\.json, signature holds against the certificate it carries/,
    );
    const pinned = await verifyCaseFile(path, manifestSha256, pem("ca.pem", tsa.caPem));
    expect(pinned.intact).toBe(true);
    expect(pinned.lines.join("\n")).toContain("against the trusted authority certificate");
  });

  it("refuses the bundle after one byte of the token changes", async () => {
    const { files } = await stampedBundle();
    const year = String(new Date().getUTCFullYear());
    const genTime = (b: Uint8Array) => Buffer.from(b).indexOf(Buffer.from(year)) + 3;
    for (const at of [genTime, (b: Uint8Array) => b.length - 1]) {
      const path = write("bad-token.zip", flip(files, TIMESTAMP_NAME, at));
      const check = await verifyCaseFile(path);
      expect(check.intact).toBe(false);
      expect(check.problems.join("\n")).toMatch(/^manifest\.tsr: /m);
      expect(report(path, check)).toMatch(/^TAMPERED/);
    }
  });

  it("refuses the bundle after one byte of the manifest changes, and names the token's imprint", async () => {
    const { files } = await stampedBundle();
    const path = write(
      "bad-manifest.zip",
      flip(files, MANIFEST_NAME, (b) => Buffer.from(b).indexOf("226771798286") + 2),
    );
    const check = await verifyCaseFile(path);
    expect(check.intact).toBe(false);
    expect(check.problems.join("\n")).toMatch(
      /manifest\.tsr: the token stamps [0-9a-f]{64}, not the manifest's SHA-256/,
    );
  });

  it("refuses a genuine token from an authority the user does not trust", async () => {
    const { files } = await stampedBundle();
    const check = await verifyCaseFile(write("ok2.zip", files), undefined, pem("other.pem", other.caPem));
    expect(check.intact).toBe(false);
    expect(check.problems.join("\n")).toMatch(/manifest\.tsr: the signature does not hold/);
  });
});

describe("verify-case with the follow-up history beside the evidence", () => {
  it("stays INTACT, says the history is not covered by the manifest, and still refuses any other added file", async () => {
    const { zip } = await sampleBundle();
    const files = readZip(zip).map((f) => ({ name: f.name, bytes: f.bytes }));
    const history = { name: "case-history.json", bytes: new TextEncoder().encode('{"state":"filed"}') };
    const ok = await verifyCaseFile(write("history.zip", [...files, history]));
    expect(ok.intact).toBe(true);
    expect(ok.notes).toEqual(["--  case-history.json  follow-up recorded after capture, not covered by the manifest"]);
    const added = await verifyCaseFile(
      write("added.zip", [...files, history, { name: "extra.txt", bytes: new Uint8Array(1) }]),
    );
    expect(added.intact).toBe(false);
    expect(added.problems).toEqual(["extra.txt: not listed in the manifest (added)"]);
  });
});
