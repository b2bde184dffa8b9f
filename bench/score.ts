/**
 * `npm run -s bench:score -- [--lines N] [--workers N] [--json]`: throughput
 * and peak memory of `npm run score` on N lines (default 200,000: the real
 * labeled records of fixtures/labeled cycled with fresh ids), measured side by
 * side with the floor: a plain streaming JSON read-and-write of the same lines
 * (readline, JSON.parse, JSON.stringify, write; one thread). Both run as child
 * processes started the same way (node + tsx), output to /dev/null; wall time
 * from spawn to exit, so start-up and pack compilation count. Prints lines/s,
 * the ratio score / floor (target: within 3x) and each one's peak RSS. Score runs twice on an empty cache: the
 * first run compiles the packs and keeps their compiled form, the next loads it; both are printed.
 */
import { spawnSync } from "node:child_process";
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const ROOT = join(import.meta.dirname, "..");
const TARGET_RATIO = 3;

/** The floor: read each line, parse it, write it back as JSON. */
async function floor(file: string): Promise<void> {
  const t0 = performance.now();
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    lines++;
    const s = `${JSON.stringify(JSON.parse(line))}\n`;
    if (!process.stdout.write(s)) await new Promise((r) => process.stdout.once("drain", r));
  }
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.error(JSON.stringify({ lines, ms: Math.round(performance.now() - t0), maxRssMb }));
}

function labeledLines(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), "utf8")
        .split("\n")
        .filter((l) => l.trim()),
    );
}

function writeInput(file: string, n: number): number {
  const base = labeledLines(join(ROOT, "fixtures", "labeled")).map((l) => JSON.parse(l) as Record<string, unknown>);
  const fd = openSync(file, "w");
  let bytes = 0;
  let chunk = "";
  for (let i = 0; i < n; i++) {
    chunk += `${JSON.stringify({ ...base[i % base.length], id: `bench-${i}` })}\n`;
    if (chunk.length > 1 << 20 || i === n - 1) {
      bytes += writeSync(fd, chunk);
      chunk = "";
    }
  }
  closeSync(fd);
  return bytes;
}

interface Run {
  wallMs: number;
  linesPerSecond: number;
  maxRssMb: number;
}

function timed(args: string[], lines: number, env: Record<string, string> = {}): Run {
  const out = openSync("/dev/null", "w");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", out, "pipe"],
    encoding: "utf8",
  });
  const wallMs = performance.now() - t0;
  closeSync(out);
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  const stats = JSON.parse(r.stderr.trim().split("\n").pop() ?? "{}") as { maxRssMb: number; lines: number };
  if (stats.lines !== lines) throw new Error(`${args.join(" ")} read ${stats.lines} lines, not ${lines}`);
  return { wallMs: Math.round(wallMs), linesPerSecond: Math.round(lines / (wallMs / 1000)), maxRssMb: stats.maxRssMb };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (args[0] === "--floor" && args[1]) return floor(args[1]);
  const lines = Number(at("--lines") ?? 200_000);
  const workers = Number(at("--workers") ?? availableParallelism());
  const dir = mkdtempSync(join(tmpdir(), "copycatch-bench-score-"));
  try {
    const input = join(dir, "listings.jsonl");
    const bytes = writeInput(input, lines);
    const floorRun = timed([join(ROOT, "bench/score.ts"), "--floor", input], lines);
    // A first run compiles the packs and keeps their compiled form; the next loads it (cli/lib/compiled-cache.ts).
    const scoreArgs = [join(ROOT, "cli/score.ts"), input, "--stats", "--workers", String(workers)];
    const cache = { COPYCATCH_CACHE_DIR: join(dir, "cache") };
    const firstRun = timed(scoreArgs, lines, cache);
    const scoreRun = timed(scoreArgs, lines, cache);
    const ratioOf = (r: Run) => Math.round((r.wallMs / floorRun.wallMs) * 100) / 100;
    const ratio = ratioOf(scoreRun);
    const firstRatio = ratioOf(firstRun);
    const result = {
      lines,
      inputMb: Math.round(bytes / 1e5) / 10,
      workers,
      cores: availableParallelism(),
      floor: floorRun,
      score: scoreRun,
      ratio,
      /** The first run of a pack: it compiles the packs (about 0.6 s) before scoring. */
      first: firstRun,
      firstRatio,
      targetRatio: TARGET_RATIO,
      /** Hours for a billion listings at the measured rate, on this machine. */
      hoursPerBillion: Math.round((1e9 / scoreRun.linesPerSecond / 3600) * 10) / 10,
    };
    if (args.includes("--json")) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log(`${lines} lines (${result.inputMb} MB), ${workers} workers on ${result.cores} cores`);
    console.log(
      `  floor (read + JSON.parse + JSON.stringify + write): ${floorRun.wallMs} ms, ${floorRun.linesPerSecond} lines/s, peak RSS ${floorRun.maxRssMb} MB`,
    );
    console.log(
      `  score, first run (compiles the packs):              ${firstRun.wallMs} ms, ${firstRun.linesPerSecond} lines/s, peak RSS ${firstRun.maxRssMb} MB`,
    );
    console.log(
      `  score, next run (compiled rules kept):              ${scoreRun.wallMs} ms, ${scoreRun.linesPerSecond} lines/s, peak RSS ${scoreRun.maxRssMb} MB`,
    );
    const verdict = (r: number) => `${r}x (target ≤ ${TARGET_RATIO}x) ${r <= TARGET_RATIO ? "met" : "NOT MET"}`;
    console.log(`  ratio score / floor: first run ${verdict(firstRatio)}; next run ${verdict(ratio)}`);
    console.log(`  at this rate a billion listings take ${result.hoursPerBillion} h on this machine`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
