/**
 * Trusted time, asked for from an extension page (the popup right after a
 * case is filed, or the workspace's "Stamp now"): PKI.js is loaded here on
 * demand, never in the service worker. One POST to the authority the agent
 * set, carrying only a DER TimeStampReq (the SHA-256 of the case's
 * manifest.json and a random nonce); the reply is checked (granted, imprint,
 * nonce, signature) before the worker keeps it.
 */
import type { CaseTimestamp } from "../shared/case.ts";
import { MANIFEST_NAME } from "../shared/case-manifest.ts";
import { base64Decode, base64Encode, sha256Hex } from "../shared/hash.ts";
import { t } from "../shared/i18n.ts";
import { send } from "../shared/messages/send.ts";
import { failureSaid, httpSaid, SaidError, said } from "../shared/said.ts";

const TIMEOUT_MS = 20_000;
const MAX_REPLY = 256 * 1024;

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function stampCase(caseId: string, tsaUrl: string): Promise<CaseTimestamp> {
  const { timestampRequest, verifyReply } = await import("../shared/timestamp.ts");
  const manifest = base64Decode((await send({ type: "get-evidence", caseId, name: MANIFEST_NAME })).base64);
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  nonce[0] = ((nonce[0] as number) & 0x7f) | 0x01; // positive, and no leading zero byte to be re-encoded away
  const body = timestampRequest(await sha256Hex(manifest), nonce) as BodyInit;
  const response = await fetch(tsaUrl, {
    method: "POST",
    headers: { "content-type": "application/timestamp-query" },
    body,
    credentials: "omit",
    cache: "no-store",
    referrerPolicy: "no-referrer",
    redirect: "error",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).catch((error: unknown) => {
    throw new SaidError(failureSaid(error));
  });
  if (!response.ok) throw new SaidError(said("stamp_http", { answer: httpSaid(response.status) }));
  const reply = new Uint8Array(await response.arrayBuffer());
  if (reply.length > MAX_REPLY) throw new SaidError(said("stamp_too_large"));
  const check = await verifyReply(reply, manifest, [], hex(nonce));
  if (!check.ok || !check.info) {
    throw new SaidError(said("stamp_refused", { problems: check.problems.join("; ") }));
  }
  const { timestamp } = await send({
    type: "save-timestamp",
    caseId,
    reply: base64Encode(reply),
    genTime: check.info.genTime,
    signer: check.info.signer,
  });
  return timestamp;
}

/** The stored token checked in the page, against the stored manifest: "ok" or what is wrong. */
export async function checkStoredToken(caseId: string): Promise<{ ok: boolean; text: string }> {
  const { verifyReply } = await import("../shared/timestamp.ts");
  const [manifest, token] = await Promise.all(
    [MANIFEST_NAME, "manifest.tsr"].map(async (name) =>
      base64Decode((await send({ type: "get-evidence", caseId, name })).base64),
    ),
  );
  const check = await verifyReply(token ?? new Uint8Array(), manifest ?? new Uint8Array());
  return check.ok && check.info
    ? {
        ok: true,
        text: t("token_ok", { signer: check.info.signer }),
      }
    : { ok: false, text: t("token_bad", { problems: check.problems.join("; ") }) };
}
