/** `npm run scan` judges a page as the extension does: at the time of the scan, not the time its rules compiled. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { testPack } from "../src/engine/test-pack.ts";
import { emptyListing, emptySeller } from "../src/shared/listing.ts";
import type { Verdict } from "../src/shared/verdict.ts";
import { loadScorer } from "./scan.ts";

const TMP = mkdtempSync(join(tmpdir(), "copycatch-scan-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

const joined = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

const listing = (memberSince: string) => ({
  ...emptyListing("https://www.ebay.com/itm/1", "ebay"),
  title: "Nike Air Force 1 sneakers",
  seller: { ...emptySeller(), name: "x", memberSince },
});

/** What the scan said on stderr while `f` ran. */
async function stderrOf<T>(f: () => Promise<T>): Promise<{ value: T; said: string[] }> {
  const said: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    said.push(args.join(" "));
  });
  return { value: await f(), said };
}

describe("scan: the verdict", () => {
  it("reads a seller's age against today", { timeout: 60_000 }, async () => {
    const scorer = await loadScorer({ cacheDir: join(TMP, "default-cache") });
    expect(scorer).not.toBeNull();
    const verdict = scorer?.(listing(joined(20))) as Verdict;
    expect(verdict.reasons.map((r) => r.signal)).toContain("seller-weak");
  });

  it("validates the pack as the score command does: its warnings on stderr", { timeout: 60_000 }, async () => {
    const pack = testPack();
    const file = join(TMP, "warned.json");
    writeFileSync(file, JSON.stringify({ ...pack, brands: [...pack.brands, { id: 7 }] }));
    const { value: scorer, said } = await stderrOf(() => loadScorer({ pack: file, cacheDir: null }));
    expect(scorer).not.toBeNull();
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((s) => s.startsWith(`pack ${file}: `))).toBe(true);
  });

  it("gives no verdict, and says why, for a pack that is not valid", async () => {
    const file = join(TMP, "invalid.json");
    writeFileSync(file, JSON.stringify({ ...testPack(), format: 99 }));
    const { value: scorer, said } = await stderrOf(() => loadScorer({ pack: file, cacheDir: null }));
    expect(scorer).toBeNull();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^scan: no verdict \(format: .+\)$/);
  });

  it("gives no verdict, and says why, for a pack that is not JSON or not there", async () => {
    const file = join(TMP, "broken.json");
    writeFileSync(file, "{ not json");
    const broken = await stderrOf(() => loadScorer({ pack: file, cacheDir: null }));
    expect(broken.value).toBeNull();
    expect(broken.said).toEqual([expect.stringMatching(/^scan: no verdict \(.*JSON.*\)$/)]);
    vi.restoreAllMocks();
    const missing = await stderrOf(() => loadScorer({ pack: join(TMP, "none.json"), cacheDir: null }));
    expect(missing.value).toBeNull();
    expect(missing.said).toEqual([`scan: no verdict (${join(TMP, "none.json")} missing)`]);
  });

  it("keeps the compiled rules, and judges the same from them", { timeout: 60_000 }, async () => {
    const file = join(TMP, "kept.json");
    writeFileSync(file, JSON.stringify(testPack()));
    const dir = join(TMP, "kept-cache");
    const fresh = await loadScorer({ pack: file, cacheDir: null });
    const first = await loadScorer({ pack: file, cacheDir: dir });
    expect(readdirSync(dir).filter((f) => f.endsWith(".bin"))).toHaveLength(1);
    const kept = await loadScorer({ pack: file, cacheDir: dir });
    const l = listing(joined(20));
    const verdict = fresh?.(l) as Verdict;
    expect(verdict.reasons.length).toBeGreaterThan(0);
    expect(first?.(l)).toEqual(verdict);
    expect(kept?.(l)).toEqual(verdict);
  });
});
