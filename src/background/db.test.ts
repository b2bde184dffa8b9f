// idb recognises requests by the global IDB* classes: install the fake ones, then use a fresh factory per test.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { sampleCase } from "../shared/case-sample.node.ts";
import type { RulePack } from "../shared/pack.ts";
import { DB_VERSION, openCopycatchDB } from "./db.ts";

function tinyPack(id: string, version: number): RulePack {
  return {
    format: 1,
    id,
    name: id,
    version,
    publisher: "test",
    issued: "2026-01-01",
    expires: null,
    brands: [],
    vocabulary: [],
    accessoryPhrases: [],
    exchangeRates: null,
  };
}

const V2_STORES = [
  "cases",
  "compiled",
  "corrections",
  "evidence",
  "outbox",
  "packs",
  "secrets",
  "settings",
  "subscriptions",
];

describe("database schema", () => {
  it("creates every v2 store from nothing", async () => {
    const factory = new IDBFactory();
    const database = await openCopycatchDB({ factory, name: "fresh" });
    expect(database.version).toBe(DB_VERSION);
    expect([...database.objectStoreNames].sort()).toEqual(V2_STORES);
    const cases = database.transaction("cases").store;
    expect([...cases.indexNames].sort()).toEqual([
      "brandId",
      "createdAt",
      "deliveryState",
      "marketplace",
      "sellerKeys",
      "sellerName",
      "state",
    ]);
    expect(cases.index("state").keyPath).toBe("followUp.state");
    expect(cases.index("sellerKeys").multiEntry).toBe(true);
    expect(cases.index("deliveryState").keyPath).toBe("delivery.state");
    expect(database.transaction("evidence").store.keyPath).toEqual(["caseId", "name"]);
    expect(database.transaction("corrections").store.autoIncrement).toBe(true);
    database.close();
  });

  it("upgrades a v1 database with data and keeps the data", async () => {
    const factory = new IDBFactory();
    const v1 = await openCopycatchDB({ factory, name: "old", version: 1 });
    expect([...v1.objectStoreNames].sort()).toEqual(["compiled", "packs", "settings"]);
    const tx = v1.transaction(["packs", "compiled", "settings"], "readwrite");
    // The v1 shape: no subscriptionId.
    void tx.objectStore("packs").put({
      id: "a.pack",
      pack: tinyPack("a.pack", 3),
      origin: "file",
      installedAt: "2026-01-02T00:00:00.000Z",
    } as never);
    // The compiled record's shape of format 11 and before (a Uint8Array, not a Blob).
    void tx.objectStore("compiled").put({ key: "f1:a.pack@3", bytes: new Uint8Array([1, 2, 3]) } as never);
    void tx.objectStore("settings").put("agent", "role");
    await tx.done;
    v1.close();

    const v2 = await openCopycatchDB({ factory, name: "old" });
    expect(v2.version).toBe(DB_VERSION);
    expect([...v2.objectStoreNames].sort()).toEqual(V2_STORES);
    const pack = await v2.get("packs", "a.pack");
    expect(pack?.pack.version).toBe(3);
    expect(pack?.origin).toBe("file");
    expect(pack?.subscriptionId).toBeNull();
    const compiled = (await v2.get("compiled", "f1:a.pack@3")) as unknown as { bytes: Uint8Array } | undefined;
    expect([...(compiled?.bytes ?? [])]).toEqual([1, 2, 3]);
    expect(await v2.get("settings", "role")).toBe("agent");
    v2.close();
  });

  it("stores and queries v2 records through their keys and indexes", async () => {
    const factory = new IDBFactory();
    const database = await openCopycatchDB({ factory, name: "use" });
    await database.put("evidence", {
      caseId: "c1",
      name: "page.mhtml",
      mime: "multipart/related",
      bytes: new Uint8Array(2),
    });
    await database.put("evidence", { caseId: "c1", name: "shot.png", mime: "image/png", bytes: new Uint8Array(1) });
    await database.put("evidence", { caseId: "c2", name: "shot.png", mime: "image/png", bytes: new Uint8Array(1) });
    expect(await database.countFromIndex("evidence", "caseId", "c1")).toBe(2);
    const id = await database.add("corrections", {
      at: "2026-01-01T00:00:00Z",
      url: "https://x.example/",
      risk: "high",
      score: 90,
      brandId: "nike",
      userSays: "genuine",
      note: null,
      title: null,
    });
    expect(typeof id).toBe("number");
    await database.put("secrets", "t0k3n", "webhookToken");
    expect(await database.get("secrets", "webhookToken")).toBe("t0k3n");
    database.close();
  });

  it("closes on versionchange so a newer version is not blocked, and says so", async () => {
    const factory = new IDBFactory();
    let blocking = 0;
    const old = await openCopycatchDB({ factory, name: "busy", version: 1, onBlocking: () => blocking++ });
    // A newer worker opens v2 while the v1 page is still open: it must not hang.
    const upgraded = await openCopycatchDB({ factory, name: "busy" });
    expect(upgraded.version).toBe(DB_VERSION);
    expect(blocking).toBe(1);
    await expect(old.get("settings", "x")).rejects.toThrow();
    upgraded.close();
  });

  it("upgrades v2 cases to v3: each becomes a draft dated at capture, with its seller keys, nothing else changed", async () => {
    const factory = new IDBFactory();
    const v2 = await openCopycatchDB({ factory, name: "cases", version: 2 });
    const { followUp: _f, sellerKeys: _k, timestamp: _t, capturedBy: _c, ...old } = sampleCase();
    await v2.put("cases", old as never);
    await v2.put("evidence", {
      caseId: old.id,
      name: "listing.json",
      mime: "application/json",
      bytes: new Uint8Array(3),
    });
    v2.close();

    const v3 = await openCopycatchDB({ factory, name: "cases" });
    expect(v3.version).toBe(DB_VERSION);
    const upgraded = await v3.get("cases", old.id);
    expect(upgraded).toEqual({
      ...old,
      followUp: {
        state: "draft",
        notes: "",
        history: [expect.objectContaining({ at: old.createdAt, kind: "created" })],
      },
      sellerKeys: ["id:ebay:cheap_kicks_88", "name:cheapkicks88"],
      timestamp: null,
      capturedBy: null,
    });
    expect(await v3.getAllKeysFromIndex("cases", "state", "draft")).toEqual([old.id]);
    expect(await v3.getAllKeysFromIndex("cases", "sellerKeys", "name:cheapkicks88")).toEqual([old.id]);
    expect(await v3.countFromIndex("evidence", "caseId", old.id)).toBe(1);
    v3.close();
  });
});

describe("the previous version's database, as the browser tests seed it", () => {
  it("the v2 schema the browser tests seed is the one MIGRATIONS builds", async () => {
    const { V2_SCHEMA } = await import("./db-previous.node.ts");
    const factory = new IDBFactory();
    const v2 = await openCopycatchDB({ factory, name: "previous", version: 2 });
    const tx = v2.transaction([...v2.objectStoreNames]);
    const built = [...v2.objectStoreNames].sort().map((name) => {
      const s = tx.objectStore(name);
      return {
        name,
        keyPath: s.keyPath,
        autoIncrement: s.autoIncrement,
        indexes: [...s.indexNames].sort().map((i) => {
          const index = s.index(i);
          return { name: i, keyPath: index.keyPath, multiEntry: index.multiEntry };
        }),
      };
    });
    expect(built).toEqual(V2_SCHEMA);
    v2.close();
  });
});
