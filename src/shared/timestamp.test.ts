/** RFC 3161 against a local authority made with `openssl ts` (no network). */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type LocalTsa, makeTsa } from "../../test-support/tsa.ts";
import { sha256Hex, utf8 } from "./hash.ts";
import { pemCertificates, readReply, timestampRequest, verifyReply } from "./timestamp.ts";

const tsa: LocalTsa = makeTsa();
afterAll(() => tsa.close());

const MANIFEST = utf8('{"caseId":"6f1c7a3e-0000-4000-8000-000000000001","format":"copycatch.case-manifest/1"}');
const NONCE = new Uint8Array([0x91, 2, 3, 4, 5, 6, 7, 8]);

async function stamped(): Promise<Uint8Array> {
  return tsa.reply(timestampRequest(await sha256Hex(MANIFEST), NONCE));
}

describe("RFC 3161 time stamps", () => {
  it("builds a request openssl reads as a SHA-256 imprint with a nonce and certReq", async () => {
    const query = timestampRequest(await sha256Hex(MANIFEST), NONCE);
    const path = join(tsa.dir, "check.tsq");
    writeFileSync(path, query);
    const text = execFileSync("openssl", ["ts", "-query", "-in", path, "-text"]).toString();
    expect(text).toMatch(/Hash Algorithm: sha256/);
    expect(text.replace(/[\s:-]/g, "").toLowerCase()).toContain((await sha256Hex(MANIFEST)).slice(0, 32));
    expect(text).toMatch(/Nonce: 0x1102030405060708/i);
    expect(text).toMatch(/Certificate required: yes/);
  });

  it("accepts the authority's reply for the exact manifest bytes, against its CA", async () => {
    const reply = await stamped();
    const check = await verifyReply(reply, MANIFEST, pemCertificates(tsa.caPem), "1102030405060708");
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.info?.signer).toBe("CN=Copycatch Test TSA, O=Loopback");
    expect(Math.abs(Date.parse(check.info?.genTime ?? "") - Date.now())).toBeLessThan(5 * 60_000);
    expect(readReply(reply).imprint).toBe(await sha256Hex(MANIFEST));
    // openssl agrees.
    writeFileSync(join(tsa.dir, "m.json"), MANIFEST);
    writeFileSync(join(tsa.dir, "m.tsr"), reply);
    const ok = execFileSync("openssl", ["ts", "-verify", "-in", "m.tsr", "-data", "m.json", "-CAfile", "ca.pem"], {
      cwd: tsa.dir,
    }).toString();
    expect(ok).toMatch(/Verification: OK/);
  });

  it("refuses the reply for a manifest that changed by one byte", async () => {
    const reply = await stamped();
    const changed = new Uint8Array(MANIFEST);
    changed[10] = (changed[10] as number) ^ 1;
    const check = await verifyReply(reply, changed, pemCertificates(tsa.caPem));
    expect(check.ok).toBe(false);
    expect(check.problems.join("\n")).toMatch(/not the manifest's SHA-256/);
  });

  it("refuses a reply with any one byte of its signed content or signature changed", async () => {
    const reply = await stamped();
    // A byte inside the TSTInfo's genTime (the signed content), and the last byte (the signature).
    const at = Buffer.from(reply).indexOf(Buffer.from(`${new Date().getUTCFullYear()}`));
    expect(at).toBeGreaterThan(0);
    for (const i of [at + 3, reply.length - 1]) {
      const bad = new Uint8Array(reply);
      bad[i] = (bad[i] as number) ^ 1;
      const check = await verifyReply(bad, MANIFEST);
      expect(check.ok, `byte ${i}`).toBe(false);
    }
  });

  it("refuses a genuine reply when the user trusts another authority", async () => {
    const other = makeTsa();
    try {
      const check = await verifyReply(await stamped(), MANIFEST, pemCertificates(other.caPem));
      expect(check.ok).toBe(false);
      expect(check.problems.join("\n")).toMatch(/signature does not hold/);
    } finally {
      await other.close();
    }
  });

  it("says what is wrong with junk", async () => {
    expect(await verifyReply(utf8("not der"), MANIFEST)).toMatchObject({ ok: false, info: null });
  });
});
