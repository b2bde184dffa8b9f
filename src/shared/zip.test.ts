import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { crc32 as zlibCrc32 } from "node:zlib";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { scratchDirs } from "../../test-support/scratch.ts";
import { crc32, MAX_ENTRIES, readZip, writeZip, zipParts } from "./zip.ts";

const enc = new TextEncoder();
const tempDir = scratchDirs("zip-");
const SAMPLE = resolve(import.meta.dirname, "../../fixtures/cases/ebay-226771798286.case.zip");

function tempFile(name: string, bytes: Uint8Array): string {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

/** Every offset of `needle` in `bytes`. */
function offsetsOf(bytes: Uint8Array, needle: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = bytes.indexOf(needle[0] as number); i >= 0; i = bytes.indexOf(needle[0] as number, i + 1)) {
    if (needle.every((b, j) => bytes[i + j] === b)) out.push(i);
  }
  return out;
}

describe("zip: writing", () => {
  it("round-trips names (UTF-8, folders) and bytes, in order", () => {
    const entries = [
      { name: "manifest.json", bytes: enc.encode('{"a":1}') },
      { name: "notices/ebay-vero.txt", bytes: enc.encode("Überprüfung 商标") },
      { name: "empty.bin", bytes: new Uint8Array() },
      { name: "bin.dat", bytes: new Uint8Array(1000).map((_, i) => i & 0xff) },
      { name: "商标/通知.txt", bytes: enc.encode("x") },
    ];
    const read = readZip(writeZip(entries, new Date("2025-05-01T12:00:00Z")));
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(read.map((e) => e.bytes)).toEqual(entries.map((e) => e.bytes));
  });

  it("writes what the earlier writer wrote: the sample case re-zipped differs only in the UTF-8 flag of ASCII names", () => {
    const old = new Uint8Array(readFileSync(SAMPLE));
    const entries = readZip(old);
    const createdAt = JSON.parse(new TextDecoder().decode(entries[0]?.bytes)).createdAt as string;
    const again = writeZip(entries, new Date(createdAt));
    expect(again.length).toBe(old.length);
    const local = new Set(offsetsOf(old, new Uint8Array([0x50, 0x4b, 0x03, 0x04])));
    const central = new Set(offsetsOf(old, new Uint8Array([0x50, 0x4b, 0x01, 0x02])));
    const differing = [...old.keys()].filter((i) => old[i] !== again[i]);
    expect(differing).toHaveLength(2 * entries.length);
    for (const i of differing) {
      // Bit 11 of the general purpose flags (high byte at +7 in a local header, +9 in a central record).
      expect([old[i], again[i]]).toEqual([0x08, 0x00]);
      expect(local.has(i - 7) || central.has(i - 9)).toBe(true);
    }
  });

  it("puts CRC-32 and sizes in the local headers (no data descriptor), so streaming readers can read it", () => {
    const zip = writeZip([{ name: "a.txt", bytes: enc.encode("hello") }]);
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint16(6, true) & 0x08).toBe(0);
    expect(view.getUint32(14, true)).toBe(0x3610a686); // CRC-32 of "hello"
    expect([view.getUint32(18, true), view.getUint32(22, true)]).toEqual([5, 5]);
    expect(offsetsOf(zip, new Uint8Array([0x50, 0x4b, 0x07, 0x08]))).toEqual([]);
  });

  it("is deterministic for the same entries and time, whatever the machine's time zone", () => {
    // (Except a time inside the hour a daylight-saving switch skips on the machine: fflate reads local time fields.)
    const entries = [{ name: "a.txt", bytes: enc.encode("a") }];
    const when = new Date("2025-03-30T01:30:00Z");
    const saved = process.env.TZ;
    try {
      const bytes = ["UTC", "America/New_York", "Asia/Kolkata", "Europe/Berlin"].map((tz) => {
        process.env.TZ = tz;
        return writeZip(entries, when);
      });
      for (const b of bytes) expect(b).toEqual(bytes[0]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("records the UTC time of the case, clamped to what a ZIP can hold", () => {
    const list = (when: Date) => {
      const file = tempFile("t.zip", writeZip([{ name: "a.txt", bytes: enc.encode("a") }], when));
      return execFileSync("unzip", ["-l", file], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
    };
    expect(list(new Date("2025-05-01T12:34:56Z"))).toMatch(/2025-05-01 12:34\s+a\.txt/);
    expect(list(new Date(0))).toMatch(/1980-01-01 00:00\s+a\.txt/);
  });

  it("refuses unsafe and duplicate names", () => {
    for (const name of ["../x", "/etc/x", "a\\b", "", "__proto__"]) {
      expect(() => writeZip([{ name, bytes: new Uint8Array() }])).toThrow(/unsafe/);
    }
    const dup = { name: "a", bytes: new Uint8Array() };
    expect(() => writeZip([dup, dup])).toThrow(/duplicate/);
    // Names that are numbers keep their place (no object of files reorders them).
    const numbered = [dup, { name: "42", bytes: new Uint8Array() }, { name: "042", bytes: new Uint8Array() }];
    expect(readZip(writeZip(numbered)).map((e) => e.name)).toEqual(["a", "42", "042"]);
  });

  it("writes byte for byte what fflate's zipSync writes, as parts that hold each file's own bytes uncopied", () => {
    const when = new Date("2026-03-04T05:06:08Z");
    const entries = [
      { name: "manifest.json", bytes: enc.encode('{"a":1}') },
      { name: "Überprüfung/通知.txt", bytes: enc.encode("Überprüfung 商标") },
      { name: "empty.bin", bytes: new Uint8Array() },
      { name: "page.mhtml", bytes: new Uint8Array(70_000).map((_, i) => (i * 31) & 0xff) },
    ];
    // fflate reads the DOS time from a Date's local fields: the same fields, in UTC, as the bundle keeps.
    const local = new Date(2026, 2, 4, 5, 6, 8);
    const theirs = zipSync(Object.fromEntries(entries.map((e) => [e.name, [e.bytes, { level: 0, mtime: local }]])));
    expect(Buffer.from(writeZip(entries, when)).equals(Buffer.from(theirs))).toBe(true);
    const parts = zipParts(entries, when);
    expect(parts).toHaveLength(2 * entries.length + 1);
    for (const [i, e] of entries.entries()) expect(parts[2 * i + 1]).toBe(e.bytes);
  });

  it("computes CRC-32 as zlib does", () => {
    for (const bytes of [new Uint8Array(), enc.encode("123456789"), new Uint8Array(100_000).map((_, i) => i * 7)]) {
      expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    }
    expect(crc32(enc.encode("123456789"))).toBe(0xcbf43926);
  });

  it("is read by Info-ZIP unzip, which checks CRCs, and by its streaming reader funzip from a pipe", () => {
    const dir = tempDir();
    const file = join(dir, "t.zip");
    const zip = writeZip([
      { name: "d/hello.txt", bytes: enc.encode("hello zip") },
      { name: "Überprüfung.txt", bytes: enc.encode("ü") },
    ]);
    writeFileSync(file, zip);
    execFileSync("unzip", ["-t", "-qq", file]);
    execFileSync("unzip", ["-qq", "-d", join(dir, "out"), file, "d/hello.txt"]);
    expect(readFileSync(join(dir, "out/d/hello.txt"), "utf8")).toBe("hello zip");
    // funzip reads the first file from its local header alone: sizes there, not in a trailing descriptor.
    expect(execFileSync("funzip", [], { input: zip, encoding: "utf8" })).toBe("hello zip");
    // Python's zipfile tests every CRC too: it names a corrupted file, and says "Done testing" in any case.
    expect(execFileSync("python3", ["-m", "zipfile", "-t", file], { encoding: "utf8" })).toBe("Done testing\n");
  });
});

describe("zip: reading", () => {
  it("checks each entry's CRC-32 against its central record and local header, and says which one fails", () => {
    const zip = writeZip([
      { name: "a.txt", bytes: enc.encode("first file") },
      { name: "b.txt", bytes: enc.encode("second file") },
    ]);
    expect(readZip(zip).map((e) => e.crcOk)).toEqual([true, true]);
    const flipped = zip.slice();
    flipped[30 + "a.txt".length + 2] = (flipped[30 + "a.txt".length + 2] as number) ^ 0x01; // a byte of a.txt's data
    expect(readZip(flipped).map((e) => [e.name, e.crcOk])).toEqual([
      ["a.txt", false],
      ["b.txt", true],
    ]);
    // Bytes intact, but the CRC recorded in b.txt's local header edited.
    const local = offsetsOf(zip, new Uint8Array([0x50, 0x4b, 0x03, 0x04]))[1] as number;
    const edited = zip.slice();
    edited[local + 14] = (edited[local + 14] as number) ^ 0xff;
    expect(readZip(edited).map((e) => e.crcOk)).toEqual([true, false]);
    expect(readZip(new Uint8Array(readFileSync(SAMPLE))).every((e) => e.crcOk)).toBe(true);
  });

  it("reads the bundles the earlier writer made (the sample case), as Info-ZIP lists them", () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const listed = execFileSync("unzip", ["-Z1", SAMPLE], { encoding: "utf8" }).trim().split("\n");
    const read = readZip(bytes);
    expect(read.map((e) => e.name)).toEqual(listed);
    const screenshot = read.find((e) => e.name === "screenshot.png");
    expect(Buffer.from(screenshot?.bytes ?? []).equals(execFileSync("unzip", ["-p", SAMPLE, "screenshot.png"]))).toBe(
      true,
    );
  });

  it("says what is wrong with input that is not a ZIP, or is cut short", () => {
    expect(() => readZip(enc.encode("not a zip at all, just text........"))).toThrow(/not a ZIP/);
    expect(() => readZip(new Uint8Array())).toThrow(/not a ZIP/);
    const zip = writeZip([{ name: "a.txt", bytes: new Uint8Array(5000).fill(7) }]);
    expect(() => readZip(zip.subarray(0, 3000))).toThrow(/not a ZIP/);
  });

  it("refuses an entry that declares more bytes than the archive holds, before copying anything", () => {
    const zip = writeZip([{ name: "a.txt", bytes: enc.encode("hello") }]);
    // Both sizes of the central directory record (offsets 20 and 24 after its signature) claim 1 GB.
    const central = offsetsOf(zip, new Uint8Array([0x50, 0x4b, 0x01, 0x02]))[0] as number;
    const forged = zip.slice();
    const view = new DataView(forged.buffer);
    view.setUint32(central + 20, 1e9, true);
    view.setUint32(central + 24, 1e9, true);
    expect(() => readZip(forged)).toThrow(/a\.txt: declares 1000000000 bytes, more than the whole archive/);
    // Sizes that fit the archive but run past its end.
    view.setUint32(central + 20, zip.length - 10, true);
    view.setUint32(central + 24, zip.length - 10, true);
    expect(() => readZip(forged)).toThrow(/a\.txt: truncated/);
  });

  it("refuses compressed entries without inflating them (no ZIP bomb can expand)", () => {
    const bomb = zipSync({ "zeros.bin": new Uint8Array(50_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => readZip(bomb)).toThrow(/zeros\.bin: compressed entries are not supported/);
  });

  it("refuses duplicate and unsafe names in an archive someone else wrote", () => {
    const zip = writeZip([
      { name: "a.txt", bytes: enc.encode("genuine") },
      { name: "b.txt", bytes: enc.encode("swapped") },
    ]);
    const renamed = zip.slice();
    for (const at of offsetsOf(zip, enc.encode("b.txt"))) renamed[at] = "a".charCodeAt(0);
    expect(() => readZip(renamed)).toThrow(/duplicate entry "a\.txt"/);
    const escaping = zip.slice();
    for (const at of offsetsOf(zip, enc.encode("b.txt"))) escaping.set(enc.encode("../.."), at);
    expect(() => readZip(escaping)).toThrow(/unsafe entry name/);
  });

  it(`refuses a directory of more than ${MAX_ENTRIES} entries`, () => {
    const many = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => ({ name: `f${i}`, bytes: new Uint8Array() }));
    expect(() => readZip(writeZip(many))).toThrow(/more than 10000 entries/);
    expect(readZip(writeZip(many.slice(0, MAX_ENTRIES)))).toHaveLength(MAX_ENTRIES);
  });
});
