import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../src/engine/compiler.ts";
import { linesOf, loadPack, scoreBatch, toBytes } from "./lib/score-lines.ts";
import { batches, type Options, run, startWorker } from "./score.ts";

const ROOT = join(import.meta.dirname, "..");
const TMP = mkdtempSync(join(tmpdir(), "copycatch-score-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** Real labeled records, cycled with fresh ids up to `n` lines. */
function records(n: number, extra: Record<string, unknown> = {}): string[] {
  const base = readFileSync(join(ROOT, "fixtures/labeled/dev.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return Array.from({ length: n }, (_, i) => JSON.stringify({ ...base[i % base.length], ...extra, id: `r${i}` }));
}

/** `npm run score` in a child process; stdout to a file. */
function runScore(
  input: string,
  args: string[],
): { out: string[]; stats: Record<string, number>; status: number | null } {
  const outFile = `${input}.out`;
  const fd = openSync(outFile, "w");
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "cli/score.ts"), input, "--stats", ...args], {
    cwd: ROOT,
    env: { ...process.env, COPYCATCH_CACHE_DIR: join(TMP, "cache") },
    stdio: ["ignore", fd, "pipe"],
    encoding: "utf8",
  });
  closeSync(fd);
  const lastLine = r.stderr.trim().split("\n").pop() ?? "{}";
  const out = readFileSync(outFile, "utf8").split("\n").filter(Boolean);
  rmSync(outFile);
  return { out, stats: JSON.parse(lastLine) as Record<string, number>, status: r.status };
}

describe("score: lines", () => {
  const matcher = compile([loadPack(join(ROOT, "public/packs/default.json"))]);

  it("answers every line in order: verdicts, one error record per malformed line, nothing for blank lines", () => {
    const good = records(2);
    const r = scoreBatch([good[0] ?? "", "{oops", "", "[1,2]", '{"id":"t","title":7}', good[1] ?? ""], 10, matcher);
    const out = r.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(["r0", 11, 13, "t", "r1"]);
    expect(out[0]?.verdict).toBeTruthy();
    expect(out[1]).toMatchObject({ line: 11, error: expect.stringMatching(/^not JSON/) });
    expect(out[2]).toMatchObject({ line: 13, error: "not a JSON object" });
    expect(out[3]).toMatchObject({ line: 14, error: "title: not a string" });
    expect(r).toMatchObject({ records: 5, errors: 3 });
  });

  it("reads a batch's lines and writes output lines as UTF-8, characters of every width kept", () => {
    const text = ["ascii", "Café 耐克 😀", "", "crlf"];
    expect(linesOf(Buffer.from(`${text.join("\n")}\r\n`))).toEqual(text);
    expect(linesOf(Buffer.from("a\nlast without LF"))).toEqual(["a", "last without LF"]);
    // Lines whose encoding outgrows the first guess (one byte per unit) make the buffer grow, never lose bytes.
    const wide = ["耐克".repeat(5000), "x", "😀".repeat(3000)];
    const bytes = toBytes(wide);
    expect(Buffer.from(bytes).toString("utf8")).toBe(`${wide.join("\n")}\n`);
    expect(linesOf(bytes)).toEqual(wide);
  });
});

describe("score: the command", () => {
  it("keeps input order with several workers and gives the same output as one worker", { timeout: 180_000 }, () => {
    const lines = records(2600);
    lines.splice(700, 0, "not json at all");
    lines.splice(1900, 0, "");
    const input = join(TMP, "order.jsonl");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const three = runScore(input, ["--workers", "3"]);
    const one = runScore(input, ["--workers", "1"]);
    expect(three.status).toBe(0);
    expect(three.out).toEqual(one.out);
    expect(three.out).toHaveLength(2601);
    const ids = three.out.map((l) => (JSON.parse(l) as { id: unknown }).id);
    const expected = lines
      .filter((l) => l.trim())
      .map((l) => (l.startsWith("{") ? (JSON.parse(l) as { id: string }).id : 701));
    expect(ids).toEqual(expected);
    expect(JSON.parse(three.out[700] ?? "{}")).toMatchObject({ line: 701, error: expect.stringMatching(/^not JSON/) });
    expect(three.stats).toMatchObject({ records: 2601, errors: 1 });
  });

  it("keeps memory flat: 400 MB of input costs about what 25 MB does", { timeout: 300_000 }, () => {
    // Each record carries an 8 KB field the scorer ignores: holding the input whole would add 375 MB or more. The heap's
    // own growth with the allocation rate added 34 to 80 MB in runs here, more under load: 200 MB is the bound.
    const padding = "x".repeat(8192);
    const medium = join(TMP, "medium.jsonl");
    const large = join(TMP, "large.jsonl");
    writeFileSync(medium, `${records(3_000, { padding }).join("\n")}\n`);
    const fd = openSync(large, "w");
    for (let part = 0; part < 10; part++) writeSync(fd, `${records(5_000, { padding }).join("\n")}\n`);
    closeSync(fd);
    // The compiled rules kept first, whichever tests ran before: no compile's peak in either run.
    const small = join(TMP, "small.jsonl");
    writeFileSync(small, `${records(1).join("\n")}\n`);
    runScore(small, ["--workers", "1"]);
    const a = runScore(medium, ["--workers", "1"]);
    rmSync(medium);
    const b = runScore(large, ["--workers", "1"]);
    rmSync(large);
    console.log(`peak RSS ${a.stats.maxRssMb} MB for 25 MB of input, ${b.stats.maxRssMb} MB for 400 MB`);
    expect(a.stats.records).toBe(3_000);
    expect(b.stats.records).toBe(50_000);
    expect(b.out).toHaveLength(50_000);
    expect(b.stats.maxRssMb ?? 0).toBeLessThan((a.stats.maxRssMb ?? 0) + 200);
  });

  it("scores the same from the kept compiled rules as from a fresh compile", { timeout: 120_000 }, () => {
    const input = join(TMP, "cached.jsonl");
    writeFileSync(input, `${records(600).join("\n")}\n`);
    const kept = runScore(input, ["--workers", "1"]);
    const fresh = runScore(input, ["--workers", "1", "--no-cache"]);
    expect(kept.status).toBe(0);
    expect(kept.out).toHaveLength(600);
    expect(kept.out).toEqual(fresh.out);
  });

  it("reads every verdict at the run's time", { timeout: 120_000 }, async () => {
    // A seller who joined 20 days ago is new today, whenever the kept rules were compiled.
    const joined = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const input = join(TMP, "time.jsonl");
    const line = {
      id: "t",
      url: "https://www.amazon.com/dp/B0",
      title: "Nike shoes",
      seller: { name: "x", memberSince: joined },
    };
    writeFileSync(input, `${JSON.stringify(line)}\n`);
    const r = runScore(input, ["--workers", "1"]);
    const verdict = (JSON.parse(r.out[0] ?? "{}") as { verdict: { reasons: { signal: string }[] } }).verdict;
    expect(verdict.reasons.map((x) => x.signal)).toContain("seller-weak");
  });
});

describe("score: reading lines", () => {
  /** The pieces `batches` cuts, batches read back as their lines (as a worker reads them). */
  const read = async (chunks: string[], o: { maxLine?: number; maxLines?: number; maxBytes?: number } = {}) => {
    const out: ({ firstLine: number; lines: string[] } | { long: number })[] = [];
    for await (const p of batches(chunks, o)) {
      if ("long" in p) out.push(p);
      else {
        const ls = linesOf(p.bytes);
        expect(ls).toHaveLength(p.lines);
        out.push({ firstLine: p.firstLine, lines: ls });
      }
    }
    return out;
  };

  it("joins lines split across chunks, drops CR before LF, numbers blank lines, keeps a last line without LF", async () => {
    expect(await read(['{"a"', ':1}\r\n\n{"b":2}\n{"c"', ":3}"])).toEqual([
      { firstLine: 1, lines: ['{"a":1}', "", '{"b":2}', '{"c":3}'] },
    ]);
  });

  it("cuts batches at a line count or a byte size, only between lines, numbering each batch's first line", async () => {
    expect(await read(["a\nb\nc\nd", "\ne\n"], { maxLines: 2 })).toEqual([
      { firstLine: 1, lines: ["a", "b"] },
      { firstLine: 3, lines: ["c", "d"] },
      { firstLine: 5, lines: ["e"] },
    ]);
    expect(await read(["aaaa\nbb", "bb\ncc\n"], { maxBytes: 6 })).toEqual([
      { firstLine: 1, lines: ["aaaa", "bbbb"] },
      { firstLine: 3, lines: ["cc"] },
    ]);
  });

  it("keeps a character whose UTF-8 bytes are split across chunks whole", async () => {
    const bytes = Buffer.from("Nike 耐克\nadidas\n");
    const chunks = [bytes.subarray(0, 6), bytes.subarray(6, 8), bytes.subarray(8)];
    const out: string[] = [];
    for await (const p of batches(chunks)) if (!("long" in p)) out.push(...linesOf(p.bytes));
    expect(out).toEqual(["Nike 耐克", "adidas"]);
  });

  it("gives an over-long line as its number without keeping it, then goes on", async () => {
    expect(await read(["short\nxxxxxx", "xxxxxxxx", "xxxx\nok\n", "yyyyyyyyyyyyyy\nz"], { maxLine: 8 })).toEqual([
      { firstLine: 1, lines: ["short"] },
      { long: 2 },
      { firstLine: 3, lines: ["ok"] },
      { long: 4 },
      { firstLine: 5, lines: ["z"] },
    ]);
  });
});

describe("score: dead workers", () => {
  const sink = () => {
    const chunks: string[] = [];
    const out = new Writable({
      write(c, _e, done) {
        chunks.push(String(c));
        done();
      },
    });
    return { out, lines: () => chunks.join("").split("\n").filter(Boolean) };
  };
  /** A worker that exits (code 3) as soon as it is sent a batch. */
  const dying = () =>
    new Worker('require("node:worker_threads").parentPort.on("message", () => process.exit(3));', { eval: true });
  const options = (file: string): Options => ({
    file,
    packs: [],
    workers: 1,
    progress: false,
    stats: false,
    cacheDir: join(TMP, "cache"),
  });

  it("replaces a worker that dies and scores its batches again: nothing lost, order kept", {
    timeout: 120_000,
  }, async () => {
    const input = join(TMP, "dies.jsonl");
    writeFileSync(input, `${records(1200).join("\n")}\n`);
    let started = 0;
    const a = sink();
    const r = await run(options(input), {
      out: a.out,
      start: (m, now) => (started++ === 0 ? dying() : startWorker(m, now)),
    });
    expect(started).toBe(2);
    expect(r).toMatchObject({ records: 1200, errors: 0 });
    const ids = a.lines().map((l) => JSON.parse(l) as { id: string; verdict?: unknown });
    expect(ids.map((o) => o.id)).toEqual(records(1200).map((l) => (JSON.parse(l) as { id: string }).id));
    expect(ids.every((o) => o.verdict)).toBe(true);
  });

  it("answers the lines of a batch that killed two workers with error records", { timeout: 60_000 }, async () => {
    const input = join(TMP, "kills-two.jsonl");
    writeFileSync(input, `${records(50).join("\n")}\n`);
    const a = sink();
    const r = await run(options(input), { out: a.out, start: dying });
    expect(r).toMatchObject({ records: 50, errors: 50 });
    const out = a.lines().map((l) => JSON.parse(l) as { line: number; error: string });
    expect(out.map((o) => o.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(out.every((o) => o.error === "worker stopped: exit code 3")).toBe(true);
  });

  it("stops with a clear error when workers keep dying", { timeout: 60_000 }, async () => {
    const input = join(TMP, "always-dies.jsonl");
    writeFileSync(input, `${records(2000).join("\n")}\n`);
    await expect(run(options(input), { out: sink().out, start: dying })).rejects.toThrow(
      /worker threads keep stopping/,
    );
  });
});
