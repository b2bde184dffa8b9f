/**
 * The active rules: packs from IndexedDB, compiled once and cached in
 * IndexedDB under the pack versions and the engine's compiled format version,
 * so a waking service worker loads the compiled form instead of recompiling.
 */
import browser from "webextension-polyfill";
import { COMPILED_FORMAT_VERSION, type CompiledMatcher, compile, deserialize, serialize } from "../engine/index.ts";
import type { RulePack } from "../shared/pack.ts";
import { validatePack } from "../shared/pack-validate.ts";
import { db } from "./db.ts";

export const BUNDLED_PACK_PATH = "packs/default.json";

/** Rebuilt on wake; never the only copy of anything. */
let cached: { key: string; matcher: CompiledMatcher; packs: RulePack[] } | null = null;

/** Install (or upgrade) the bundled default pack into IndexedDB. */
export async function installBundledPack(): Promise<void> {
  const response = await fetch(browser.runtime.getURL(BUNDLED_PACK_PATH));
  if (!response.ok) throw new Error(`Bundled pack missing: HTTP ${response.status}`);
  const { pack } = validatePack(await response.json());
  const database = await db();
  const existing = await database.get("packs", pack.id);
  if (existing && existing.pack.version >= pack.version) return;
  await database.put("packs", {
    id: pack.id,
    pack,
    origin: "bundled",
    installedAt: new Date().toISOString(),
    subscriptionId: null,
  });
  cached = null;
}

function cacheKey(packs: RulePack[]): string {
  const versions = packs.map((p) => `${p.id}@${p.version}`).join(",");
  return `f${COMPILED_FORMAT_VERSION}:${versions}`;
}

async function activePacks(): Promise<RulePack[]> {
  const stored = await (await db()).getAll("packs");
  if (stored.length === 0) {
    await installBundledPack();
    return activePacks();
  }
  // Bundled first so that later (user, subscribed) packs take precedence in compile().
  const rank = { bundled: 0, subscription: 1, file: 1 } as const;
  return stored.sort((a, b) => rank[a.origin] - rank[b.origin] || a.id.localeCompare(b.id)).map((s) => s.pack);
}

export async function getRules(): Promise<{ matcher: CompiledMatcher; packs: RulePack[] }> {
  const packs = await activePacks();
  const key = cacheKey(packs);
  if (cached?.key === key) return cached;
  const database = await db();
  const stored = await database.get("compiled", key);
  let matcher: CompiledMatcher | null = null;
  if (stored) {
    try {
      matcher = deserialize(stored.bytes);
    } catch {
      matcher = null; // corrupt or an older layout: recompile below
    }
  }
  if (!matcher) {
    matcher = compile(packs);
    // One transaction: drop stale compiled forms and store the new one together.
    const tx = database.transaction("compiled", "readwrite");
    await tx.store.clear();
    await tx.store.put({ key, bytes: serialize(matcher) });
    await tx.done;
  }
  cached = { key, matcher, packs };
  return cached;
}
