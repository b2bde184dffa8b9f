/**
 * The webhook request. POST, JSON body:
 *
 *   {
 *     "format": "copycatch.case/1",
 *     "case": CaseRecord,                 // listing, verdict, packs, artefact refs, delivery, ...
 *     "manifestSha256": "…",              // SHA-256 of manifest.json's bytes
 *     "artefacts": [{ "name", "mime", "size", "sha256", "base64" }]   // every evidence file, manifest.json included
 *   }
 *
 * Headers: `Idempotency-Key: <case id>` (the same on every retry: a server
 * that stores keys processes a case once), `Authorization: Bearer <token>`
 * when a token is set. Any 2xx is delivered; anything else is retried.
 *
 * Redirects are never followed: a permitted endpoint answering 3xx towards a
 * host the settings would refuse must not receive the case, its evidence and
 * the token. The browser hides the target of a manual redirect (an opaque
 * response), so it cannot be re-checked: a redirect is an error that asks the
 * user to configure the final URL.
 */
import type { CaseRecord, EvidenceRecord } from "../../shared/case.ts";
import { base64Encode, sha256Hex } from "../../shared/hash.ts";
import { failureSaid, httpSaid, SaidError, said } from "../../shared/said.ts";
import type { WebhookConfig } from "./settings.ts";

export const PAYLOAD_FORMAT = "copycatch.case/1";

export async function payload(record: CaseRecord, evidence: EvidenceRecord[]): Promise<string> {
  const artefacts = await Promise.all(
    evidence.map(async (e) => ({
      name: e.name,
      mime: e.mime,
      size: e.bytes.length,
      sha256: await sha256Hex(e.bytes),
      base64: base64Encode(e.bytes),
    })),
  );
  return JSON.stringify({ format: PAYLOAD_FORMAT, case: record, manifestSha256: record.manifestSha256, artefacts });
}

/**
 * Resolves on 2xx; otherwise throws a SaidError telling why: the HTTP status's
 * class, a redirect, no answer in time, or the browser's own words for a
 * failed request, worded by their kind.
 */
export async function post(config: WebhookConfig, caseId: string, body: string, timeoutMs: number): Promise<void> {
  const headers: Record<string, string> = { "Content-Type": "application/json", "Idempotency-Key": caseId };
  if (config.token) headers.Authorization = `Bearer ${config.token}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(config.url, {
      method: "POST",
      headers,
      body,
      signal: abort.signal,
      credentials: "omit",
      redirect: "manual",
    });
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      throw new SaidError(said("failure_redirect"));
    }
    if (!response.ok) throw new SaidError(httpSaid(response.status));
  } catch (error) {
    if (abort.signal.aborted) {
      throw new SaidError(said("failure_timeout_after", { seconds: Math.round(timeoutMs / 1000) }));
    }
    throw new SaidError(failureSaid(error));
  } finally {
    clearTimeout(timer);
  }
}
