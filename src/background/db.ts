/**
 * The extension's IndexedDB (through idb). Content scripts run in the page's
 * origin and cannot reach it. Schema changes bump DB_VERSION and add a step
 * to `upgrade`, never rewrite an earlier one.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { RulePack } from "../shared/pack.ts";

export const DB_NAME = "copycatch";
export const DB_VERSION = 1;

export type PackOrigin = "bundled" | "file" | "subscription";

export interface StoredPack {
  id: string;
  pack: RulePack;
  origin: PackOrigin;
  installedAt: string;
}

export interface CompiledEntry {
  /** Pack ids and versions plus the engine's compiled format version. */
  key: string;
  bytes: Uint8Array;
}

export interface CopycatchDB extends DBSchema {
  packs: { key: string; value: StoredPack };
  compiled: { key: string; value: CompiledEntry };
  settings: { key: string; value: unknown };
}

let opening: Promise<IDBPDatabase<CopycatchDB>> | null = null;

export function db(): Promise<IDBPDatabase<CopycatchDB>> {
  opening ??= openDB<CopycatchDB>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore("packs", { keyPath: "id" });
        database.createObjectStore("compiled", { keyPath: "key" });
        database.createObjectStore("settings");
      }
    },
    blocking() {
      // A newer version of the extension wants to upgrade: let it.
      void opening?.then((d) => d.close());
      opening = null;
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}
