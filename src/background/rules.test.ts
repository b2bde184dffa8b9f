/**
 * Damaged stored packs: a record that no longer validates is quarantined
 * (kept, listed, not compiled) and the other packs keep scoring, on a warm
 * worker (the next compile) and on a cold one (a fresh module load with no
 * usable compiled cache). Fake IndexedDB, the real engine.
 */
import "fake-indexeddb/auto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { localeCatalog } from "../../test-support/catalogs.ts";
import { emptyListing } from "../shared/listing.ts";
import type { RulePack } from "../shared/pack.ts";
import { said, sayText } from "../shared/said.ts";
import { testBrand, testPack } from "../shared/test-packs.node.ts";

vi.mock("webextension-polyfill", () => ({
  default: { runtime: { getURL: (p: string) => `https://bundled.invalid/${p}` } },
}));

const enc = (p: RulePack) => new TextEncoder().encode(JSON.stringify(p));
const BUNDLED = testPack("copycatch.default", { brands: [testBrand("zorblax", "Zorblax")] });

beforeAll(() => {
  vi.stubGlobal("fetch", async (input: string | URL) =>
    String(input) === "https://bundled.invalid/packs/default.json"
      ? new Response(enc(BUNDLED))
      : new Response("not found", { status: 404 }),
  );
});

/** A fresh module graph: what a service worker that was stopped and restarted sees (IndexedDB persists). */
async function freshWorker() {
  vi.resetModules();
  const { score } = await import("../engine/index.ts");
  const rules = await import("./rules.ts");
  const { importPack } = await import("./packs/subscriptions.ts");
  const { rulesOverview } = await import("./packs/overview.ts");
  const { db } = await import("./db.ts");
  const { dispatch } = await import("./dispatch.ts");
  const { HANDLERS } = await import("./handlers/index.ts");
  const brandOf = async (title: string) => {
    const { matcher } = await rules.getRules();
    return score({ ...emptyListing("https://www.ebay.com/itm/1", "ebay"), title }, matcher).brand?.name ?? null;
  };
  return { rules, importPack, rulesOverview, db, brandOf, dispatch, HANDLERS };
}

type Worker = Awaited<ReturnType<typeof freshWorker>>;

async function corrupt(w: Worker, id: string, edit: (record: Record<string, unknown>) => void): Promise<void> {
  const database = await w.db();
  const record = (await database.get("packs", id)) as unknown as Record<string, unknown>;
  edit(record);
  await database.put("packs", record as never);
}

/** Forces the next getRules() of a fresh worker to compile from the stored packs (as after an engine update). */
async function dropCompiledCache(w: Worker): Promise<void> {
  const database = await w.db();
  await database.clear("compiled");
  await database.delete("settings", w.rules.ACTIVE_SETTING);
}

