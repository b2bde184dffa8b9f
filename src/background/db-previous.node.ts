/**
 * The previous database version (v2), as the browser tests seed it to test an
 * update of the extension with its data: the schema that MIGRATIONS[0..1]
 * create (checked against them by db.test.ts "the v2 schema the browser tests
 * seed is the one MIGRATIONS builds") and records in the shape v2 wrote (a
 * case without the v3 follow-up fields, an imported pack, settings).
 * Hand-written from db.ts; Node and tests only.
 */

import { sampleCase } from "../shared/case-sample.node.ts";
import type { RulePack } from "../shared/pack.ts";
import { testBrand, testPack } from "../shared/test-packs.node.ts";

export interface StoreSchema {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string; multiEntry: boolean }[];
}

const store = (
  name: string,
  keyPath: StoreSchema["keyPath"],
  indexes: [string, string][] = [],
  autoIncrement = false,
) => ({
  name,
  keyPath,
  autoIncrement,
  indexes: indexes.map(([n, k]) => ({ name: n, keyPath: k, multiEntry: false })),
});

export const V2_SCHEMA: StoreSchema[] = [
  store("cases", "id", [
    ["brandId", "brandId"],
    ["createdAt", "createdAt"],
    ["deliveryState", "delivery.state"],
    ["marketplace", "marketplace"],
    ["sellerName", "sellerName"],
  ]),
  store("compiled", "key"),
  store("corrections", "id", [], true),
  store("evidence", ["caseId", "name"], [["caseId", "caseId"]]),
  store("outbox", "caseId"),
  store("packs", "id"),
  store("secrets", null),
  store("settings", null),
  store("subscriptions", "id"),
];

export const V2_PACK: RulePack = testPack("previous.release.pack", {
  name: "Pack imported before the update",
  brands: [testBrand("zorblaxia", "Zorblaxia")],
});

/** Records as v2 stored them: [store, key (out-of-line stores) or null, value]. */
export function v2Records(): [string, string | null, unknown][] {
  const { followUp: _f, sellerKeys: _k, timestamp: _t, capturedBy: _c, ...oldCase } = sampleCase();
  return [
    ["settings", "role", "agent"],
    ["settings", "webhook", { url: "https://hooks.example/cases" }],
    [
      "packs",
      null,
      { id: V2_PACK.id, pack: V2_PACK, origin: "file", installedAt: "2026-01-02T03:04:05.000Z", subscriptionId: null },
    ],
    ["cases", null, oldCase],
    [
      "evidence",
      null,
      { caseId: oldCase.id, name: "listing.json", mime: "application/json", bytes: new Uint8Array([123, 125]) },
    ],
  ];
}
