/**
 * The extension's IndexedDB (through idb). Content scripts run in the page's
 * origin and cannot reach it. Schema changes bump DB_VERSION and add a step
 * to MIGRATIONS, never rewrite an earlier one: a browser may skip versions
 * (v0 → v2, v1 → v2), and every step from its version on runs in order, inside
 * the one upgrade transaction.
 *
 * Rules for callers: open a transaction, issue only IndexedDB requests in it,
 * await `tx.done`. Never await other work (fetch, crypto, compile) while a
 * transaction is open: it auto-commits at the first idle tick and later
 * requests throw TransactionInactiveError.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames, wrap } from "idb";
import type { CaseRecord, EvidenceRecord, OutboxEntry } from "../shared/case.ts";
import { sellerKeys } from "../shared/case-seller.ts";
import { newFollowUp } from "../shared/case-state.ts";
import type { Correction } from "../shared/correction.ts";
import type { RulePack } from "../shared/pack.ts";
import type { Subscription } from "../shared/subscription.ts";

export const DB_NAME = "copycatch";
export const DB_VERSION = 3;

export type PackOrigin = "bundled" | "file" | "subscription";

export interface StoredPack {
  /** The pack's own id (pack.id). */
  id: string;
  pack: RulePack;
  origin: PackOrigin;
  installedAt: string;
  /** The subscription that delivered it; null for bundled and imported packs. */
  subscriptionId: string | null;
}

export interface CompiledEntry {
  /** Pack ids and versions plus the engine's compiled format version. */
  key: string;
  /**
   * The serialised matcher (engine/serialize.ts) as a Blob: Chromium keeps a stored Blob as a file and reads it back
   * as raw bytes, where a stored Uint8Array of a few MB is unwrapped and deserialised at several times the cost.
   * Records of format 11 and before held a Uint8Array in `bytes`; their active record names an older format, so
   * they are compiled again rather than read.
   */
  blob: Blob;
}

export interface CopycatchDB extends DBSchema {
  packs: { key: string; value: StoredPack };
  compiled: { key: string; value: CompiledEntry };
  /** Out-of-line keys; plain, non-secret values ("role", "profile", "webhook", "rules:active", ...). */
  settings: { key: string; value: unknown };
  /** Out-of-line keys; secrets such as the webhook token. Never sent to content scripts. */
  secrets: { key: string; value: string };
  subscriptions: { key: string; value: Subscription };
  cases: {
    key: string;
    value: CaseRecord;
    indexes: {
      createdAt: string;
      brandId: string;
      marketplace: string;
      sellerName: string;
      deliveryState: string;
      state: string;
      sellerKeys: string;
    };
  };
  evidence: { key: [string, string]; value: EvidenceRecord; indexes: { caseId: string } };
  outbox: { key: string; value: OutboxEntry };
  corrections: { key: number; value: Correction };
}

type Db = IDBPDatabase<CopycatchDB>;
type UpgradeTx = IDBPTransaction<CopycatchDB, StoreNames<CopycatchDB>[], "versionchange">;

/**
 * MIGRATIONS[n] brings a database from version n to n + 1. Each step only
 * issues requests on the upgrade transaction (no other awaits).
 */
const MIGRATIONS: ((database: Db, tx: UpgradeTx) => void)[] = [
  // 0 → 1: the walking skeleton.
  (database) => {
    database.createObjectStore("packs", { keyPath: "id" });
    database.createObjectStore("compiled", { keyPath: "key" });
    database.createObjectStore("settings");
  },
  // 1 → 2: subscriptions, secrets, cases and their evidence, the outbox, user corrections.
  (database, tx) => {
    database.createObjectStore("secrets");
    database.createObjectStore("subscriptions", { keyPath: "id" });
    const cases = database.createObjectStore("cases", { keyPath: "id" });
    cases.createIndex("createdAt", "createdAt");
    cases.createIndex("brandId", "brandId");
    cases.createIndex("marketplace", "marketplace");
    cases.createIndex("sellerName", "sellerName");
    cases.createIndex("deliveryState", "delivery.state");
    const evidence = database.createObjectStore("evidence", { keyPath: ["caseId", "name"] });
    evidence.createIndex("caseId", "caseId");
    database.createObjectStore("outbox", { keyPath: "caseId" });
    database.createObjectStore("corrections", { keyPath: "id", autoIncrement: true });
    // v1 packs had no subscriptionId: every v1 pack was bundled or imported.
    void backfillSubscriptionId(tx);
  },
  // 2 → 3: the case workspace: follow-up state and history, repeat-offender keys, trusted time.
  (_database, tx) => {
    const cases = tx.objectStore("cases");
    cases.createIndex("state", "followUp.state");
    cases.createIndex("sellerKeys", "sellerKeys", { multiEntry: true });
    void backfillFollowUp(tx);
  },
];