describe("damaged stored packs", () => {
  it("installs the bundled pack and two imported packs", async () => {
    const w = await freshWorker();
    expect(await w.brandOf("Zorblax replica bag")).toBe("Zorblax");
    await w.importPack(JSON.stringify(testPack("acme.brand", { brands: [testBrand("acme", "Acme")] })));
    await w.importPack(
      JSON.stringify(
        testPack("bolt.brand", { brands: [testBrand("boltwing", "Boltwing"), testBrand("quorvex", "Quorvex")] }),
      ),
    );
    expect(await w.brandOf("Boltwing replica watch")).toBe("Boltwing");
  });

  it("the install handler and a first load asking at once install the bundled pack once", async () => {
    const w = await freshWorker();
    const fetched = vi.spyOn(globalThis, "fetch");
    try {
      await Promise.all([w.rules.installBundledPack(), w.rules.installBundledPack()]);
      expect(fetched).toHaveBeenCalledTimes(1);
      await w.rules.installBundledPack();
      expect(fetched).toHaveBeenCalledTimes(2);
    } finally {
      fetched.mockRestore();
    }
  });

  it("aliases: null no longer makes every getRules() throw; the record is read as no aliases", async () => {
    const w = await freshWorker();
    await corrupt(w, "acme.brand", (r) => {
      ((r.pack as RulePack).brands[0] as unknown as Record<string, unknown>).aliases = null;
    });
    await dropCompiledCache(w);
    expect(await w.brandOf("Acme replica shoes")).toBe("Acme");
    expect(await w.brandOf("Zorblax replica bag")).toBe("Zorblax");
    expect((await w.rules.getRules()).damaged).toEqual([]);
  });

  it("a pack that no longer validates is quarantined: kept, listed, not used; the others still score", async () => {
    const w = await freshWorker();
    await corrupt(w, "acme.brand", (r) => {
      (r.pack as Record<string, unknown>).brands = "not a list";
    });
    await dropCompiledCache(w);
    expect(await w.brandOf("Zorblax replica bag")).toBe("Zorblax");
    expect(await w.brandOf("Boltwing replica watch")).toBe("Boltwing");
    expect(await w.brandOf("Acme replica shoes")).toBeNull();
    const { damaged } = await w.rules.getRules();
    expect(damaged).toEqual([
      {
        id: "acme.brand",
        name: "acme.brand",
        origin: "file",
        reason: "the stored pack no longer validates at brands: expected an array",
        missing: [],
        reasonSaid: said("stored_pack_invalid_at", { path: "brands", detail: said("pack_detail_array") }),
      },
    ]);
    // Worded on the pages from its keys: the validator's detail in the UI's language, only the pack's path isolated.
    const told = said("rules_damaged_pack", { name: "acme.brand", reason: damaged[0]?.reasonSaid ?? "" });
    expect(sayText(told, localeCatalog("es"))).toBe(
      "El paquete \u2068acme.brand\u2069 está dañado y no se usa: el paquete guardado ya no es válido en \u2068brands\u2069: se esperaba una lista (array).",
    );
    // Kept in the store, listed (inactive) on the options page, named in the popup's health message.
    expect(await (await w.db()).get("packs", "acme.brand")).toBeDefined();
    const overview = await w.rulesOverview();
    expect(overview.packs.find((p) => p.id === "acme.brand")?.active).toBe(false);
    expect(overview.damaged).toEqual(damaged);
    const self = { id: "x".repeat(32), origin: `chrome-extension://${"x".repeat(32)}/` };
    const page = { id: self.id, url: `${self.origin}src/popup/index.html` };
    expect(await w.dispatch(w.HANDLERS, { type: "rules-health" }, page, self)).toEqual({
      ok: true,
      value: { damaged },
    });
  });

  it("the quarantine survives a worker restart through the compiled cache, and the next change keeps it", async () => {
    const w = await freshWorker();
    expect((await w.rules.getRules()).damaged.map((d) => d.id)).toEqual(["acme.brand"]);
    expect(w.rules.lastRulesLoad()?.from).toBe("compiled-cache");
    await w.importPack(JSON.stringify(testPack("cinder.brand", { brands: [testBrand("cinderon", "Cinderon")] })));
    expect(await w.brandOf("Cinderon replica")).toBe("Cinderon");
    expect((await w.rules.getRules()).damaged.map((d) => d.id)).toEqual(["acme.brand"]);
  });

  it("a damaged rule inside a pack leaves that rule out and names it; the pack's other rules score", async () => {
    const w = await freshWorker();
    await corrupt(w, "bolt.brand", (r) => {
      ((r.pack as RulePack).brands[0] as unknown as Record<string, unknown>).name = 42;
    });
    await dropCompiledCache(w);
    expect(await w.brandOf("Quorvex replica")).toBe("Quorvex");
    expect(await w.brandOf("Boltwing replica watch")).toBeNull();
    const bolt = (await w.rules.getRules()).damaged.find((d) => d.id === "bolt.brand");
    expect(bolt).toEqual({
      id: "bolt.brand",
      name: "bolt.brand",
      origin: "file",
      reason: null,
      missing: ["brands[0].name: expected a string (entry skipped)"],
      missingSaid: [said("pack_warning_entry_skipped", { path: "brands[0].name", detail: said("pack_detail_string") })],
    });
  });

  it("a damaged bundled pack is replaced by the extension's own copy", async () => {
    const w = await freshWorker();
    await corrupt(w, "copycatch.default", (r) => {
      r.pack = null;
    });
    await dropCompiledCache(w);
    expect(await w.brandOf("Zorblax replica bag")).toBe("Zorblax");
    expect((await w.rules.getRules()).damaged.map((d) => d.id)).not.toContain("copycatch.default");
  });

  it("a record with no pack id or origin is quarantined too", async () => {
    const w = await freshWorker();
    await (await w.db()).put("packs", { id: "junk", pack: 7, origin: "martian" } as never);
    await dropCompiledCache(w);
    expect(await w.brandOf("Quorvex replica")).toBe("Quorvex");
    const junk = (await w.rules.getRules()).damaged.find((d) => d.id === "junk");
    expect(junk?.reason).toBe("the stored record has no known origin");
  });
});

