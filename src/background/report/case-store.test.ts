import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { verifyBundle } from "../../shared/case-bundle.ts";
import { MANIFEST_NAME } from "../../shared/case-manifest.ts";
import { HOSTILE_TITLE, sampleListing, sampleProfile, sampleVerdict } from "../../shared/case-sample.node.ts";
import { changeState } from "../../shared/case-state.ts";
import { emptySeller } from "../../shared/listing.ts";
import { newEntry } from "../../shared/outbox-policy.ts";
import { english } from "../../shared/said.ts";
import { writeZip } from "../../shared/zip.ts";
import { openCopycatchDB } from "../db.ts";
import { buildCase, type CaseInput } from "./build-case.ts";
import {
  casesBySellerKeys,
  getEvidence,
  listCases,
  listSummaries,
  STORAGE_FULL,
  saveCase,
  saveTimestamp,
  updateFollowUp,
} from "./case-store.ts";

function input(over: Partial<CaseInput> = {}): CaseInput {
  return {
    id: "6f1c7a3e-0000-4000-8000-00000000000a",
    now: new Date("2025-05-01T12:00:00.000Z"),
    listing: sampleListing(),
    verdict: sampleVerdict(),
    packs: [{ id: "copycatch.default", version: 3 }],
    extensionVersion: "0.1.0",
    captured: {
      files: [
        { name: "screenshot.png", kind: "screenshot", mime: "image/png", bytes: new Uint8Array([137, 80, 78, 71]) },
      ],
      errors: ["page.mhtml: the tab was closed"],
    },
    profile: sampleProfile(),
    queued: true,
    ...over,
  };
}

const open = () => openCopycatchDB({ factory: new IDBFactory() });

describe("buildCase", () => {
  it("hashes every artefact, writes the portal notice and records the failed capture", async () => {
    const { record, evidence } = await buildCase(input());
    expect(record.artefacts.map((a) => a.name)).toEqual([
      "details.json",
      "listing.json",
      "notices/ebay-vero.json",
      "notices/ebay-vero.txt",
      "screenshot.png",
      "verdict.json",
    ]);
    expect(record.captureErrors).toEqual(["page.mhtml: the tab was closed"]);
    expect(record.delivery.state).toBe("queued");
    expect(evidence.map((e) => e.name)).toContain(MANIFEST_NAME);
    const notice = new TextDecoder().decode(evidence.find((e) => e.name === "notices/ebay-vero.txt")?.bytes);
    expect(notice).toContain(HOSTILE_TITLE);
    expect(notice).toMatch(/screenshot\.png sha256:[0-9a-f]{64}/);
  });

  it("adds the case details and the profile's documents to the bundle, hashed like the rest", async () => {
    const letter = new Uint8Array([37, 80, 68, 70, 45]);
    const ref = {
      id: "1".repeat(64),
      kind: "authorisation" as const,
      name: "loa.pdf",
      mime: "application/pdf",
      bytes: letter.length,
      registration: "",
    };
    const details = { where: ["packaging" as const], testBuyOrders: ["PO-1"] };
    const { record, evidence, notice } = await buildCase(input({ details, attachments: [{ ref, bytes: letter }] }));
    const name = "attachments/authorisation-11111111-loa.pdf";
    expect(record.artefacts.find((a) => a.name === name)?.kind).toBe("attachment");
    expect(evidence.find((e) => e.name === name)?.bytes).toEqual(letter);
    expect(JSON.parse(new TextDecoder().decode(evidence.find((e) => e.name === "details.json")?.bytes))).toEqual(
      details,
    );
    expect(record.details).toEqual(details);
    expect(notice.fields.find((f) => f.key === "details")?.value).toContain("Test-buy order(s): PO-1");
    const zip = writeZip(evidence.map((e) => ({ name: e.name, bytes: e.bytes })));
    expect((await verifyBundle(zip, record.manifestSha256)).intact).toBe(true);
  });

  it("produces evidence that bundles into an intact ZIP with the recorded manifest hash", async () => {
    const { record, evidence } = await buildCase(input());
    const zip = writeZip(evidence.map((e) => ({ name: e.name, bytes: e.bytes })));
    const check = await verifyBundle(zip, record.manifestSha256);
    expect(check.problems).toEqual([]);
    expect(check.intact).toBe(true);
  });
});

