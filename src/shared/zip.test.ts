import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crc32, readZip, writeZip } from "./zip.ts";

const enc = new TextEncoder();

describe("zip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(enc.encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("round-trips names (UTF-8, folders) and bytes", () => {
    const entries = [
      { name: "manifest.json", bytes: enc.encode('{"a":1}') },
      { name: "notices/ebay-vero.txt", bytes: enc.encode("Überprüfung 商标") },
      { name: "empty.bin", bytes: new Uint8Array() },
      { name: "bin.dat", bytes: new Uint8Array(1000).map((_, i) => i & 0xff) },
    ];
    const read = readZip(writeZip(entries, new Date("2025-05-01T12:00:00Z")));
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    read.forEach((e, i) => {
      expect(e.bytes).toEqual(entries[i]?.bytes);
      expect(e.crcOk).toBe(true);
    });
  });

  it("is deterministic for the same entries and time", () => {
    const entries = [{ name: "a.txt", bytes: enc.encode("a") }];
    const when = new Date("2025-05-01T12:00:00Z");
    expect(writeZip(entries, when)).toEqual(writeZip(entries, when));
  });

  it("flags a changed byte through the CRC", () => {
    const zip = writeZip([{ name: "a.txt", bytes: enc.encode("hello") }]);
    const at = zip.indexOf("h".charCodeAt(0), 30);
    zip[at] = "j".charCodeAt(0);
    expect(readZip(zip)[0]?.crcOk).toBe(false);
  });

  it("refuses unsafe and duplicate names", () => {
    expect(() => writeZip([{ name: "../x", bytes: new Uint8Array() }])).toThrow(/unsafe/);
    expect(() => writeZip([{ name: "/etc/x", bytes: new Uint8Array() }])).toThrow(/unsafe/);
    const dup = { name: "a", bytes: new Uint8Array() };
    expect(() => writeZip([dup, dup])).toThrow(/duplicate/);
  });

  it("rejects what is not a ZIP", () => {
    expect(() => readZip(enc.encode("not a zip at all, just text........"))).toThrow(/not a ZIP/);
  });

  it("is read by Info-ZIP unzip, which checks CRCs", () => {
    const dir = mkdtempSync(join(tmpdir(), "zip-"));
    const file = join(dir, "t.zip");
    writeFileSync(file, writeZip([{ name: "d/hello.txt", bytes: enc.encode("hello zip") }]));
    execFileSync("unzip", ["-t", "-qq", file]);
    execFileSync("unzip", ["-qq", "-d", join(dir, "out"), file]);
    expect(readFileSync(join(dir, "out/d/hello.txt"), "utf8")).toBe("hello zip");
  });
});
