/**
 * `npm run -s score -- FILE.jsonl [--pack PACK.json]... [--workers N] [--progress] [--stats] [--no-cache]`
 *
 * One listing record per line in (missing fields filled from emptyListing,
 * marketplace inferred from the URL when absent; FILE "-" reads stdin), one
 * {"id", "verdict"} per line out, in input order. A line that cannot be
 * scored (not JSON, not an object, a field of the wrong type, longer than
 * MAX_LINE) gives {"id", "line", "error"} and the run goes on. Default pack:
 * public/packs/default.json.
 *
 * Streams: the input is read in chunks and cut into batches of lines; at most
 * two batches per worker are in flight and output waits for stdout to drain,
 * so memory stays bounded whatever the input size. Batches are scored on N
 * worker threads (default: os.availableParallelism()), each holding the
 * compiled matcher loaded from its serialised form, and written in input
 * order. A worker that dies is replaced and its batches sent again once;
 * if they kill a second worker too, their lines get error records.
 * Progress goes to stderr when stderr is a terminal or with --progress;
 * --stats prints {lines, records, errors, ms, maxRssMb} to stderr at the end.
 * The packs' compiled form is kept between runs (lib/compiled-cache.ts; in
 * COPYCATCH_CACHE_DIR, else node_modules/.cache/copycatch-score; --no-cache
 * compiles afresh and keeps nothing). Every verdict of a run is read at the
 * run's start time.
 */
import { createReadStream } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { isCommand } from "../src/shared/run-as-command.node.ts";
import { bundleForNode } from "./lib/bundle.ts";
import { cacheDirFromEnv, compiledPacks } from "./lib/compiled-cache.ts";
import { errorRecord } from "./lib/score-lines.ts";
import type { Batch, Done } from "./score-worker.ts";

export { loadPack, toListing } from "./lib/score-lines.ts";

const DEFAULT_PACK = join(import.meta.dirname, "..", "public", "packs", "default.json");
/** Lines per batch, and bytes: enough to amortise messaging, small enough to keep memory flat. */
const BATCH_LINES = 500;
const BATCH_BYTES = 256 << 10;
/** How many times, per worker, a dead worker is replaced before the run stops. */
const MAX_REPLACED_PER_WORKER = 3;
/** A longer line is not read into memory: it gets an error record. */
export const MAX_LINE = 16 << 20;

export interface Options {
  file: string;
  packs: string[];
  workers: number;
  progress: boolean;
  stats: boolean;
  /** Where compiled rules are kept between runs (compiled-cache.ts); null: compile every run (--no-cache). */
  cacheDir: string | null;
}

/** Where output goes and how workers start; the command uses stdout and startWorker, tests their own. */
export interface Io {
  out: NodeJS.WritableStream & { writableNeedDrain: boolean };
  start: (matcher: Uint8Array, now: string) => Worker;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = {
    file: "",
    packs: [],
    workers: availableParallelism(),
    progress: false,
    stats: false,
    cacheDir: cacheDirFromEnv(),
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--pack") o.packs.push(args[++i] ?? "");
    else if (a === "--workers") {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 256)
        return `--workers wants a whole number from 1 to 256, not "${args[i]}"`;
      o.workers = n;
    } else if (a === "--progress") o.progress = true;
    else if (a === "--stats") o.stats = true;
    else if (a === "--no-cache") o.cacheDir = null;
    else if (a.startsWith("--")) return `unknown option ${a}`;
    else if (o.file) return `one input file only (got "${o.file}" and "${a}")`;
    else o.file = a;
  }
  if (!o.file) return "no input file";
  return o;
}

/** The worker's code when the command runs from TypeScript: bundled once, in memory (lib/bundle.ts). */
let workerBundle: string | null = null;

function bundledWorker(file: string): string {
  workerBundle ??= bundleForNode(file);
  if (!workerBundle) throw new Error(`could not bundle the worker ${file}`);
  return workerBundle;
}

