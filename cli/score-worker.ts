/**
 * A worker thread of `npm run score`: loads the compiled matcher from the
 * serialised bytes it is started with (and the time of the run's verdicts), then scores each batch it is sent and
 * posts the output back with the batch's sequence number.
 */
import { parentPort, workerData } from "node:worker_threads";
import { deserialize } from "../src/engine/index.ts";
import { scoreBatch } from "./lib/score-lines.ts";

export interface Batch {
  seq: number;
  /** 1-based number of the batch's first line in the input. */
  firstLine: number;
  lines: string[];
}

export interface Done {
  seq: number;
  out: string;
  records: number;
  errors: number;
}

if (parentPort) {
  const port = parentPort;
  const matcher = deserialize(workerData.matcher as Uint8Array);
  const now = workerData.now as string;
  port.on("message", (b: Batch) => {
    port.postMessage({ seq: b.seq, ...scoreBatch(b.lines, b.firstLine, matcher, now) } satisfies Done);
  });
}
