/**
 * Cases, evidence and the outbox in IndexedDB. A case is written in ONE
 * transaction with all its evidence and its outbox row: if the worker stops
 * or any write fails, the transaction aborts and nothing of the case exists.
 * Nothing else is awaited inside the transaction (an await on other work
 * would let IndexedDB auto-commit it half done).
 */
import type { IDBPDatabase } from "idb";
import type { CaseRecord, EvidenceRecord, OutboxEntry } from "../../shared/case.ts";
import type { CopycatchDB } from "../db.ts";

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
  await Promise.all([...writes, tx.done]);
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