/** Built output starts the built worker; from TypeScript, the worker runs as one bundle (bundledWorker). */
export function startWorker(matcher: Uint8Array, now: string): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./score-worker.js", import.meta.url), { workerData: { matcher, now } });
  return new Worker(bundledWorker(fileURLToPath(new URL("./score-worker.ts", import.meta.url))), {
    eval: true,
    workerData: { matcher, now },
  });
}

const withoutCr = (s: string) => (s.charCodeAt(s.length - 1) === 13 ? s.slice(0, -1) : s);

/**
 * Input lines with their 1-based numbers, read chunk by chunk (each chunk
 * searched once); a line longer than `maxLine` comes back as null, unread.
 */
export async function* lines(
  input: AsyncIterable<string | Buffer> | Iterable<string>,
  maxLine = MAX_LINE,
): AsyncGenerator<{ text: string | null; line: number }> {
  let rest = "";
  let line = 0;
  let skipping = false;
  for await (const chunk of input) {
    const c = String(chunk);
    let nl = c.indexOf("\n");
    if (nl < 0) {
      if (skipping) continue;
      rest += c;
      if (rest.length > maxLine) {
        yield { text: null, line: line + 1 };
        skipping = true;
        rest = "";
      }
      continue;
    }
    line++;
    const first = rest + c.slice(0, nl);
    if (skipping) skipping = false;
    else if (first.length > maxLine) yield { text: null, line };
    else yield { text: withoutCr(first), line };
    let start = nl + 1;
    for (nl = c.indexOf("\n", start); nl >= 0; nl = c.indexOf("\n", start)) {
      line++;
      yield nl - start > maxLine ? { text: null, line } : { text: withoutCr(c.slice(start, nl)), line };
      start = nl + 1;
    }
    rest = c.slice(start);
    if (rest.length > maxLine) {
      yield { text: null, line: line + 1 };
      skipping = true;
      rest = "";
    }
  }
  if (!skipping && rest.length > 0) yield { text: withoutCr(rest), line: line + 1 };
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Batch>;
}

