/**
 * The feed fetcher refuses a pack that arrives through a redirect to an
 * address checkFeedUrl refuses (plain http to another host than this
 * machine's loopback name), as the webhook refuses any redirect
 * (report/webhook.test.ts). Three loopback servers: the feed answers 30x
 * towards 127.0.0.2 (plain http on a host checkFeedUrl refuses), towards
 * a refused scheme, or towards an accepted loopback address; the targets
 * serve a pack and count what reaches them.
 *
 * Browsers give a script no way to inspect a redirect before following it
 * (redirect: "manual" hides the Location), so the fetcher follows and then
 * refuses the result: the redirect target does see the request (a GET without
 * cookies or credentials), and its answer is never used. The test says so.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFeedUrl } from "../../shared/feed-url.ts";
import { testPack } from "../../shared/test-packs.node.ts";
import { FeedError } from "./feed-error.ts";
import { type FetchPolicy, fetchFeed } from "./fetch-feed.ts";

const POLICY: FetchPolicy = { timeoutMs: 5000, retries: 0, retryBaseMs: 1, maxBytes: 1 << 20 };
const PACK = JSON.stringify(testPack("feed.redirect"));

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
}

const hits = { refused: 0, accepted: 0 };
let refusedTarget = "";
let acceptedTarget = "";
let feedBase = "";
const servers: Server[] = [];

function packServer(count: keyof typeof hits): Server {
  return createServer((req, res) => {
    if (!req.url?.endsWith(".sig")) hits[count]++;
    res.writeHead(req.url?.endsWith(".sig") ? 404 : 200, { "Content-Type": "application/json" }).end(PACK);
  });
}

beforeAll(async () => {
  const refused = packServer("refused");
  refusedTarget = `http://127.0.0.2:${await listen(refused, "127.0.0.2")}/pack.json`;
  const accepted = packServer("accepted");
  acceptedTarget = `http://127.0.0.1:${await listen(accepted, "127.0.0.1")}/pack.json`;
  const feed = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const code = Number(url.searchParams.get("code") ?? "302");
    const to = url.searchParams.get("to") ?? "";
    const location = to === "refused" ? refusedTarget : to === "accepted" ? acceptedTarget : to;
    res.writeHead(code, { Location: location }).end();
  });
  feedBase = `http://127.0.0.1:${await listen(feed, "127.0.0.1")}/feed.json`;
  servers.push(refused, accepted, feed);
});

afterAll(() => {
  for (const s of servers) s.close();
});

const sub = (url: string) => ({ url, etag: null, lastModified: null, packId: null, publicKey: null });

describe("feed redirects", () => {
  it("the redirect targets are what checkFeedUrl refuses and accepts", () => {
    expect(() => checkFeedUrl(refusedTarget)).toThrow(/https/);
    expect(checkFeedUrl(acceptedTarget)).toBe(acceptedTarget);
    expect(checkFeedUrl(feedBase)).toBe(feedBase);
  });

  for (const code of [301, 302, 303, 307, 308]) {
    it(`an HTTP ${code} to plain http on another host is refused: the pack it serves is never used`, async () => {
      const before = hits.refused;
      const result = fetchFeed(sub(`${feedBase}?code=${code}&to=refused`), POLICY);
      await expect(result).rejects.toThrow(FeedError);
      await expect(result).rejects.toThrow("The feed redirected to an address that is not HTTPS.");
      // Followed (a browser cannot look before it follows), then refused.
      expect(hits.refused).toBe(before + 1);
    });
  }

  it("a redirect to a scheme fetch cannot follow (file:, data:) fails without a pack", async () => {
    for (const to of ["file:///etc/passwd", "data:application/json,%7B%7D"]) {
      await expect(fetchFeed(sub(`${feedBase}?code=302&to=${encodeURIComponent(to)}`), POLICY)).rejects.toThrow(
        FeedError,
      );
    }
  });

  it("a redirect to an address checkFeedUrl accepts is followed and its pack taken", async () => {
    const before = hits.accepted;
    const result = await fetchFeed(sub(`${feedBase}?code=302&to=accepted`), POLICY);
    expect(result.kind).toBe("pack");
    if (result.kind === "pack") expect(new TextDecoder().decode(result.bytes)).toBe(PACK);
    expect(hits.accepted).toBe(before + 1);
  });
});
