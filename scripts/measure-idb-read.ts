/**
 * How long a freshly started extension service worker takes to read the compiled rules back from IndexedDB,
 * stored as a Uint8Array (compiled format 11 and before) and as a Blob (format 12 and later): the default pack's
 * compiled record, and the same with BRANDS generated brands (src/shared/big-pack.node.ts, 20 patterns each; in
 * format 13 the default 1,000 make a 7.1 MB record, the cold-start test's 10,000 smaller brands 8.5 MB). Each run stops every service
 * worker through CDP, wakes the extension's worker with a new page and times, inside it, the database opened, the
 * record read and, for a Blob, its bytes read. The kinds are interleaved; the medians are printed. Run `npm run build`
 * first. A database of its own ("copycatch-measure") is used, not the extension's.
 *
 *   npx tsx scripts/measure-idb-read.ts [RUNS] [BRANDS]
 */
import { readFileSync } from "node:fs";
import type { Worker } from "@playwright/test";
import { compile, serialize } from "../src/engine/compiler.ts";
import { bigPack } from "../src/shared/big-pack.node.ts";
import { validatePack } from "../src/shared/pack-validate.ts";
import { DEFAULT_PACK_FILE } from "./build-default-pack.ts";
import { launchWithExtension } from "./lib/browser.ts";

const runs = Number(process.argv[2] ?? 5);
const brands = Number(process.argv[3] ?? 1_000);
const { pack } = validatePack(JSON.parse(readFileSync(DEFAULT_PACK_FILE, "utf8")));
const records = [
  { label: "default pack", bytes: serialize(compile([pack])) },
  { label: `default + ${brands.toLocaleString("en")} brands`, bytes: serialize(compile([pack, bigPack("x", brands)])) },
];

// Written out as source text: the worker runs it as it is (no bundler helpers in the page).
const STORE_SRC = `async ({ i, b64 }) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open("copycatch-measure", 1);
    r.onupgradeneeded = () => r.result.createObjectStore("r");
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  await new Promise((ok, fail) => {
    const tx = db.transaction("r", "readwrite");
    tx.objectStore("r").put({ bytes }, "u8-" + i);
    tx.objectStore("r").put({ blob: new Blob([bytes]) }, "blob-" + i);
    tx.oncomplete = ok;
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}`;
const READ_SRC = `async ({ key }) => {
  const t0 = performance.now();
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open("copycatch-measure", 1);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const v = await new Promise((ok, fail) => {
    const q = db.transaction("r").objectStore("r").get(key);
    q.onsuccess = () => ok(q.result);
    q.onerror = () => fail(q.error);
  });
  const n = v.blob ? new Uint8Array(await v.blob.arrayBuffer()).length : v.bytes.length;
  db.close();
  return { ms: performance.now() - t0, n };
}`;

const call = <T>(w: Worker, src: string, arg: unknown) => w.evaluate(`(${src})(${JSON.stringify(arg)})`) as Promise<T>;

const ext = await launchWithExtension();

/** The worker started since the last read: the one without the mark a read leaves. */
async function freshWorker(): Promise<Worker> {
  for (let tries = 0; tries < 100; tries++) {
    for (const w of ext.context.serviceWorkers().toReversed()) {
      if ((await w.evaluate("globalThis.measured === undefined").catch(() => false)) === true) return w;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no new service worker started");
}

try {
  const page = await ext.context.newPage();
  await page.goto("about:blank");
  for (const [i, r] of records.entries()) {
    await call(await ext.serviceWorker(), STORE_SRC, { i, b64: Buffer.from(r.bytes).toString("base64") });
  }
  await (await ext.serviceWorker()).evaluate("globalThis.measured = true");
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  const times = new Map<string, number[]>();
  for (let run = 0; run < runs; run++) {
    for (const [i, r] of records.entries()) {
      for (const kind of ["u8", "blob"]) {
        await cdp.send("ServiceWorker.stopAllWorkers");
        await page.waitForTimeout(300);
        // Any new page wakes the worker (its tabs.onUpdated listener).
        await page.goto(`data:text/html,<p>${run}-${i}-${kind}</p>`);
        const woken = await freshWorker();
        const { ms, n } = await call<{ ms: number; n: number }>(woken, READ_SRC, { key: `${kind}-${i}` });
        await woken.evaluate("globalThis.measured = true");
        if (n !== r.bytes.length) throw new Error(`${kind}-${i}: read ${n} bytes of ${r.bytes.length}`);
        const label = `${r.label} (${(r.bytes.length / 1e6).toFixed(1)} MB) as ${kind === "u8" ? "Uint8Array" : "Blob"}`;
        times.set(label, [...(times.get(label) ?? []), ms]);
      }
    }
  }
  for (const [label, ms] of times) {
    const sorted = [...ms].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1] ?? Number.NaN;
    console.log(`${label}: median ${median.toFixed(1)} ms (runs: ${ms.map((m) => m.toFixed(0)).join(", ")})`);
  }
} finally {
  await ext.close();
}
