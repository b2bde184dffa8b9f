/** "This verdict is wrong": corrections kept in IndexedDB, exported for pack authors from the options page. */
import type { Correction } from "../../shared/correction.ts";
import { db } from "../db.ts";

export async function recordCorrection(correction: Omit<Correction, "id" | "at">): Promise<number> {
  const key = await (await db()).add("corrections", { ...correction, at: new Date().toISOString() });
  return Number(key);
}

export async function listCorrections(): Promise<Correction[]> {
  const all = await (await db()).getAll("corrections");
  return all.reverse();
}
