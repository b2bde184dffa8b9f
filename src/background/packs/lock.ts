/**
 * One writer at a time for the pack set inside this worker: a commit reads
 * the packs, compiles outside any transaction, then writes in one
 * transaction; two interleaved commits would each drop the other's change.
 * (Only the service worker writes packs; extension pages go through messages.)
 */
let tail: Promise<unknown> = Promise.resolve();

export function withPackLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