export async function run(
  o: Options,
  io: Io = { out: process.stdout, start: startWorker },
): Promise<{ lines: number; records: number; errors: number }> {
  const t0 = performance.now();
  // The time of every verdict of the run: the compiled rules carry none, and may come from an earlier run's cache.
  const now = new Date().toISOString();
  const { bytes: compiled, warnings } = compiledPacks(o.packs.length ? o.packs : [DEFAULT_PACK], o.cacheDir, (t) =>
    console.error(`score: ${t}`),
  );
  for (const w of warnings) console.error(w);
  const out = io.out;
  const pending = new Map<number, string>();
  let nextOut = 0;
  let totalLines = 0;
  let records = 0;
  let errors = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const retried = new Set<number>();
  let replaced = 0;
  const slots: Slot[] = [];
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const flush = () => {
    for (let s = pending.get(nextOut); s !== undefined; s = pending.get(nextOut)) {
      pending.delete(nextOut++);
      if (s) out.write(s);
    }
  };
  const finish = (d: Done) => {
    records += d.records;
    errors += d.errors;
    pending.set(d.seq, d.out);
    flush();
  };
  const spawn = (): Slot => {
    const slot: Slot = { worker: io.start(compiled, now), inFlight: new Map() };
    slot.worker.on("message", (d: Done) => {
      slot.inFlight.delete(d.seq);
      finish(d);
      notify();
    });
    const lost = (why: string) => {
      const i = slots.indexOf(slot);
      if (i < 0) return;
      slots.splice(i, 1);
      if (++replaced > MAX_REPLACED_PER_WORKER * o.workers) {
        // Workers that keep dying (a broken install, not a bad line): stop rather than loop.
        failure = new Error(`worker threads keep stopping (${why})`);
        notify();
        return;
      }
      const again = spawn();
      slots.push(again);
      for (const b of slot.inFlight.values()) {
        if (retried.has(b.seq)) {
          const text = b.lines
            .map((l, k) => (l.trim() ? `${errorRecord(b.firstLine + k, `worker stopped: ${why}`)}\n` : ""))
            .join("");
          const n = b.lines.filter((l) => l.trim()).length;
          finish({ seq: b.seq, out: text, records: n, errors: n });
        } else {
          retried.add(b.seq);
          again.inFlight.set(b.seq, b);
          again.worker.postMessage(b);
        }
      }
      notify();
    };
    slot.worker.on("error", (e) => lost(e.message));
    slot.worker.on("exit", (code) => {
      if (code !== 0) lost(`exit code ${code}`);
    });
    return slot;
  };
  for (let i = 0; i < o.workers; i++) slots.push(spawn());

  const waitFor = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (failure || ready()) resolve();
        else wake = check;
      };
      check();
    });
  out.on("drain", notify);
  out.on("error", (e: NodeJS.ErrnoException) => {
    failure = e;
    notify();
  });

  const showProgress = o.progress || process.stderr.isTTY === true;
  const progress = showProgress
    ? setInterval(() => {
        const s = (performance.now() - t0) / 1000;
        const text = `score: ${totalLines} lines read, ${records} written, ${Math.round(records / s)} lines/s`;
        process.stderr.write(process.stderr.isTTY ? `\r${text}` : `${text}\n`);
      }, 1000)
    : null;
  progress?.unref();

  const dispatch = async (b: Batch) => {
    await waitFor(() => !out.writableNeedDrain && slots.some((s) => s.inFlight.size < 2));
    if (failure) throw failure;
    const slot = slots.reduce((a, s) => (s.inFlight.size < a.inFlight.size ? s : a));
    slot.inFlight.set(b.seq, b);
    slot.worker.postMessage(b);
  };

  const input = o.file === "-" ? process.stdin : createReadStream(o.file);
  input.setEncoding("utf8");
  let nextSeq = 0;
  const newBatch = (firstLine: number): Batch => ({ seq: nextSeq++, firstLine, lines: [] });
  let batch = newBatch(1);
  let bytes = 0;
  try {
    for await (const { text, line } of lines(input)) {
      totalLines = line;
      if (text === null) {
        // An over-long line is answered here, in its place in the output, without reading it.
        if (batch.lines.length) {
          await dispatch(batch);
          batch = newBatch(line);
        }
        finish({
          seq: batch.seq,
          out: `${errorRecord(line, `line longer than ${MAX_LINE} characters: not read`)}\n`,
          records: 1,
          errors: 1,
        });
        batch = newBatch(line + 1);
        bytes = 0;
        continue;
      }
      if (batch.lines.length === 0) batch.firstLine = line;
      batch.lines.push(text);
      bytes += text.length;
      if (batch.lines.length >= BATCH_LINES || bytes >= BATCH_BYTES) {
        await dispatch(batch);
        batch = newBatch(line + 1);
        bytes = 0;
      }
    }
    if (batch.lines.length) await dispatch(batch);
    flush();
    await waitFor(() => slots.every((s) => s.inFlight.size === 0));
    if (failure) throw failure;
  } finally {
    if (progress) {
      clearInterval(progress);
      if (process.stderr.isTTY) process.stderr.write("\n");
    }
    await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
  }
  flush();
  await new Promise<void>((resolve) => (out.writableNeedDrain ? out.once("drain", resolve) : resolve()));
  if (o.stats) {
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.error(
      JSON.stringify({ lines: totalLines, records, errors, ms: Math.round(performance.now() - t0), maxRssMb }),
    );
  }
  return { lines: totalLines, records, errors };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (typeof o === "string") {
    console.error(
      `score: ${o}\nusage: npm run -s score -- FILE.jsonl [--pack PACK.json]... [--workers N] [--progress] [--stats] [--no-cache]`,
    );
    process.exit(2);
  }
  try {
    await run(o);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "EPIPE") return;
    console.error(`score: ${e.message}`);
    process.exit(1);
  }
}

if (isCommand(import.meta.url)) await main();