describe("saveCase", () => {
  it("writes the case, all its evidence and its outbox row together", async () => {
    const database = await open();
    const { record, evidence } = await buildCase(input());
    await saveCase(database, record, evidence, newEntry(record.id, 0));
    expect((await listCases(database)).map((c) => c.id)).toEqual([record.id]);
    expect((await getEvidence(database, record.id)).length).toBe(evidence.length);
    expect(await database.get("outbox", record.id)).toMatchObject({ attempts: 0 });
  });

  it("leaves nothing when a write fails midway", async () => {
    const database = await open();
    const { record, evidence } = await buildCase(input());
    const broken = [...evidence, { ...(evidence[1] as (typeof evidence)[number]) }]; // a duplicate key: the 2nd add fails
    await expect(saveCase(database, record, broken, newEntry(record.id, 0))).rejects.toThrow();
    expect(await database.count("cases")).toBe(0);
    expect(await database.count("evidence")).toBe(0);
    expect(await database.count("outbox")).toBe(0);
  });

  it("turns a QuotaExceededError into the plain 'storage full' message; other failures pass through", async () => {
    // The browser aborts the transaction with QuotaExceededError (a real quota is hit in no test here, see
    // docs/security.md row 33); the undoing of every write is the transaction's, tested above.
    const failingDb = (name: string) => {
      const error = new DOMException("no space", name);
      const rejected = () => Promise.reject(error);
      const store = { add: rejected };
      const tx = { objectStore: () => store, done: rejected(), error };
      tx.done.catch(() => undefined);
      return { transaction: () => tx } as unknown as Parameters<typeof saveCase>[0];
    };
    const { record, evidence } = await buildCase(input());
    const full = saveCase(failingDb("QuotaExceededError"), record, evidence, null);
    await expect(full).rejects.toThrow(english(STORAGE_FULL));
    await expect(full).rejects.toMatchObject({ said: { key: "error_storage_full" } });
    await expect(saveCase(failingDb("AbortError"), record, evidence, null)).rejects.toThrow("no space");
  });

  it("refuses to overwrite an existing case (same id)", async () => {
    const database = await open();
    const { record, evidence } = await buildCase(input());
    await saveCase(database, record, evidence, null);
    const again = await buildCase(input({ now: new Date("2025-06-01T00:00:00Z") }));
    await expect(saveCase(database, again.record, again.evidence, null)).rejects.toThrow();
    expect((await database.get("cases", record.id))?.createdAt).toBe(record.createdAt);
  });

  it("lists cases newest first", async () => {
    const database = await open();
    for (const [id, day] of [
      ["6f1c7a3e-0000-4000-8000-000000000001", "01"],
      ["6f1c7a3e-0000-4000-8000-000000000003", "03"],
      ["6f1c7a3e-0000-4000-8000-000000000002", "02"],
    ] as const) {
      const { record, evidence } = await buildCase(input({ id, now: new Date(`2025-05-${day}T00:00:00Z`) }));
      await saveCase(database, record, evidence, null);
    }
    expect((await listCases(database)).map((c) => c.createdAt.slice(8, 10))).toEqual(["03", "02", "01"]);
  });
});

describe("follow-up, seller lookups and time stamps in the store", () => {
  it("changes a follow-up in one transaction and leaves a missing case alone", async () => {
    const database = await open();
    const { record, evidence } = await buildCase(input());
    await saveCase(database, record, evidence, null);
    const updated = await updateFollowUp(database, record.id, (r) => ({
      followUp: changeState(r.followUp, { to: "filed", portal: "ebay-vero", reference: "V-9", note: null }, new Date()),
    }));
    expect(updated.followUp.state).toBe("filed");
    expect((await database.get("cases", record.id))?.followUp.history).toHaveLength(2);
    // A change that throws writes nothing.
    await expect(
      updateFollowUp(database, record.id, (r) => ({
        followUp: changeState(r.followUp, { to: "draft", portal: null, reference: null, note: null }, new Date()),
      })),
    ).rejects.toThrow(/cannot become draft/);
    expect((await database.get("cases", record.id))?.followUp.state).toBe("filed");
    await expect(updateFollowUp(database, "6f1c7a3e-0000-4000-8000-0000000000ff", (r) => r)).rejects.toThrow(/No case/);
    expect((await listSummaries(database)).map((s) => [s.id, s.state])).toEqual([[record.id, "filed"]]);
  });

  it("finds a seller's cases by any of their keys", async () => {
    const database = await open();
    const a = await buildCase(input());
    const b = await buildCase(input({ id: "6f1c7a3e-0000-4000-8000-00000000000b" }));
    const other = await buildCase(
      input({
        id: "6f1c7a3e-0000-4000-8000-00000000000c",
        listing: { ...sampleListing(), seller: { ...emptySeller(), name: "Someone Else", id: "else" } },
      }),
    );
    for (const c of [a, b, other]) await saveCase(database, c.record, c.evidence, null);
    const found = await casesBySellerKeys(database, ["name:cheapkicks88"]);
    expect(found.map((c) => c.id).sort()).toEqual([a.record.id, b.record.id].sort());
    expect(await casesBySellerKeys(database, [])).toEqual([]);
  });

  it("saves a time-stamp reply with the case's fields and history, together", async () => {
    const database = await open();
    const { record, evidence } = await buildCase(input());
    await saveCase(database, record, evidence, null);
    const stamp = { genTime: "2025-05-01T12:00:03.000Z", authority: "https://tsa.example/", signer: "CN=TSA" };
    await saveTimestamp(database, record.id, new Uint8Array([48, 3, 2, 1, 0]), stamp);
    const saved = await database.get("cases", record.id);
    expect(saved?.timestamp).toEqual(stamp);
    expect(saved?.followUp.history.at(-1)).toMatchObject({ kind: "timestamp", at: stamp.genTime });
    expect((await getEvidence(database, record.id)).map((e) => e.name)).toContain("manifest.tsr");
    await expect(
      saveTimestamp(database, "6f1c7a3e-0000-4000-8000-0000000000ff", new Uint8Array(1), stamp),
    ).rejects.toThrow(/No case/);
  });
});
