/**
 * A loopback HTTPS server that answers for every host name: Chromium,
 * launched with `browserArgs()`, resolves every host to it and accepts its
 * self-signed certificate (made by openssl for the run, never stored). It
 * serves the pages it was given at their full address (host, path and query)
 * and answers everything else with an empty 204, so no request leaves the
 * machine.
 *
 * Used where context.route cannot serve: every request of a page served
 * through routes waits for a round trip through the test runner (twenty tabs
 * of saved pages make thousands of them), and a navigation to the Chrome Web
 * Store never reached a route at all.
 */
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { selfSigned } from "../../scripts/lib/self-signed.ts";

export interface HttpsSite {
  port: number;
  /** Every request received, as `https://host/path?query`. */
  requests: string[];
  serve(url: string, body: string | Buffer, contentType?: string): void;
  /** The Chromium switches that send every host to this server and accept its certificate. */
  browserArgs(): string[];
  close(): Promise<void>;
}

/** The address a page is served under: the fragment is the browser's, never sent. */
function addressOf(url: string): string {
  const u = new URL(url);
  return `https://${u.host}${u.pathname}${u.search}`;
}

export async function startHttpsSite(): Promise<HttpsSite> {
  const pages = new Map<string, { body: string | Buffer; contentType: string }>();
  const requests: string[] = [];
  const server = createServer(selfSigned(), (req, res) => {
    const url = `https://${req.headers.host ?? ""}${req.url ?? "/"}`;
    requests.push(url);
    const page = pages.get(url);
    if (!page) {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { "content-type": page.contentType }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    serve(url, body, contentType = "text/html; charset=utf-8") {
      pages.set(addressOf(url), { body, contentType });
    },
    browserArgs: () => [`--host-resolver-rules=MAP * 127.0.0.1:${port}`, "--ignore-certificate-errors"],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
