import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile, serialize } from "../../src/engine/compiler.ts";
import { deserialize, score } from "../../src/engine/index.ts";
import { testPack } from "../../src/engine/test-pack.ts";
import { emptyListing } from "../../src/shared/listing.ts";
import { validatePack } from "../../src/shared/pack-validate.ts";
import { compiledPacks } from "./compiled-cache.ts";

const TMP = mkdtempSync(join(tmpdir(), "copycatch-cache-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A pack file: the test pack, renamed so each test has its own, plus one malformed brand entry (a warning). */
function packFile(name: string, version = 3): string {
  const pack = testPack();
  const file = join(TMP, `${name}.json`);
  writeFileSync(file, JSON.stringify({ ...pack, id: `test.${name}`, version, brands: [...pack.brands, { id: 7 }] }));
  return file;
}

const quiet = () => {
  const heard: string[] = [];
  return { heard, warn: (t: string) => heard.push(t) };
};

describe("compiled rules kept between runs", () => {
  it("compiles once, then loads the same bytes; the packs' warnings are said on every run", () => {
    const dir = join(TMP, "once");
    const file = packFile("once");
    const w = quiet();
    const first = compiledPacks([file], dir, w.warn);
    const second = compiledPacks([file], dir, w.warn);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(first.warnings.length).toBeGreaterThan(0);
    expect(second.warnings).toEqual(first.warnings);
    expect(w.heard).toEqual([]);
    // The same as compiling without any cache.
    const fresh = compiledPacks([file], null, w.warn);
    expect(fresh.cached).toBe(false);
    expect(Buffer.from(fresh.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    const { pack } = validatePack(JSON.parse(readFileSync(file, "utf8")));
    expect(Buffer.from(serialize(compile([pack]))).equals(Buffer.from(first.bytes))).toBe(true);
    // The matcher handed back, just compiled or loaded from the kept form, is the one the bytes hold.
    expect(Buffer.from(serialize(first.matcher)).equals(Buffer.from(first.bytes))).toBe(true);
    expect(Buffer.from(serialize(second.matcher)).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it("compiles again when a pack changes", () => {
    const dir = join(TMP, "changed");
    const file = packFile("changed");
    const w = quiet();
    const before = compiledPacks([file], dir, w.warn);
    packFile("changed", 4);
    const after = compiledPacks([file], dir, w.warn);
    expect(after.cached).toBe(false);
    expect(Buffer.from(after.bytes).equals(Buffer.from(before.bytes))).toBe(false);
    expect(compiledPacks([file], dir, w.warn).cached).toBe(true);
  });

  it("replaces a damaged compiled form, saying so", () => {
    const dir = join(TMP, "damaged");
    const file = packFile("damaged");
    const w = quiet();
    const good = compiledPacks([file], dir, w.warn);
    const bin = readdirSync(dir).find((f) => f.endsWith(".bin")) ?? "";
    const bytes = readFileSync(join(dir, bin));
    const mid = bytes.length >> 1;
    bytes[mid] = (bytes[mid] ?? 0) ^ 0xff;
    writeFileSync(join(dir, bin), bytes);
    const again = compiledPacks([file], dir, w.warn);
    expect(again.cached).toBe(false);
    expect(w.heard.join("\n")).toMatch(/unreadable .*compiled again/);
    expect(Buffer.from(again.bytes).equals(Buffer.from(good.bytes))).toBe(true);
    expect(compiledPacks([file], dir, w.warn).cached).toBe(true);
  });

  it("goes on with the fresh compile when the cache cannot be written", () => {
    const blocked = join(TMP, "blocked");
    writeFileSync(blocked, "a file where the cache directory would be");
    const file = packFile("blocked");
    const w = quiet();
    const r = compiledPacks([file], join(blocked, "cache"), w.warn);
    expect(r.cached).toBe(false);
    expect(() => deserialize(r.bytes)).not.toThrow();
    expect(w.heard.join("\n")).toMatch(/not kept .*the next run compiles again/);
  });

  it("keeps the newest four compiled forms, no temporary files", () => {
    const dir = join(TMP, "pruned");
    const w = quiet();
    for (let v = 1; v <= 6; v++) compiledPacks([packFile("pruned", v)], dir, w.warn);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith(".bin"))).toHaveLength(4);
    expect(files.filter((f) => f.endsWith(".json"))).toHaveLength(4);
    expect(files.filter((f) => f.startsWith("."))).toEqual([]);
    // The newest is among them.
    expect(compiledPacks([packFile("pruned", 6)], dir, w.warn).cached).toBe(true);
  });

  it("carries no time: verdicts read ages against the time the caller gives", () => {
    const dir = join(TMP, "timeless");
    mkdirSync(dir);
    const m = deserialize(compiledPacks([packFile("timeless")], dir, quiet().warn).bytes);
    const listing = { ...emptyListing("https://www.amazon.com/dp/B0", "amazon"), title: "Nike shoes" };
    const seller = { name: "x", memberSince: "2026-11-20" };
    const at = (now: string) =>
      score({ ...listing, seller: { ...listing.seller, ...seller } as typeof listing.seller }, m, now).reasons.map(
        (r) => r.signal,
      );
    expect(at("2026-12-01T00:00:00Z")).toContain("seller-weak");
    expect(at("2030-12-01T00:00:00Z")).not.toContain("seller-weak");
  });
});
