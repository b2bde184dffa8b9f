/**
 * Trusted time (agents, optional, off by default): the SHA-256 of a case's
 * manifest.json is stamped by the RFC 3161 authority the agent configured.
 * The request carries only that digest and a random nonce (POST,
 * application/timestamp-query, no cookies). The reply is checked (granted,
 * imprint, nonce, signature) before it is kept, then saved as manifest.tsr
 * with the case's timestamp fields in one transaction. A failure leaves the
 * case as it was; "Stamp now" in the workspace tries again.
 */
import type { CaseTimestamp } from "../../shared/case.ts";
import { MANIFEST_NAME } from "../../shared/case-manifest.ts";
import { sha256Hex } from "../../shared/hash.ts";
import { timestampRequest, verifyReply } from "../../shared/timestamp.ts";
import { db } from "../db.ts";
import { getEvidence, saveTimestamp } from "./case-store.ts";
import { checkWebhookUrl, getRole } from "./settings.ts";

const MAX_REPLY = 256 * 1024;
const TIMEOUT_MS = 20_000;

export async function getTsaUrl(): Promise<string | null> {
  const raw = (await (await db()).get("settings", "tsa")) as { url?: unknown } | undefined;
  return typeof raw?.url === "string" ? raw.url : null;
}

/** HTTPS, or plain HTTP to this machine only (a local authority), as for the webhook. */
export async function setTsaUrl(url: string | null): Promise<void> {
  const database = await db();
  if (url === null) await database.delete("settings", "tsa");
  else {
    let checked: string;
    try {
      checked = checkWebhookUrl(url);
    } catch (error) {
      throw new Error((error instanceof Error ? error.message : String(error)).replace("Webhook URL", "Authority URL"));
    }
    await database.put("settings", { url: checked }, "tsa");
  }
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function stampCase(caseId: string): Promise<CaseTimestamp> {
  if ((await getRole()) !== "agent") throw new Error("Trusted time is for agents: switch agent mode on first.");
  const url = await getTsaUrl();
  if (!url) throw new Error("No time-stamping authority is set.");
  const database = await db();
  const manifest = (await getEvidence(database, caseId)).find((f) => f.name === MANIFEST_NAME);
  if (!manifest) throw new Error(`Case ${caseId} has no manifest`);
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  nonce[0] = ((nonce[0] as number) & 0x7f) | 0x01; // positive, and no leading zero byte to be re-encoded away
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/timestamp-query" },
    body: timestampRequest(await sha256Hex(manifest.bytes), nonce) as BodyInit,
    credentials: "omit",
    cache: "no-store",
    referrerPolicy: "no-referrer",
    redirect: "error",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`The authority answered HTTP ${response.status}`);
  const reply = new Uint8Array(await response.arrayBuffer());
  if (reply.length > MAX_REPLY) throw new Error("The authority's reply is too large");
  const check = await verifyReply(reply, manifest.bytes, [], hex(nonce));
  if (!check.ok || !check.info) throw new Error(`The authority's reply was refused: ${check.problems.join("; ")}`);
  const stamp: CaseTimestamp = { genTime: check.info.genTime, authority: url, signer: check.info.signer };
  await saveTimestamp(database, caseId, reply, stamp);
  return stamp;
}

/** After a case is saved: stamp it when an authority is set (errors are logged; the case stays complete without). */
export async function stampIfConfigured(caseId: string): Promise<void> {
  if (!(await getTsaUrl())) return;
  try {
    await stampCase(caseId);
  } catch (error) {
    console.warn("[copycatch] trusted time", caseId, error);
  }
}
