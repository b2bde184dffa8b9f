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
 * Streams: the input is read in chunks and cut into batches of whole lines, as
 * bytes (workers decode and split them); at most
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
import { bundleForNode, bundleForNodeKept } from "./lib/bundle.ts";
import { cacheDirFromEnv, compiledPacks } from "./lib/compiled-cache.ts";
import { errorRecord, linesOf } from "./lib/score-lines.ts";
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

/** The worker's code, from the bundle kept in `dir` when its files have not changed (lib/bundle.ts bundleForNodeKept). */
function keptWorker(dir: string | null): void {
  if (!import.meta.url.endsWith(".ts") || workerBundle) return;
  const text = bundleForNodeKept(fileURLToPath(new URL("./score-worker.ts", import.meta.url)), dir);
  if (text) workerBundle = text;
}

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

/** One piece of the input, in order: whole lines as bytes (a batch), or the number of a line too long to read. */
export type Piece = { firstLine: number; lines: number; bytes: Uint8Array } | { long: number };

/**
 * The input cut into batches of whole lines, as bytes: at most `maxLines` lines and about `maxBytes` bytes each, cut
 * only at a line feed (never inside a UTF-8 character), lines numbered from 1. The bytes go to a worker as they are:
 * the reading thread neither decodes nor splits them. A line longer than `maxLine` bytes is not kept: it comes back
 * as `{long}` in its place, and reading goes on after it. A last line without a line feed is a line.
 */
export async function* batches(
  input: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  { maxLine = MAX_LINE, maxLines = BATCH_LINES, maxBytes = BATCH_BYTES } = {},
): AsyncGenerator<Piece> {
  let parts: Uint8Array[] = []; // the current batch's bytes, whole lines only
  let partBytes = 0;
  let count = 0; // lines in the current batch
  let line = 0; // lines read so far (kept, long or skipped)
  let carry: Uint8Array[] = []; // the current line's bytes from earlier chunks
  let carryBytes = 0;
  let first = 1; // the current batch's first line
  let skipping = false; // inside a long line already answered
  const keep = (b: Uint8Array) => {
    if (b.length === 0) return;
    parts.push(b);
    partBytes += b.length;
  };
  const take = (): Piece => {
    const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts, partBytes);
    const piece = { firstLine: first, lines: count, bytes };
    parts = [];
    partBytes = 0;
    count = 0;
    return piece;
  };
  for await (const chunk of input) {
    const c =
      typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let s = 0; // where the current line starts in c
    let run = 0; // where the batch's bytes from c start
    for (let nl = c.indexOf(10); nl >= 0; nl = c.indexOf(10, s)) {
      line++;
      if (skipping) {
        skipping = false;
        run = nl + 1;
      } else if (carryBytes + nl - s > maxLine) {
        keep(c.subarray(run, s));
        if (count) yield take();
        yield { long: line };
        run = nl + 1;
      } else {
        if (count++ === 0) first = line;
        for (const b of carry) keep(b);
      }
      carry = [];
      carryBytes = 0;
      s = nl + 1;
      if (count >= maxLines || (count > 0 && partBytes + s - run >= maxBytes)) {
        keep(c.subarray(run, s));
        run = s;
        yield take();
      }
    }
    keep(c.subarray(run, s));
    if (skipping || s === c.length) continue;
    carry.push(c.subarray(s));
    carryBytes += c.length - s;
    if (carryBytes > maxLine) {
      if (count) yield take();
      yield { long: line + 1 };
      skipping = true;
      carry = [];
      carryBytes = 0;
    }
  }
  if (carryBytes) {
    line++;
    if (count++ === 0) first = line;
    for (const b of carry) keep(b);
  }
  if (count) yield take();
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
  if (io.start === startWorker) keptWorker(o.cacheDir);
  const out = io.out;
  const pending = new Map<number, string | Uint8Array>();
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
      if (s.length) out.write(s);
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
          const batchLines = linesOf(b.bytes);
          const text = batchLines
            .map((l, k) => (l.trim() ? `${errorRecord(b.firstLine + k, `worker stopped: ${why}`)}\n` : ""))
            .join("");
          const n = batchLines.filter((l) => l.trim()).length;
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
  let nextSeq = 0;
  try {
    for await (const piece of batches(input)) {
      if ("long" in piece) {
        // An over-long line is answered here, in its place in the output, without reading it.
        totalLines = piece.long;
        finish({
          seq: nextSeq++,
          out: `${errorRecord(piece.long, `line longer than ${MAX_LINE} bytes: not read`)}\n`,
          records: 1,
          errors: 1,
        });
        continue;
      }
      totalLines = piece.firstLine + piece.lines - 1;
      await dispatch({ seq: nextSeq++, firstLine: piece.firstLine, bytes: piece.bytes });
    }
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
