/**
 * Collects the error text Chromium and Firefox give a page for each kind of
 * failed request, as they are, into src/shared/failure-samples.json (the
 * classifier's test reads them): a closed port, an unknown host name, a
 * certificate the browser refuses, an abort, a timeout and a refused redirect.
 * Everything is local: loopback servers and the reserved `.invalid` domain.
 *
 *   npx tsx scripts/collect-failure-texts.ts
 */
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import puppeteer from "puppeteer-core";
import { chromiumPath, ROOT } from "./lib/browser.ts";
import { selfSigned } from "./lib/self-signed.ts";

const OUT = join(ROOT, "src/shared/failure-samples.json");

async function listen(server: ReturnType<typeof createServer>): Promise<number> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

/** What each case runs in the page: the thrown error's name and message, or "no error". */
function cases(ports: { page: number; closed: number; tls: number }) {
  const base = `http://127.0.0.1:${ports.page}`;
  return {
    connectionRefused: { url: `http://127.0.0.1:${ports.closed}/`, init: {} },
    unknownHost: { url: "http://copycatch-no-such-host.invalid/", init: {} },
    badCertificate: { url: `https://127.0.0.1:${ports.tls}/`, init: {} },
    aborted: { url: `${base}/hang`, init: { abort: true } },
    timedOut: { url: `${base}/hang`, init: { timeout: 300 } },
    redirectRefused: { url: `${base}/redirect`, init: { redirect: "error" } },
  };
}

/** Runs in the page. */
async function attempt(c: { url: string; init: { abort?: boolean; timeout?: number; redirect?: string } }) {
  const controller = new AbortController();
  const signal = c.init.timeout ? AbortSignal.timeout(c.init.timeout) : controller.signal;
  if (c.init.abort) setTimeout(() => controller.abort(), 100);
  try {
    await fetch(c.url, { signal, redirect: (c.init.redirect ?? "follow") as RequestRedirect });
    return { name: "", message: "no error" };
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
}

async function main() {
  const page = createServer((req, res) => {
    if (req.url === "/hang") return; // never answers
    if (req.url === "/redirect") return void res.writeHead(302, { Location: "/" }).end();
    res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>t</title>");
  });
  const tls = createHttpsServer(selfSigned(), (_req, res) => res.end("ok"));
  const closedServer = createServer();
  const ports = { page: await listen(page), tls: await listen(tls as never), closed: await listen(closedServer) };
  await new Promise<void>((r) => closedServer.close(() => r()));
  const all = cases(ports);
  const out: Record<string, { version: string; errors: Record<string, { name: string; message: string }> }> = {};
  try {
    const c = await chromium.launch({ executablePath: chromiumPath(), headless: true });
    const p = await c.newPage();
    await p.goto(`http://127.0.0.1:${ports.page}/`);
    const errors: Record<string, { name: string; message: string }> = {};
    for (const [k, v] of Object.entries(all)) errors[k] = await p.evaluate(attempt, v);
    out.chromium = { version: `Chromium ${c.version()}`, errors };
    await c.close();

    const f = await puppeteer.launch({ browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true });
    const fp = await f.newPage();
    await fp.goto(`http://127.0.0.1:${ports.page}/`);
    const ferrors: Record<string, { name: string; message: string }> = {};
    for (const [k, v] of Object.entries(all)) ferrors[k] = await fp.evaluate(attempt, v);
    out.firefox = { version: (await f.version()).replace(/^firefox\//, "Firefox "), errors: ferrors };
    await f.close();
  } finally {
    page.closeAllConnections();
    page.close();
    tls.close();
  }
  writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
  console.log(JSON.stringify(out, null, 2));
}

await main();
