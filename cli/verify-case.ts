/**
 * `npm run -s verify-case -- CASE.zip [--manifest-sha256 HEX]`: re-hash every
 * file of a case bundle against its manifest. Exit 0 intact, 1 tampered (with
 * what differs), 2 usage error. Give the manifest hash recorded when the case
 * was saved (options page, webhook receipt) to also prove the manifest itself
 * was not rewritten. A bundle with manifest.tsr (RFC 3161) has its token
 * checked too: its imprint must be the SHA-256 of manifest.json and its
 * signature must hold (against the certificate it carries, or, with
 * --tsa-cert, up to the authority or CA certificate you trust).
 */
import { readFileSync } from "node:fs";
import { type BundleCheck, verifyBundle } from "../src/shared/case-bundle.ts";
import { errorMessage } from "../src/shared/error-message.ts";
import { isCommand } from "../src/shared/run-as-command.node.ts";
import { pemCertificates, verifyReply } from "../src/shared/timestamp.ts";

export async function verifyCaseFile(path: string, expected?: string, tsaCertPath?: string): Promise<BundleCheck> {
  const trustedTsa = tsaCertPath ? pemCertificates(readFileSync(tsaCertPath, "utf8")) : [];
  if (tsaCertPath && trustedTsa.length === 0) throw new Error(`${tsaCertPath}: no PEM certificate in it`);
  return verifyBundle(new Uint8Array(readFileSync(path)), expected, { trustedTsa, checkTimestamp: verifyReply });
}

export function report(path: string, check: BundleCheck): string {
  const head = check.intact ? `INTACT  ${path}` : `TAMPERED  ${path}`;
  const meta = [
    check.caseId ? `case ${check.caseId}` : null,
    check.manifestSha256 ? `manifest sha256:${check.manifestSha256}` : null,
  ].filter((s) => s !== null);
  const problems = check.problems.map((p) => `DIFFERS  ${p}`);
  return [head, ...meta, ...check.lines, ...check.notes, ...problems].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  const at = args.indexOf("--manifest-sha256");
  const expected = at >= 0 ? args[at + 1] : undefined;
  const certAt = args.indexOf("--tsa-cert");
  const tsaCert = certAt >= 0 ? args[certAt + 1] : undefined;
  const files = args.filter(
    (a, i) => !a.startsWith("--") && (at < 0 || i !== at + 1) && (certAt < 0 || i !== certAt + 1),
  );
  if (files.length === 0 || (at >= 0 && !expected) || (certAt >= 0 && !tsaCert)) {
    console.error("usage: verify-case CASE.zip [--manifest-sha256 HEX] [--tsa-cert AUTHORITY-OR-CA.pem]");
    return 2;
  }
  let status = 0;
  for (const file of files) {
    try {
      const check = await verifyCaseFile(file, expected, tsaCert);
      console.log(report(file, check));
      if (!check.intact) status = 1;
    } catch (error) {
      console.error(`${file}: ${errorMessage(error)}`);
      status = 1;
    }
  }
  return status;
}

if (isCommand(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