/** v2 cases had no follow-up: each becomes a draft created at its capture time, with its seller keys. */
async function backfillFollowUp(tx: UpgradeTx): Promise<void> {
  let cursor = await tx.objectStore("cases").openCursor();
  while (cursor) {
    const value = cursor.value as Partial<CaseRecord> &
      Omit<CaseRecord, "followUp" | "sellerKeys" | "timestamp" | "capturedBy">;
    if (value.followUp === undefined) {
      await cursor.update({
        ...value,
        followUp: newFollowUp(value.createdAt),
        sellerKeys: sellerKeys(value.listing),
        timestamp: null,
        capturedBy: null,
      });
    }
    cursor = await cursor.continue();
  }
}

async function backfillSubscriptionId(tx: UpgradeTx): Promise<void> {
  let cursor = await tx.objectStore("packs").openCursor();
  while (cursor) {
    const value = cursor.value as StoredPack & { subscriptionId?: string | null };
    if (value.subscriptionId === undefined) await cursor.update({ ...value, subscriptionId: null });
    cursor = await cursor.continue();
  }
}

export function upgrade(database: Db, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  for (let v = oldVersion; v < newVersion; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No migration from database version ${v}`);
    step(database, tx);
  }
}

export interface OpenOptions {
  /** Defaults to the global indexedDB; tests pass a fake-indexeddb factory. */
  factory?: IDBFactory;
  name?: string;
  version?: number;
  /** This connection stands in the way of a newer version (another extension page or a newer worker). */
  onBlocking?: () => void;
  /** The browser closed the connection (storage cleared, disk error). */
  onTerminated?: () => void;
}

/**
 * Opens the database at `version` (default DB_VERSION), migrating from
 * whatever version is on disk. Exported so tests can point it at a fake
 * factory and at an older version.
 */
export function openCopycatchDB(opts: OpenOptions = {}): Promise<Db> {
  const factory = opts.factory ?? globalThis.indexedDB;
  const version = opts.version ?? DB_VERSION;
  const request = factory.open(opts.name ?? DB_NAME, version);
  request.addEventListener("upgradeneeded", (event) => {
    const tx = request.transaction;
    if (!tx) return;
    upgrade(
      wrap(request.result) as Db,
      event.oldVersion,
      event.newVersion ?? version,
      wrap(tx) as unknown as UpgradeTx,
    );
  });
  request.addEventListener("blocked", (event) => {
    // Older connections (an open options page of the previous version) have not closed yet.
    // They close themselves on "versionchange" (below); this only waits.
    console.warn(`[copycatch] database upgrade to v${version} waits for v${event.oldVersion} connections to close`);
  });
  return (wrap(request) as Promise<Db>).then((database) => {
    database.addEventListener("versionchange", () => {
      // Close at once so a newer version can upgrade; callers reopen lazily.
      database.close();
      opts.onBlocking?.();
    });
    database.addEventListener("close", () => opts.onTerminated?.());
    return database;
  });
}

let opening: Promise<Db> | null = null;

/** The shared connection of this context (worker or page), reopened lazily after it was closed for an upgrade. */
export function db(): Promise<Db> {
  if (!opening) {
    const attempt = openCopycatchDB({
      onBlocking: () => {
        if (opening === attempt) opening = null;
      },
      onTerminated: () => {
        if (opening === attempt) opening = null;
      },
    }).catch((error: unknown) => {
      if (opening === attempt) opening = null;
      throw error;
    });
    opening = attempt;
    requestPersistence();
  }
  return opening;
}

let persistRequested = false;

/**
 * Asks the browser not to evict our data under storage pressure. `persist()`
 * exists in window contexts only (the options page), not in the service
 * worker: where it is missing we skip it.
 */
export function requestPersistence(): void {
  if (persistRequested) return;
  persistRequested = true;
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (typeof storage?.persist !== "function") return;
  storage.persist().catch(() => undefined);
}
