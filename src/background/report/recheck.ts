/**
 * Takedown re-check (agents only, opt-in, off by default). For one case the
 * worker makes ONE request: GET of the case's listing URL, only when that URL
 * is on a marketplace the content script covers; no cookies (credentials
 * "omit"), no referrer, no cache, nothing in the body, redirects followed.
 * It reads at most MAX_BODY bytes, hashes what it read, classifies it
 * (src/shared/case-recheck.ts) and records the observation in the case's
 * history in one transaction. docs/takedown-recheck.md lists these requests.
 */
import browser from "webextension-polyfill";
import { type CaseSummary, summarise } from "../../shared/case.ts";
import { classifyResponse, coveredUrl, decodeBody } from "../../shared/case-recheck.ts";
import { sameTitleKey, sellerKeys } from "../../shared/case-seller.ts";
import { type CheckObservation, recordCheck, recordRelistingSeen } from "../../shared/case-state.ts";
import { sha256Hex } from "../../shared/hash.ts";
import type { Listing } from "../../shared/listing.ts";
import type { RecheckSettings } from "../../shared/messages/cases.ts";
import { failureSaid, SaidError, said } from "../../shared/said.ts";
import { db } from "../db.ts";
import { casesBySellerKeys, getCase, updateFollowUp } from "./case-store.ts";
import { getRole } from "./settings.ts";

export const RECHECK_ALARM = "copycatch-recheck";
export const MAX_BODY = 5 * 1024 * 1024;
const TIMEOUT_MS = 20_000;
/** Between two cases of a scheduled run, so a marketplace never sees a burst. */
const SPACING_MS = 2_000;
export const MIN_INTERVAL_MINUTES = 60;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

const OFF: RecheckSettings = { enabled: false, intervalMinutes: null };

export async function getRecheckSettings(): Promise<RecheckSettings> {
  const raw = (await (await db()).get("settings", "recheck")) as Partial<RecheckSettings> | undefined;
  if (raw?.enabled !== true) return OFF;
  const n = raw.intervalMinutes;
  return { enabled: true, intervalMinutes: typeof n === "number" && Number.isInteger(n) ? n : null };
}

export function validateRecheckSettings(raw: unknown): RecheckSettings {
  if (typeof raw !== "object" || raw === null) throw new TypeError("settings: expected an object");
  const r = raw as Record<string, unknown>;
  if (typeof r.enabled !== "boolean") throw new TypeError("settings.enabled: expected true or false");
  const n = r.intervalMinutes;
  if (
    n !== null &&
    (typeof n !== "number" || !Number.isInteger(n) || n < MIN_INTERVAL_MINUTES || n > MAX_INTERVAL_MINUTES)
  ) {
    throw new TypeError(`settings.intervalMinutes: null or ${MIN_INTERVAL_MINUTES}..${MAX_INTERVAL_MINUTES} minutes`);
  }
  return { enabled: r.enabled, intervalMinutes: r.enabled ? (n as number | null) : null };
}

export async function setRecheckSettings(settings: RecheckSettings): Promise<void> {
  await (await db()).put("settings", settings, "recheck");
  await armRecheck();
}

/** One alarm, periodic, at the agent's interval; none when re-checks are off or on demand only. */
export async function armRecheck(): Promise<void> {
  const s = await getRecheckSettings();
  if (!s.enabled || s.intervalMinutes === null || (await getRole()) !== "agent") {
    await browser.alarms.clear(RECHECK_ALARM);
    return;
  }
  const existing = await browser.alarms.get(RECHECK_ALARM);
  if (existing?.periodInMinutes === s.intervalMinutes) return;
  await browser.alarms.create(RECHECK_ALARM, { delayInMinutes: s.intervalMinutes, periodInMinutes: s.intervalMinutes });
}

function contentScriptPatterns(): string[] {
  return (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []);
}

async function readCapped(response: Response): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    const room = MAX_BODY - total;
    chunks.push(value.length > room ? value.subarray(0, room) : value);
    total += Math.min(value.length, room);
    if (total >= MAX_BODY) {
      await reader.cancel();
      break;
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The one request of a re-check, and what it saw. Never throws: a failed request is "unreachable". */
export async function observe(
  url: string,
  listing: Pick<Listing, "title" | "sku" | "marketplace">,
): Promise<CheckObservation> {
  try {
    const response = await fetch(url, {
      method: "GET",
      credentials: "omit",
      cache: "no-store",
      redirect: "follow",
      referrerPolicy: "no-referrer",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const bytes = await readCapped(response);
    const {
      result,
      detail,
      said: why,
    } = classifyResponse(
      { status: response.status, body: decodeBody(bytes, response.headers.get("content-type")) },
      listing,
    );
    return {
      result,
      status: response.status,
      finalUrl: response.url || url,
      sha256: await sha256Hex(bytes),
      bytes: bytes.length,
      detail: response.redirected ? `${detail} (redirected)` : detail,
      said: why,
      ...(response.redirected ? { redirected: true } : {}),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failed = said("recheck_request_failed", { reason: failureSaid(error) });
    return { result: "unreachable", status: null, finalUrl: url, sha256: null, bytes: 0, detail: reason, said: failed };
  }
}

async function requireOptIn(): Promise<void> {
  if ((await getRole()) !== "agent") throw new SaidError(said("agents_only_recheck"));
  if (!(await getRecheckSettings()).enabled) throw new SaidError(said("recheck_off"));
}

export async function recheckCase(caseId: string): Promise<{ summary: CaseSummary; check: CheckObservation }> {
  await requireOptIn();
  const database = await db();
  const record = await getCase(database, caseId);
  if (record.marketplace === "generic" || !coveredUrl(record.url, contentScriptPatterns())) {
    throw new SaidError(said("recheck_not_covered"));
  }
  const check = await observe(record.url, record.listing);
  const now = new Date();
  const updated = await updateFollowUp(database, caseId, (r) => ({ followUp: recordCheck(r.followUp, check, now) }));
  return { summary: summarise(updated), check };
}

const WATCHED = new Set(["filed", "removed", "relisted"]);

/** The scheduled run: every filed, removed or relisted case on a covered marketplace, one at a time. */
export async function recheckAll(): Promise<number> {
  if ((await getRole()) !== "agent" || !(await getRecheckSettings()).enabled) return 0;
  const database = await db();
  const ids = (await database.getAll("cases"))
    .filter((c) => WATCHED.has(c.followUp.state) && c.marketplace !== "generic")
    .map((c) => c.id);
  let done = 0;
  for (const id of ids) {
    try {
      await recheckCase(id);
      done++;
    } catch (error) {
      console.warn("[copycatch] re-check", id, error);
    }
    await new Promise((r) => setTimeout(r, SPACING_MS));
  }
  return done;
}

/**
 * A listing seen while browsing (the content script's report): a removed case
 * of the same seller with the same title is relisted, at its own URL or at a
 * new one (both are recorded). Agents only; no request is made.
 */
export async function noteBrowsedListing(listing: Listing): Promise<void> {
  if ((await getRole()) !== "agent") return;
  const keys = sellerKeys(listing);
  const title = sameTitleKey(listing.title);
  if (keys.length === 0 || !title) return;
  const database = await db();
  const now = new Date();
  for (const c of await casesBySellerKeys(database, keys)) {
    if (c.followUp.state !== "removed" || sameTitleKey(c.listing.title) !== title) continue;
    await updateFollowUp(database, c.id, (r) => ({
      followUp: recordRelistingSeen(r.followUp, listing.url, now) ?? r.followUp,
    }));
  }
}
