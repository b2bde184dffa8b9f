/** "This verdict is wrong": corrections kept in IndexedDB, exported for pack authors from the options page. */
import type { Correction } from "../../shared/correction.ts";
import { isUserSays } from "../../shared/correction.ts";
import type { Risk } from "../../shared/verdict.ts";
import { db } from "../db.ts";

const RISKS: Risk[] = ["high", "medium", "low", "unknown"];

function str(raw: unknown, max: number): string | null {
  return typeof raw === "string" ? raw.slice(0, max) : null;
}

export function validateCorrection(raw: unknown): Omit<Correction, "id" | "at"> {
  if (typeof raw !== "object" || raw === null) throw new TypeError("correction: expected an object");
  const r = raw as Record<string, unknown>;
  const url = str(r.url, 4000);
  if (!url || !/^https?:\/\//.test(url)) throw new TypeError("correction.url: expected an http(s) URL");
  if (!RISKS.includes(r.risk as Risk)) throw new TypeError("correction.risk: unknown risk");
  if (typeof r.score !== "number" || !Number.isFinite(r.score))
    throw new TypeError("correction.score: expected a number");
  if (!isUserSays(r.userSays)) throw new TypeError("correction.userSays: unknown answer");
  return {
    url,
    risk: r.risk as Risk,
    score: r.score,
    brandId: str(r.brandId, 200),
    userSays: r.userSays,
    note: str(r.note, 2000) || null,
    title: str(r.title, 500),
  };
}

export async function recordCorrection(correction: Omit<Correction, "id" | "at">): Promise<number> {
  const key = await (await db()).add("corrections", { ...correction, at: new Date().toISOString() });
  return Number(key);
}

export async function listCorrections(): Promise<Correction[]> {
  const all = (await (await db()).getAll("corrections")) as Correction[];
  return all.reverse();
}
