/**
 * Trusted time (agents, optional, off by default): where the authority is
 * kept, and how a checked reply is saved. The request to the authority and
 * the check of its reply run in the extension page that asks for the stamp
 * (src/popup/stamp.ts, with PKI.js loaded on demand there), never in the
 * service worker, which must start fast. The worker keeps the reply as
 * manifest.tsr with the case's timestamp fields and a history event, in one
 * transaction; verify-case checks it again from the bundle.
 */
import { type CaseTimestamp, TIMESTAMP_NAME } from "../../shared/case.ts";
import { SaidError, said, saidOf } from "../../shared/said.ts";
import { db } from "../db.ts";
import { saveTimestamp } from "./case-store.ts";
import { checkWebhookUrl, getRole } from "./settings.ts";

export const MAX_REPLY = 256 * 1024;

export async function getTsaUrl(): Promise<string | null> {
  const raw = (await (await db()).get("settings", "tsa")) as { url?: unknown } | undefined;
  return typeof raw?.url === "string" ? raw.url : null;
}

/** HTTPS, or plain HTTP to this machine only (a local authority), as for the webhook. */
export async function setTsaUrl(url: string | null): Promise<void> {
  const database = await db();
  if (url === null) {
    await database.delete("settings", "tsa");
    return;
  }
  let checked: string;
  try {
    checked = checkWebhookUrl(url);
  } catch (error) {
    // The same rules as a webhook's address, told about the authority's.
    const key = saidOf(error)?.key;
    if (key === "webhook_url_not_https") {
      throw new SaidError(said("tsa_url_not_https", { scheme: "https://", hosts: "127.0.0.1, localhost" }));
    }
    throw new SaidError(key === "webhook_url_credentials" ? said("tsa_url_credentials") : said("tsa_url_invalid"));
  }
  await database.put("settings", { url: checked }, "tsa");
}

/** Keep a reply the page has checked (DER, at most MAX_REPLY bytes) for the authority that is set now. */
export async function keepTimestamp(
  caseId: string,
  reply: Uint8Array,
  genTime: string,
  signer: string,
): Promise<CaseTimestamp> {
  if ((await getRole()) !== "agent") throw new SaidError(said("agents_only_trusted_time"));
  const authority = await getTsaUrl();
  if (!authority) throw new SaidError(said("tsa_not_set"));
  if (reply.length === 0 || reply.length > MAX_REPLY || reply[0] !== 0x30) {
    throw new SaidError(said("tsa_reply_not_der", { file: TIMESTAMP_NAME }));
  }
  const stamp: CaseTimestamp = { genTime, authority, signer };
  await saveTimestamp(await db(), caseId, reply, stamp);
  return stamp;
}
