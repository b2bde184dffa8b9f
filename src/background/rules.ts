/**
 * The active rules. Packs live in IndexedDB; the merged matcher is compiled
 * once and cached in IndexedDB (`compiled`, its bytes as a Blob: read back
 * several times faster than a stored Uint8Array) under a key made of the engine's
 * compiled format version and the ids and versions of the active packs, in
 * precedence order. A small record in `settings` ("rules:active") names that
 * key, so a waking service worker reads two records (in one transaction) and
 * deserialises: it never loads or recompiles the packs themselves on the
 * verdict path.
 *
 * Every change of the pack set goes through `commitPacks`: validate (done by
 * the caller), compile, and store pack, compiled form, active record and the
 * subscription's status in one transaction. If compiling or writing fails,
 * nothing changes and the previous rules stay active.
 *
 * The packs already stored are re-validated on every compile (packs/stored.ts):
 * a damaged record is quarantined (kept, listed in `damaged`, not compiled)
 * and the other packs still score.
 *
 * Every phase is sliced (shared/slices.ts): the stored packs' re-validation,
 * the compile (`compileAsync`) and the serialisation, as are parsing and
 * validating a new pack in its callers. Between slices the worker returns to
 * its event loop, so listing messages are answered meanwhile, from the
 * previous rules, which stay in `cached` until the new ones are stored. Only
 * IndexedDB's own copies of the records (reading the stored packs, writing
 * the pack and its compiled form) run in one call each.
 */
import browser from "webextension-polyfill";
import { compileAsync, serializeSteps } from "../engine/compiler.ts";
import { COMPILED_FORMAT_VERSION, type CompiledMatcher, deserialize } from "../engine/index.ts";
import type { DamagedPack, RulesLoad } from "../shared/messages/packs.ts";
import { checkPackSize, isExpired, validatePack } from "../shared/pack-validate.ts";
import { slicePause } from "../shared/slice-pause.ts";
import { driveSteps, Slicer } from "../shared/slices.ts";
import type { Subscription } from "../shared/subscription.ts";
import { type CompiledEntry, db, type StoredPack } from "./db.ts";
import { withPackLock } from "./packs/lock.ts";
import { orderForCompile } from "./packs/precedence.ts";
import { checkStoredPack, checkStoredPacks } from "./packs/stored.ts";

export const BUNDLED_PACK_PATH = "packs/default.json";
export const ACTIVE_SETTING = "rules:active";

/** What the verdict path needs to know about each active pack, without loading the pack. */
export interface ActivePack {
  id: string;
  name: string;
  version: number;
  publisher: string;
  expires: string | null;
}

interface ActiveSet {
  key: string;
  format: number;
  packs: ActivePack[];
  /** Absent in records written before quarantine existed. */
  damaged?: DamagedPack[];
}

export interface Rules {
  matcher: CompiledMatcher;
  /** Active packs in precedence order (the case record keeps their ids and versions). */
  packs: ActivePack[];
  /** Stored packs (or rules of them) left out because their record is damaged. */
  damaged: DamagedPack[];
}

/** Rebuilt on wake; never the only copy of anything. */
let cached: (Rules & { key: string }) | null = null;
let lastLoad: RulesLoad | null = null;

export function lastRulesLoad(): RulesLoad | null {
  return lastLoad;
}

function cacheKey(packs: ActivePack[]): string {
  return `f${COMPILED_FORMAT_VERSION}:${packs.map((p) => `${p.id}@${p.version}`).join(",")}`;
}

function anyExpired(packs: ActivePack[], now: Date): boolean {
  return packs.some((p) => isExpired(p, now));
}

function isActiveSet(v: unknown): v is ActiveSet {
  const o = v as Partial<ActiveSet> | null;
  return typeof o === "object" && o !== null && typeof o.key === "string" && Array.isArray(o.packs);
}

/** The matcher for verdicts: memory, else the compiled cache, else compile now. */
export function getRules(trigger: RulesLoad["trigger"] = "request"): Promise<Rules> {
  if (cached && !anyExpired(cached.packs, new Date())) return Promise.resolve(cached);
  // Messages arriving together at a cold worker share one load.
  loading ??= loadRules(trigger).finally(() => {
    loading = null;
  });
  return loading;
}

/**
 * Starts loading the rules when a page starts loading in a tab (any page when the event carries no URL, else one
 * the content script runs on: see the worker's tabs.onUpdated listener), so that a cold worker reads them while
 * the page loads rather than after the listing arrives. Errors are left to the listing's own request, which
 * reports them.
 */
