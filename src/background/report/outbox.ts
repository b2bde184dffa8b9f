/**
 * Sending queued cases. A row is leased in a transaction (attempts + 1,
 * leaseUntil in the future) before its request starts, so two workers, or an
 * alarm and a fresh report in the same worker, never send one case at once.
 * Results are written back in a transaction together with the case's
 * delivery state. One chrome.alarms alarm wakes the worker for the next due
 * row and repeats every lease until a finished run re-arms it, so a stop at
 * any point (even between an alarm's firing and its re-arming) loses nothing.
 */
import browser from "webextension-polyfill";
import type { Delivery, OutboxEntry } from "../../shared/case.ts";
import { afterFailure, afterSuccess, newEntry, outboxAlarm, takeLease } from "../../shared/outbox-policy.ts";
import { failureSaid, type Said, SaidError, said } from "../../shared/said.ts";
import { db } from "../db.ts";
import { getCase, getEvidence } from "./case-store.ts";
import { getWebhook } from "./settings.ts";
import { RETRY_POLICY, testPause, webhookTimeoutMs } from "./test-build.ts";
import { payload, post } from "./webhook.ts";

export const OUTBOX_ALARM = "copycatch-outbox";

/** Take the lease on one due row and mark its case "sending"; null when nothing is due. */
async function leaseNext(now: number): Promise<OutboxEntry | null> {
  const database = await db();
  const tx = database.transaction(["outbox", "cases"], "readwrite");
  const outbox = tx.objectStore("outbox");
  const cases = tx.objectStore("cases");
  let leased: OutboxEntry | null = null;
  for (const entry of await outbox.getAll()) {
    leased = takeLease(entry, now, RETRY_POLICY);
    if (leased) break;
  }
  if (leased) {
    await outbox.put(leased);
    const record = await cases.get(leased.caseId);
    if (record) {
      const sending: Delivery = { ...record.delivery, state: "sending", attempts: leased.attempts };
      await cases.put({ ...record, delivery: sending });
    }
  }
  await tx.done;
  return leased;
}

async function settle(leased: OutboxEntry, error: Said | null): Promise<void> {
  const database = await db();
  const tx = database.transaction(["outbox", "cases"], "readwrite");
  const outbox = tx.objectStore("outbox");
  const cases = tx.objectStore("cases");
  const record = await cases.get(leased.caseId);
  const now = Date.now();
  if (!record) {
    await outbox.delete(leased.caseId); // the case was deleted meanwhile
  } else if (error === null) {
    await outbox.delete(leased.caseId);
    await cases.put({ ...record, delivery: afterSuccess(leased, record.delivery, now) });
  } else {
    const next = afterFailure(leased, record.delivery, error, now, RETRY_POLICY, Math.random);
    if (next.entry) await outbox.put(next.entry);
    else await outbox.delete(leased.caseId);
    await cases.put({ ...record, delivery: next.delivery });
  }
  await tx.done;
}

async function sendOne(leased: OutboxEntry): Promise<void> {
  const config = await getWebhook();
  let error: Said | null = null;
  try {
    if (!config) throw new SaidError(said("webhook_not_set"));
    const database = await db();
    const record = await getCase(database, leased.caseId);
    const body = await payload(record, await getEvidence(database, leased.caseId));
    await post(config, leased.caseId, body, await webhookTimeoutMs());
  } catch (e) {
    error = failureSaid(e);
  }
  await settle(leased, error);
}

let draining: Promise<void> | null = null;

/** Send every due case, then arm the alarm for the next one. Concurrent calls share one run. */
export function drainOutbox(): Promise<void> {
  draining ??= (async () => {
    try {
      for (let leased = await leaseNext(Date.now()); leased; leased = await leaseNext(Date.now())) {
        await testPause("outbox-leased");
        // Armed at the lease's expiry first: if the worker stops mid-send, the alarm wakes it to retry.
        await armAlarm();
        await sendOne(leased);
      }
    } finally {
      draining = null;
      await armAlarm();
    }
  })();
  return draining;
}

/** One alarm at the earliest due row, repeating every lease until replaced; none when the outbox is empty. */
export async function armAlarm(): Promise<void> {
  const alarm = outboxAlarm(await (await db()).getAll("outbox"), Date.now(), RETRY_POLICY);
  if (alarm === null) await browser.alarms.clear(OUTBOX_ALARM);
  else await browser.alarms.create(OUTBOX_ALARM, alarm);
}

/** Put a saved case (local or failed) back in the outbox, in one transaction with its delivery state. */
export async function requeue(caseId: string): Promise<void> {
  const database = await db();
  const tx = database.transaction(["outbox", "cases"], "readwrite");
  const record = await tx.objectStore("cases").get(caseId);
  if (!record) throw new Error(`No case ${caseId}`);
  if (record.delivery.state === "delivered") throw new SaidError(said("case_delivered_already"));
  const existing = await tx.objectStore("outbox").get(caseId);
  if (!existing) await tx.objectStore("outbox").put(newEntry(caseId, Date.now()));
  const { lastErrorSaid: _, ...delivery } = record.delivery;
  await tx.objectStore("cases").put({ ...record, delivery: { ...delivery, state: "queued", lastError: null } });
  await tx.done;
}
