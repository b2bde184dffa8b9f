/**
 * Cases, evidence and the outbox in IndexedDB. A case is written in ONE
 * transaction with all its evidence and its outbox row: if the worker stops
 * or any write fails, the transaction aborts and nothing of the case exists.
 * Nothing else is awaited inside the transaction (an await on other work
 * would let IndexedDB auto-commit it half done).
 */
import type { IDBPDatabase } from "idb";
import {
  type CaseRecord,
  type CaseSummary,
  type CaseTimestamp,
  type EvidenceRecord,
  type OutboxEntry,
  summarise,
  TIMESTAMP_NAME,
} from "../../shared/case.ts";
import { recordTimestamp } from "../../shared/case-state.ts";
import { SaidError, said } from "../../shared/said.ts";
import type { CopycatchDB } from "../db.ts";

/** The browser refused to store a case: told in the user's language (its English: the key's message). */
export const STORAGE_FULL = said("error_storage_full");

/** The browser refused the write for lack of space (quota or disk). */
export function isStorageFull(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "QuotaExceededError";
}

export async function saveCase(
  database: IDBPDatabase<CopycatchDB>,
  record: CaseRecord,
  evidence: EvidenceRecord[],
  outbox: OutboxEntry | null,
): Promise<void> {
  const tx = database.transaction(["cases", "evidence", "outbox"], "readwrite");
  const writes: Promise<unknown>[] = [tx.objectStore("cases").add(record)];
  for (const file of evidence) writes.push(tx.objectStore("evidence").add(file));
  if (outbox) writes.push(tx.objectStore("outbox").add(outbox));
  // A failed request aborts the transaction; tx.done then rejects and every write is undone.
  try {
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    if (isStorageFull(error) || isStorageFull(tx.error)) throw new SaidError(STORAGE_FULL);
    throw error;
  }
}

/** Newest first. */
export async function listCases(database: IDBPDatabase<CopycatchDB>): Promise<CaseRecord[]> {
  const cases = await database.getAllFromIndex("cases", "createdAt");
  return cases.reverse();
}

export async function getCase(database: IDBPDatabase<CopycatchDB>, id: string): Promise<CaseRecord> {
  const found = await database.get("cases", id);
  if (!found) throw new Error(`No case ${id}`);
  return found;
}

export async function getEvidence(database: IDBPDatabase<CopycatchDB>, caseId: string): Promise<EvidenceRecord[]> {
  return database.getAllFromIndex("evidence", "caseId", caseId);
}

/** What the workspace lists, newest first. */
export async function listSummaries(database: IDBPDatabase<CopycatchDB>): Promise<CaseSummary[]> {
  const out: CaseSummary[] = [];
  let cursor = await database.transaction("cases").store.index("createdAt").openCursor(null, "prev");
  while (cursor) {
    out.push(summarise(cursor.value));
    cursor = await cursor.continue();
  }
  return out;
}

/**
 * One change to a case's follow-up, read and written in ONE transaction:
 * `change` is a pure function of the stored record (no awaits inside), so two
 * changes never overwrite each other and a stopped worker leaves either the
 * old record or the new one.
 */
export async function updateFollowUp(
  database: IDBPDatabase<CopycatchDB>,
  caseId: string,
  change: (record: CaseRecord) => Pick<CaseRecord, "followUp"> & Partial<Pick<CaseRecord, "timestamp">>,
): Promise<CaseRecord> {
  const tx = database.transaction("cases", "readwrite");
  const found = await tx.store.get(caseId);
  if (!found) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`No case ${caseId}`);
  }
  const next: CaseRecord = { ...found, ...change(found) };
  await Promise.all([tx.store.put(next), tx.done]);
  return next;
}

/** Every case sharing at least one seller key with `keys` (direct matches), newest first. */
export async function casesBySellerKeys(
  database: IDBPDatabase<CopycatchDB>,
  keys: readonly string[],
): Promise<CaseRecord[]> {
  const tx = database.transaction("cases");
  const index = tx.store.index("sellerKeys");
  const found = new Map<string, CaseRecord>();
  const lists = await Promise.all(keys.map((k) => index.getAll(k)));
  await tx.done;
  for (const c of lists.flat()) found.set(c.id, c);
  return [...found.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** The time-stamp reply and the case's timestamp fields, in one transaction. */
export async function saveTimestamp(
  database: IDBPDatabase<CopycatchDB>,
  caseId: string,
  reply: Uint8Array,
  stamp: CaseTimestamp,
): Promise<void> {
  const tx = database.transaction(["cases", "evidence"], "readwrite");
  const cases = tx.objectStore("cases");
  const found = await cases.get(caseId);
  if (!found) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`No case ${caseId}`);
  }
  await Promise.all([
    tx.objectStore("evidence").put({ caseId, name: TIMESTAMP_NAME, mime: "application/timestamp-reply", bytes: reply }),
    cases.put({
      ...found,
      timestamp: stamp,
      followUp: recordTimestamp(found.followUp, stamp.genTime, stamp.authority),
    }),
    tx.done,
  ]);
}