export function warmRules(): void {
  getRules("page-loading").catch((error: unknown) => console.warn("[copycatch] warming the rules", error));
}

let firstListingWait: number | null = null;

/** The rules for scoring a listing; the first listing's wait in this worker is kept for the cold-start measurement. */
export async function rulesForListing(): Promise<Rules> {
  const t0 = performance.now();
  const rules = await getRules();
  firstListingWait ??= performance.now() - t0;
  return rules;
}

export function firstListingWaitMs(): number | null {
  return firstListingWait;
}

let loading: Promise<Rules> | null = null;

async function loadRules(trigger: RulesLoad["trigger"]): Promise<Rules> {
  const now = new Date();
  const t0 = performance.now();
  // An install under way (the install handler, at a first start) compiles the rules itself: wait for it rather
  // than compile the stored packs a second time beside it.
  if (installing) {
    await installing.catch(() => undefined);
    if (cached && !anyExpired(cached.packs, now)) return compiledNow(cached, t0, trigger, now);
  }
  const database = await db();
  // One round trip: the active record and the compiled form together (commitPacks keeps one compiled
  // record; a stray older one is passed over and the active key read by itself).
  const tx = database.transaction(["settings", "compiled"]);
  const [active, compiled] = await Promise.all([
    tx.objectStore("settings").get(ACTIVE_SETTING),
    tx.objectStore("compiled").getAll(undefined, 1),
  ]);
  if (isActiveSet(active) && active.format === COMPILED_FORMAT_VERSION && !anyExpired(active.packs, now)) {
    const first = compiled[0];
    const entry = first?.key === active.key ? first : await database.get("compiled", active.key);
    if (entry) {
      try {
        const bytes = await compiledBytes(entry);
        const readMs = performance.now() - t0;
        const matcher = deserialize(bytes);
        const damaged = Array.isArray(active.damaged) ? active.damaged : [];
        cached = { key: active.key, matcher, packs: active.packs, damaged };
        lastLoad = {
          ms: performance.now() - t0,
          readMs,
          sinceWorkerStartMs: performance.now(),
          from: "compiled-cache",
          trigger,
          at: now.toISOString(),
        };
        return cached;
      } catch (error) {
        console.warn("[copycatch] compiled rules unreadable, recompiling", error);
      }
    }
  }
  // No usable compiled form: a new engine format, an expired pack, a first start. A first start, or an install
  // under way (it compiles when it stores a pack), installs; when that stored nothing new, the stored packs compile.
  const before = cached;
  if (installing || (await database.count("packs")) === 0) await installBundledPack();
  if (cached === before) {
    const rules = await commitPacks({});
    // Our own pack needs no quarantine: the extension carries a good copy.
    if (rules.damaged.some((d) => d.origin === "bundled")) await installBundledPack();
  }
  if (!cached) throw new Error("No rules could be loaded");
  return compiledNow(cached, t0, trigger, now);
}

/** Records a load whose rules were compiled now (by this load or an install it waited for), and returns them. */
function compiledNow(rules: Rules & { key: string }, t0: number, trigger: RulesLoad["trigger"], now: Date) {
  const ms = performance.now() - t0;
  lastLoad = {
    ms,
    readMs: ms,
    sinceWorkerStartMs: performance.now(),
    from: "compiled-now",
    trigger,
    at: now.toISOString(),
  };
  return rules;
}

/**
 * The serialised matcher of a compiled record: its Blob read back as bytes (the read is part of the IndexedDB time).
 * Anything else (a record of an older shape, a damaged one) is an error starting "compiled matcher:", like the ones
 * deserialize throws, so the caller compiles the stored packs again.
 */
async function compiledBytes(entry: unknown): Promise<Uint8Array> {
  const blob = (entry as Partial<CompiledEntry> | null)?.blob;
  if (!(blob instanceof Blob)) throw new Error("compiled matcher: the stored record holds no Blob (an older format)");
  return new Uint8Array(await blob.arrayBuffer());
}

export interface PackChange {
  /** Install or replace this pack (by pack id). */
  put?: StoredPack;
  /** Remove these packs (by pack id). */
  remove?: string[];
  /**
   * Change one subscription in the same transaction. Returning null deletes
   * it. If the subscription is missing the whole change is refused (it was
   * removed while its update ran).
   */
  subscription?: { id: string; patch: (current: Subscription) => Subscription | null };
}

