import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { sampleProfile } from "../../shared/case-sample.node.ts";
import { sha256Hex } from "../../shared/hash.ts";
import { addAttachment, attachmentBytes, removeAttachment } from "./attachments.ts";
import { getProfile, setProfile } from "./settings.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("profile documents, stored once", () => {
  it("adds a document: its bytes under its SHA-256, its reference in the profile; the profile's text edits keep it", async () => {
    await setProfile(sampleProfile());
    const letter = bytes("%PDF-1.4 letter");
    const ref = await addAttachment({
      kind: "authorisation",
      name: "C:\\scans\\letter.pdf",
      mime: "application/pdf",
      registration: "",
      bytes: letter,
    });
    expect(ref).toMatchObject({ id: await sha256Hex(letter), name: "letter.pdf", bytes: letter.length });
    expect((await getProfile()).attachments).toEqual([ref]);
    // Saving the profile form (which may carry a stale list) never drops or invents documents.
    await setProfile({ ...sampleProfile(), company: "Renamed Ltd", attachments: [] });
    expect((await getProfile()).attachments).toEqual([ref]);
    expect((await getProfile()).company).toBe("Renamed Ltd");
    const { found, missing } = await attachmentBytes([ref]);
    expect(missing).toEqual([]);
    expect(found[0]?.bytes).toEqual(letter);
  });

  it("the same file added twice is stored once", async () => {
    const cert = bytes("%PDF-1.4 certificate");
    const input = { kind: "certificate" as const, name: "c.pdf", mime: "application/pdf", registration: "978952" };
    await addAttachment({ ...input, bytes: cert });
    await addAttachment({ ...input, bytes: cert });
    expect((await getProfile()).attachments.filter((a) => a.kind === "certificate")).toHaveLength(1);
  });

  it("removes the reference and the bytes together; a reference without bytes is reported, not fatal", async () => {
    const ref = (await getProfile()).attachments[0];
    if (!ref) throw new Error("no document");
    await removeAttachment(ref.id);
    expect((await getProfile()).attachments.map((a) => a.id)).not.toContain(ref.id);
    const { found, missing } = await attachmentBytes([ref]);
    expect(found).toEqual([]);
    expect(missing[0]).toMatch(/letter\.pdf: the stored document is missing/);
  });

  it("refuses empty and oversized files, with a clear message", async () => {
    const base = { kind: "authorisation" as const, name: "x.pdf", mime: "application/pdf", registration: "" };
    await expect(addAttachment({ ...base, bytes: new Uint8Array() })).rejects.toThrow(/empty/);
    await expect(addAttachment({ ...base, bytes: new Uint8Array(10 * 1024 * 1024 + 1) })).rejects.toThrow(/over 10 MB/);
  });
});
