/**
 * Stored pack records are re-validated whenever the rules are compiled: a
 * record written by an older version, damaged on disk or by a worker killed
 * mid-write must not take every verdict down with it. Each record is rebuilt
 * through `validatePack`; one that cannot be is quarantined (kept in the
 * store and listed, but not compiled), and rules dropped from a record that
 * still validates are listed as missing. The rest of the packs keep scoring.
 */
import type { DamagedPack } from "../../shared/messages/packs.ts";
import { PackError, type ValidatedPack, validateSteps } from "../../shared/pack-validate.ts";
import { english, type Said, said } from "../../shared/said.ts";
import { driveSteps, runSteps, Slicer, type Steps } from "../../shared/slices.ts";
import type { PackOrigin, StoredPack } from "../db.ts";

const ORIGINS: readonly PackOrigin[] = ["bundled", "file", "subscription"];
/** Missing rules listed per pack; beyond this they are counted. */
const MAX_LISTED = 20;

export interface CheckedPacks {
  usable: StoredPack[];
  damaged: DamagedPack[];
}

function field(o: unknown, key: string): unknown {
  return typeof o === "object" && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

function idOf(raw: unknown): string {
  const id = field(raw, "id");
  return typeof id === "string" ? id.slice(0, 200) : String(id).slice(0, 200);
}

function nameOf(raw: unknown): string | null {
  const name = field(field(raw, "pack"), "name");
  return typeof name === "string" ? name.slice(0, 200) : null;
}

function originOf(raw: unknown): PackOrigin {
  const origin = field(raw, "origin");
  return ORIGINS.includes(origin as PackOrigin) ? (origin as PackOrigin) : "file";
}

/** One record: a clean StoredPack (with the rules that survived), or the reason it is unusable. */
export function checkStoredPack(raw: unknown): CheckedRecord {
  return runSteps(checkStoredPackSteps(raw, new Slicer()));
}

/** What is damaged, as keys and params (the English is each one's English message). */
type CheckedRecord = { stored: StoredPack; missing: Said[] } | { reason: Said };

/** Why a record that no longer validates is left out: the validator's own detail, worded inside ours. */
function invalidSaid(error: PackError): Said {
  if (error.told) return said("stored_pack_invalid", { detail: error.told });
  return error.path === ""
    ? said("stored_pack_invalid", { detail: error.detailSaid })
    : said("stored_pack_invalid_at", { path: error.path, detail: error.detailSaid });
}

/** The same check in slices (the pack's validation, an entry per unit of work). */
function* checkStoredPackSteps(raw: unknown, work: Slicer): Steps<CheckedRecord> {
  if (typeof raw !== "object" || raw === null) return { reason: said("stored_pack_not_object") };
  const id = field(raw, "id");
  if (typeof id !== "string") return { reason: said("stored_pack_no_id") };
  const origin = field(raw, "origin");
  if (!ORIGINS.includes(origin as PackOrigin)) return { reason: said("stored_pack_no_origin") };
  let checked: ValidatedPack;
  try {
    checked = yield* validateSteps(field(raw, "pack"), {}, work);
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    return { reason: invalidSaid(error) };
  }
  if (checked.pack.id !== id) return { reason: said("stored_pack_other_pack", { id, other: checked.pack.id }) };
  const installedAt = field(raw, "installedAt");
  const subscriptionId = field(raw, "subscriptionId");
  return {
    stored: {
      id,
      pack: checked.pack,
      origin: origin as PackOrigin,
      installedAt: typeof installedAt === "string" ? installedAt : "",
      subscriptionId: typeof subscriptionId === "string" ? subscriptionId : null,
    },
    // A pack is stored as validated, so a healthy record re-validates without warnings: any now is damage.
    missing: checked.warningsSaid,
  };
}

/** Splits stored records into those to compile and those to report; `pause` is awaited between slices. */
export async function checkStoredPacks(records: readonly unknown[], pause: () => Promise<void>): Promise<CheckedPacks> {
  const usable: StoredPack[] = [];
  const damaged: DamagedPack[] = [];
  for (const raw of records) {
    await pause();
    const result = await driveSteps(checkStoredPackSteps(raw, new Slicer()), pause);
    const base = { id: idOf(raw), name: nameOf(raw), origin: originOf(raw) };
    if ("reason" in result) {
      damaged.push({ ...base, reason: english(result.reason), missing: [], reasonSaid: result.reason });
      continue;
    }
    usable.push(result.stored);
    if (result.missing.length > 0) {
      const listed = result.missing.slice(0, MAX_LISTED);
      const more = result.missing.length - listed.length;
      const missingSaid = more > 0 ? [...listed, said("stored_pack_more", { count: more })] : listed;
      damaged.push({ ...base, reason: null, missing: missingSaid.map(english), missingSaid });
    }
  }
  return { usable, damaged };
}
