/**
 * A webhook receiver on 127.0.0.1 for the browser tests. It follows a
 * script, one step per request (fail with 500, drop the connection, answer
 * late), and behaves as an idempotent receiver should: the first request
 * with an Idempotency-Key is processed, later ones get the stored answer.
 * It records every request, how many times each key was processed, and any
 * request that arrived while another with the same key was still open — the
 * proof that a case is delivered exactly once and never sent twice at once.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Step =
  | { kind: "fail"; status?: number }
  | { kind: "drop" }
  /** Process the case, then answer only after `ms` (the client may have given up). */
  | { kind: "late"; ms: number }
  | { kind: "ok" };

export interface Received {
  key: string | null;
  authorization: string | null;
  step: Step["kind"];
  at: number;
}

export interface WebhookServer {
  url: string;
  received: Received[];
  /** Idempotency-Key → times processed (must be 1). */
  processed: Map<string, number>;
  /** Bodies of processed requests, by key. */
  bodies: Map<string, unknown>;
  /** Keys that arrived while a request with the same key was still open. */
  overlaps: string[];
  close(): Promise<void>;
}

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Authorization, Idempotency-Key",
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** `port`: listen on this port (0, the default, picks a free one). */
export async function startWebhookServer(script: Step[], port = 0): Promise<WebhookServer> {
  const steps = [...script];
  const received: Received[] = [];
  const processed = new Map<string, number>();
  const bodies = new Map<string, unknown>();
  const overlaps: string[] = [];
  const open = new Map<string, number>();

  const processOnce = (key: string, body: string) => {
    if (processed.has(key)) return;
    processed.set(key, (processed.get(key) ?? 0) + 1);
    bodies.set(key, JSON.parse(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS).end();
      return;
    }
    const key = req.headers["idempotency-key"];
    const k = typeof key === "string" ? key : null;
    if (k) {
      if ((open.get(k) ?? 0) > 0) overlaps.push(k);
      open.set(k, (open.get(k) ?? 0) + 1);
      res.on("close", () => open.set(k, (open.get(k) ?? 1) - 1));
    }
    const body = await readBody(req);
    const step = steps.shift() ?? { kind: "ok" };
    received.push({ key: k, authorization: req.headers.authorization ?? null, step: step.kind, at: Date.now() });
    if (!k) {
      res.writeHead(400, CORS).end("Idempotency-Key required");
      return;
    }
    switch (step.kind) {
      case "fail":
        res.writeHead(step.status ?? 500, CORS).end("scripted failure");
        return;
      case "drop":
        req.socket.destroy();
        return;
      case "late":
        processOnce(k, body);
        await new Promise((r) => setTimeout(r, step.ms));
        if (!res.destroyed) res.writeHead(200, CORS).end('{"ok":true}');
        return;
      case "ok": {
        const replay = processed.has(k);
        processOnce(k, body);
        res.writeHead(200, { ...CORS, "Content-Type": "application/json" }).end(JSON.stringify({ ok: true, replay }));
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/hook`,
    received,
    processed,
    bodies,
    overlaps,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on now (bound, then released): a webhook there fails until a server starts on it. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
