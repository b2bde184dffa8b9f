/**
 * A worker thread of `npm run score`: loads the compiled matcher from the
 * serialised bytes it is started with (and the time of the run's verdicts), then scores each batch it is sent (whole
 * lines as bytes: the reading thread neither decodes nor splits them) and posts the output back, as bytes, with the
 * batch's sequence number.
 */
import { parentPort, workerData } from "node:worker_threads";
import { deserialize } from "../src/engine/index.ts";
import { linesOf, scoreBatch, toBytes } from "./lib/score-lines.ts";

export interface Batch {
  seq: number;
  /** 1-based number of the batch's first line in the input. */
  firstLine: number;
  /** Whole lines, as read (UTF-8). */
  bytes: Uint8Array;
}

export interface Done {
  seq: number;
  /** Output lines, UTF-8 from a worker (sent without a copy), or text written by the command itself. */
  out: Uint8Array | string;
  records: number;
  errors: number;
}

if (parentPort) {
  const port = parentPort;
  const matcher = deserialize(workerData.matcher as Uint8Array);
  const now = workerData.now as string;
  port.on("message", (b: Batch) => {
    const r = scoreBatch(linesOf(b.bytes), b.firstLine, matcher, now);
    const out = toBytes(r.out);
    port.postMessage({ seq: b.seq, out, records: r.records, errors: r.errors } satisfies Done, [
      out.buffer as ArrayBuffer,
    ]);
  });
}
