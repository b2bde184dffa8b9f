/**
 * A rule feed on 127.0.0.1 (random port) for the browser tests: serves a pack
 * and its .sig with ETag / Last-Modified and 304s, and on demand misbehaves:
 * HTTP 500, a response held past the client's timeout (or until released),
 * an oversized body (declared or streamed), a bad signature, a dropped
 * connection. It sends Access-Control-Allow-Origin: * (and answers the
 * preflight of conditional requests), so the extension fetches it without any
 * host permission, as it would a CORS-enabled public feed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FeedMode =
  | "ok"
  | "500"
  /** Hold the pack response until `release()` (or the client gives up). */
  | "hold"
  | "oversized-declared"
  | "oversized-stream"
  | "bad-signature"
  | "drop";

export interface FeedRequest {
  method: string;
  path: string;
  ifNoneMatch: string | null;
  status: number;
}

const OVERSIZE = 21 * 1024 * 1024;

export class FeedServer {
  mode: FeedMode = "ok";
  readonly requests: FeedRequest[] = [];
  private pack: Buffer = Buffer.from("{}");
  private sig: string | null = null;
  private etag = '"0"';
  private lastModified = new Date(0).toUTCString();
  private held: (() => void)[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<FeedServer> {
    const server = createServer();
    const feed = new FeedServer(server);
    server.on("request", (req, res) => feed.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return feed;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(name = "pack.json"): string {
    return `${this.origin}/feeds/${name}`;
  }

  /** Publish a pack (exact bytes) and its signature file contents (null: no .sig). */
  publish(bytes: Buffer | string, sig: string | null): void {
    this.pack = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
    this.sig = sig;
    this.etag = `"${this.requests.length}-${this.pack.length}"`;
    this.lastModified = new Date().toUTCString();
  }

  /** Requests for the pack itself (not the .sig, not preflights). */
  packRequests(): FeedRequest[] {
    return this.requests.filter((r) => r.method === "GET" && r.path.endsWith(".json"));
  }

  /** Answer every held request (with the current pack). */
  release(): void {
    for (const go of this.held.splice(0)) go();
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private cors(res: ServerResponse): void {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Expose-Headers", "ETag, Last-Modified, Content-Length");
  }

  private log(req: IncomingMessage, status: number): void {
    const inm = req.headers["if-none-match"];
    this.requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      ifNoneMatch: typeof inm === "string" ? inm : null,
      status,
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.cors(res);
    if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since");
      res.setHeader("Access-Control-Allow-Methods", "GET");
      this.log(req, 204);
      res.writeHead(204).end();
      return;
    }
    const path = req.url ?? "";
    if (path.endsWith(".sig")) {
      this.serveSig(req, res);
      return;
    }
    if (!path.endsWith(".json")) {
      this.log(req, 404);
      res.writeHead(404).end();
      return;
    }
    switch (this.mode) {
      case "500":
        this.log(req, 500);
        res.writeHead(500, { "Content-Type": "text/plain" }).end("internal error");
        return;
      case "drop":
        this.log(req, 0);
        req.socket.destroy();
        return;
      case "hold":
        this.log(req, 200);
        this.held.push(() => this.servePack(req, res));
        return;
      case "oversized-declared":
        this.log(req, 200);
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(OVERSIZE) });
        res.write(Buffer.alloc(64 * 1024, 0x20)); // then stall: the client must give up on the header alone
        return;
      case "oversized-stream":
        this.log(req, 200);
        this.streamJunk(res);
        return;
      default:
        this.servePack(req, res);
    }
  }

  private servePack(req: IncomingMessage, res: ServerResponse): void {
    if (res.destroyed) return;
    if (req.headers["if-none-match"] === this.etag) {
      this.log(req, 304);
      res.writeHead(304, { ETag: this.etag }).end();
      return;
    }
    if (this.mode !== "hold") this.log(req, 200);
    res.writeHead(200, {
      "Content-Type": "application/json",
      "Content-Length": String(this.pack.length),
      ETag: this.etag,
      "Last-Modified": this.lastModified,
    });
    res.end(this.pack);
  }

  private serveSig(req: IncomingMessage, res: ServerResponse): void {
    if (this.sig === null) {
      this.log(req, 404);
      res.writeHead(404).end();
      return;
    }
    this.log(req, 200);
    // A valid-looking signature of other bytes: 64 bytes of base64, just not this pack's.
    const body = this.mode === "bad-signature" ? Buffer.alloc(64, 7).toString("base64") : this.sig;
    res.writeHead(200, { "Content-Type": "text/plain" }).end(body);
  }

  /** Chunked, no Content-Length: only counting the stream catches it. */
  private streamJunk(res: ServerResponse): void {
    res.writeHead(200, { "Content-Type": "application/json" });
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < OVERSIZE + chunk.length) {
        if (res.destroyed) return;
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once("drain", pump);
          return;
        }
      }
      res.end();
    };
    pump();
  }
}