/** Validated packs in, compiled and stored in one step; on any failure nothing changes. */
export function commitPacks(change: PackChange): Promise<Rules> {
  return withPackLock(async () => {
    const database = await db();
    const read = database.transaction(["packs", "subscriptions"]);
    const [stored, subs] = await Promise.all([
      read.objectStore("packs").getAll(),
      read.objectStore("subscriptions").getAll(),
    ]);
    await read.done;
    const removed = new Set(change.remove ?? []);
    const pause = slicePause();
    // The new pack was validated by the caller; the stored ones are checked again here.
    const kept = stored.filter((s) => !removed.has(s.id) && s.id !== change.put?.id);
    const { usable, damaged } = await checkStoredPacks(kept, pause);
    const next = usable;
    if (change.put) next.push(change.put);
    const subMap = new Map(subs.map((s) => [s.id, s]));
    if (change.subscription) {
      const current = subMap.get(change.subscription.id);
      if (!current) throw new Error("The subscription was removed meanwhile");
      const after = change.subscription.patch(current);
      if (after) subMap.set(after.id, after);
      else subMap.delete(current.id);
    }
    const ordered = orderForCompile(next, subMap, new Date());
    // Compile and serialise before the transaction: no other work may be awaited inside it.
    const matcher = await compileAsync(
      ordered.map((s) => s.pack),
      { pause },
    );
    const blob = new Blob([await driveSteps(serializeSteps(matcher, new Slicer()), pause)]);
    const packs = ordered.map(({ pack: p }) => ({
      id: p.id,
      name: p.name,
      version: p.version,
      publisher: p.publisher,
      expires: p.expires,
    }));
    const active: ActiveSet = { key: cacheKey(packs), format: COMPILED_FORMAT_VERSION, packs, damaged };

    const tx = database.transaction(["packs", "compiled", "settings", "subscriptions"], "readwrite");
    const writes: Promise<unknown>[] = [];
    for (const id of removed) writes.push(tx.objectStore("packs").delete(id));
    if (change.put) writes.push(tx.objectStore("packs").put(change.put));
    writes.push(tx.objectStore("compiled").clear(), tx.objectStore("compiled").put({ key: active.key, blob }));
    writes.push(tx.objectStore("settings").put(active, ACTIVE_SETTING));
    if (change.subscription) writes.push(patchInTx(tx.objectStore("subscriptions"), change.subscription));
    await Promise.all([...writes, tx.done]).catch((error: unknown) => {
      if (!tx.error) tx.abort();
      throw error;
    });
    cached = { key: active.key, matcher, packs, damaged };
    if (damaged.length > 0) console.warn("[copycatch] damaged packs left out of the rules", damaged);
    return cached;
  });
}

type SubStore = import("idb").IDBPObjectStore<
  import("./db.ts").CopycatchDB,
  ("packs" | "compiled" | "settings" | "subscriptions")[],
  "subscriptions",
  "readwrite"
>;

/** Read-modify-write of one subscription inside an open transaction (IndexedDB requests only). */
async function patchInTx(store: SubStore, change: NonNullable<PackChange["subscription"]>): Promise<void> {
  const current = await store.get(change.id);
  if (!current) throw new Error("The subscription was removed meanwhile");
  const after = change.patch(current);
  if (after) await store.put(after);
  else await store.delete(change.id);
}

/** Install (or upgrade) the bundled default pack: on install, on update of the extension, and on an empty store. */
export function installBundledPack(): Promise<void> {
  // The install handler and a first load (a listing, a page warming the rules) may both ask at once: one install.
  installing ??= installBundled().finally(() => {
    installing = null;
  });
  return installing;
}

let installing: Promise<void> | null = null;

async function installBundled(): Promise<void> {
  const response = await fetch(browser.runtime.getURL(BUNDLED_PACK_PATH));
  if (!response.ok) throw new Error(`Bundled pack missing: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  checkPackSize(bytes.length);
  const { pack } = validatePack(JSON.parse(new TextDecoder().decode(bytes)));
  const record = await (await db()).get("packs", pack.id);
  // A damaged record of the bundled pack is replaced by the bundle's copy.
  const checked = record === undefined ? null : checkStoredPack(record);
  const existing = checked && "stored" in checked && checked.missing.length === 0 ? checked.stored : null;
  if (record && record.origin !== "bundled") {
    console.warn(
      `[copycatch] pack id ${pack.id} is taken by a ${record.origin} pack; the bundled one is not installed`,
    );
    return;
  }
  if (existing && existing.pack.version >= pack.version) return; // getRules compiles if needed
  await commitPacks({
    put: { id: pack.id, pack, origin: "bundled", installedAt: new Date().toISOString(), subscriptionId: null },
  });
}