describe("the compiled cache on a cold worker", () => {
  const TITLES = [
    "Zorblax replica bag",
    "Boltwing replica watch",
    "Cinderon replica",
    "Quorvex 1:1 copy",
    "summer dress",
  ];

  async function verdicts(w: Worker) {
    const { score } = await import("../engine/index.ts");
    const { matcher } = await w.rules.getRules();
    return TITLES.map((title) => score({ ...emptyListing("https://www.ebay.com/itm/1", "ebay"), title }, matcher));
  }

  /** The stored compiled record of the active rules, its bytes, and the active record. */
  async function storedCompiled(w: Worker) {
    const database = await w.db();
    const active = (await database.get("settings", w.rules.ACTIVE_SETTING)) as { key: string; format: number };
    const entry = await database.get("compiled", active.key);
    if (!entry) throw new Error("no compiled record");
    return {
      database,
      active,
      entry,
      bytes: new Uint8Array(await entry.blob.arrayBuffer()) as Uint8Array<ArrayBuffer>,
    };
  }

  /** Replaces the stored compiled record by `record(its bytes)`, under the same key. */
  async function replaceCompiled(w: Worker, record: (bytes: Uint8Array<ArrayBuffer>) => object): Promise<void> {
    const { database, entry, bytes } = await storedCompiled(w);
    await database.put("compiled", { key: entry.key, ...record(bytes) } as never);
  }

  /** A fresh worker whose compiled record was damaged: it recompiles, says why, scores as before, and stores a good copy. */
  async function expectRecompiled(
    edit: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>,
    reason: RegExp,
  ): Promise<void> {
    await expectRecompiledRecord((bytes) => ({ blob: new Blob([edit(bytes.slice())]) }), reason);
  }

  async function expectRecompiledRecord(
    record: (bytes: Uint8Array<ArrayBuffer>) => object,
    reason: RegExp,
  ): Promise<void> {
    const before = await verdicts(await freshWorker());
    const w = await freshWorker();
    await replaceCompiled(w, record);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      expect(await verdicts(w)).toEqual(before);
      expect(w.rules.lastRulesLoad()?.from).toBe("compiled-now");
      const call = warn.mock.calls.find((c) => String(c[0]).includes("compiled rules unreadable"));
      expect(String(call?.[1])).toMatch(reason);
    } finally {
      warn.mockRestore();
    }
    const after = await freshWorker();
    expect(await verdicts(after)).toEqual(before);
    expect(after.rules.lastRulesLoad()?.from).toBe("compiled-cache");
  }

  it("a worker that loads the compiled form scores exactly as the one that compiled it", async () => {
    const w = await freshWorker();
    await dropCompiledCache(w);
    const compiled = await verdicts(w);
    expect(w.rules.lastRulesLoad()?.from).toBe("compiled-now");
    expect(compiled.map((v) => v.brand?.name ?? null)).toEqual(expect.arrayContaining(["Zorblax", "Cinderon"]));
    const loaded = await freshWorker();
    expect(await verdicts(loaded)).toEqual(compiled);
    expect(loaded.rules.lastRulesLoad()?.from).toBe("compiled-cache");
  });

  it("warming on a page load starts the one load a listing then shares, and the listing's wait is kept", async () => {
    await verdicts(await freshWorker()); // a compiled form is stored
    const w = await freshWorker();
    expect(w.rules.firstListingWaitMs()).toBeNull();
    w.rules.warmRules();
    const rules = await w.rules.rulesForListing();
    expect(rules.matcher).toBe((await w.rules.getRules()).matcher);
    expect(w.rules.lastRulesLoad()).toMatchObject({ from: "compiled-cache", trigger: "page-loading" });
    const wait = w.rules.firstListingWaitMs();
    expect(wait).not.toBeNull();
    // A later listing on the warm worker does not replace the first one's figure.
    await w.rules.rulesForListing();
    expect(w.rules.firstListingWaitMs()).toBe(wait);
    // Without the warm-up, the listing's own request starts the load.
    const cold = await freshWorker();
    await cold.rules.rulesForListing();
    expect(cold.rules.lastRulesLoad()?.trigger).toBe("request");
  });

  it("a corrupt compiled record is recompiled from the stored packs, with a diagnostic, not a crash", async () => {
    await expectRecompiled((bytes) => {
      bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x5a;
      return bytes;
    }, /checksum mismatch/);
  });

  it("a truncated compiled record is recompiled the same way", async () => {
    await expectRecompiled((bytes) => bytes.slice(0, Math.floor(bytes.length / 2)), /compiled matcher:/);
    await expectRecompiled((bytes) => bytes.slice(0, bytes.length - 8), /compiled matcher:/);
  });

  it("the compiled form is stored as a Blob holding the serialised matcher of this format", async () => {
    const { COMPILED_FORMAT_VERSION } = await import("../engine/index.ts");
    const w = await freshWorker();
    await verdicts(w);
    const { entry, bytes, active } = await storedCompiled(w);
    expect(entry.blob).toBeInstanceOf(Blob);
    expect(active.format).toBe(COMPILED_FORMAT_VERSION);
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(COMPILED_FORMAT_VERSION);
  });

  it("an empty Blob, a Blob of other bytes, or no Blob at all is recompiled with a diagnostic", async () => {
    await expectRecompiledRecord(() => ({ blob: new Blob([]) }), /compiled matcher: too short/);
    await expectRecompiledRecord(() => ({ blob: new Blob(['{"not": "a matcher"}']) }), /compiled matcher:/);
    await expectRecompiledRecord(() => ({ blob: "not a blob" }), /holds no Blob/);
  });

  it("a format-12 record in the shape of format 11 (bytes instead of a Blob) is recompiled, not read", async () => {
    await expectRecompiledRecord((bytes) => ({ bytes }), /holds no Blob/);
  });

  it("a cache written by format 11 (a Uint8Array record, active record of format 11) is compiled again", async () => {
    const { COMPILED_FORMAT_VERSION } = await import("../engine/index.ts");
    const before = await verdicts(await freshWorker());
    const w = await freshWorker();
    const { database, active, bytes } = await storedCompiled(w);
    // What the previous version left: its key, its format, its bytes (version 11 in the header) in `bytes`.
    const oldKey = active.key.replace(/^f\d+:/, "f11:");
    new DataView(bytes.buffer).setUint32(4, 11, true);
    await database.clear("compiled");
    await database.put("compiled", { key: oldKey, bytes } as never);
    await database.put("settings", { ...active, key: oldKey, format: 11 }, w.rules.ACTIVE_SETTING);
    expect(await verdicts(w)).toEqual(before);
    expect(w.rules.lastRulesLoad()?.from).toBe("compiled-now");
    const after = await storedCompiled(w);
    expect(after.active.format).toBe(COMPILED_FORMAT_VERSION);
    expect(after.active.key.startsWith(`f${COMPILED_FORMAT_VERSION}:`)).toBe(true);
    expect(after.entry.blob).toBeInstanceOf(Blob);
    expect(await database.count("compiled")).toBe(1);
    const cold = await freshWorker();
    expect(await verdicts(cold)).toEqual(before);
    expect(cold.rules.lastRulesLoad()?.from).toBe("compiled-cache");
  });

  it("a compiled form of an older format is not read: the stored packs are compiled again", async () => {
    const { COMPILED_FORMAT_VERSION } = await import("../engine/index.ts");
    const before = await verdicts(await freshWorker());
    const w = await freshWorker();
    const database = await w.db();
    const active = (await database.get("settings", w.rules.ACTIVE_SETTING)) as { format: number };
    await database.put("settings", { ...active, format: COMPILED_FORMAT_VERSION - 1 }, w.rules.ACTIVE_SETTING);
    expect(await verdicts(w)).toEqual(before);
    expect(w.rules.lastRulesLoad()?.from).toBe("compiled-now");
    const stored = (await database.get("settings", w.rules.ACTIVE_SETTING)) as { format: number };
    expect(stored.format).toBe(COMPILED_FORMAT_VERSION);
  });
});
