/**
 * A loopback HTTP server standing in for a marketplace during a takedown
 * re-check: it serves the listing, or the marketplace's removal page, as the
 * test says, and records every request it gets (method, path, headers). The
 * browser reaches it through context.route at the listing's real address.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext } from "@playwright/test";

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface ListingServer {
  origin: string;
  /** What the next requests get. */
  mode: "listing" | "removed";
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startListingServer(listing: () => string, removal: string): Promise<ListingServer> {
  const state: ListingServer = { origin: "", mode: "listing", requests: [], close: async () => undefined };
  const server = createServer((req, res) => {
    state.requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers });
    if (state.mode === "listing") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(listing());
    } else {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(removal);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

/** Requests for `url` (any query) go to the server, path and query kept; the original headers are forwarded. */
export async function routeTo(context: BrowserContext, url: string, server: ListingServer): Promise<void> {
  const base = new URL(url);
  await context.route(
    (u) => u.origin === base.origin && u.pathname === base.pathname,
    async (route) => {
      const u = new URL(route.request().url());
      const response = await route.fetch({ url: `${server.origin}${u.pathname}${u.search}` });
      await route.fulfill({ response });
    },
  );
}
