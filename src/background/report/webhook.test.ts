/**
 * The webhook never hands a case to a host the user did not configure: a
 * redirect is refused, not followed. Two loopback servers: the configured one
 * answers 307 towards the other (127.0.0.2, a host `checkWebhookUrl` refuses),
 * which counts what reaches it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { english, saidOf } from "../../shared/said.ts";
import { checkWebhookUrl } from "./settings.ts";
import { post } from "./webhook.ts";

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
}

let target: Server;
let relay: Server;
let targetHits = 0;
let targetUrl = "";
let relayUrl = "";

beforeAll(async () => {
  target = createServer((req, res) => {
    targetHits++;
    req.resume();
    req.on("end", () => res.writeHead(200).end("ok"));
  });
  targetUrl = `http://127.0.0.2:${await listen(target, "127.0.0.2")}/stolen`;
  relay = createServer((req, res) => {
    req.resume();
    const code = Number(new URL(req.url ?? "/", "http://x").searchParams.get("code") ?? "307");
    req.on("end", () => res.writeHead(code, { Location: targetUrl }).end());
  });
  relayUrl = `http://127.0.0.1:${await listen(relay, "127.0.0.1")}/hook`;
});

afterAll(() => {
  target.close();
  relay.close();
});

describe("webhook redirects", () => {
  it("the redirect target is one checkWebhookUrl refuses", () => {
    expect(() => checkWebhookUrl(targetUrl)).toThrow(/https/);
    expect(checkWebhookUrl(relayUrl)).toBe(relayUrl);
  });

  for (const code of [301, 302, 303, 307, 308]) {
    it(`an HTTP ${code} is refused and the case never reaches the other host`, async () => {
      const before = targetHits;
      await expect(
        post({ url: `${relayUrl}?code=${code}`, token: "secret" }, "case-1", '{"case":1}', 5000),
      ).rejects.toMatchObject({ said: { key: "failure_redirect" } });
      expect(targetHits).toBe(before);
    });
  }

  it("a direct 2xx is still delivered", async () => {
    const before = targetHits;
    // The target itself, reached directly (checkWebhookUrl is applied when the URL is saved, not here).
    await post({ url: targetUrl, token: null }, "case-2", "{}", 5000);
    expect(targetHits).toBe(before + 1);
  });
});

describe("checkWebhookUrl", () => {
  it("takes https anywhere and plain http to this machine only", () => {
    expect(checkWebhookUrl("https://hooks.example/case")).toBe("https://hooks.example/case");
    expect(checkWebhookUrl("http://localhost:8080/x")).toBe("http://localhost:8080/x");
    for (const bad of ["http://hooks.example/case", "javascript:alert(1)", "file:///etc/passwd", "ftp://x.example/"]) {
      expect(() => checkWebhookUrl(bad), bad).toThrow(/https/);
    }
    expect(() => checkWebhookUrl("not a url")).toThrow(/not a valid URL/);
  });
  it("refuses credentials in the URL (they belong in the token, kept in the secrets store)", () => {
    expect(() => checkWebhookUrl("https://user:pw@hooks.example/")).toThrow(/token/);
  });
});

/** What `post` threw, as its key and params (a SaidError always). */
async function told(url: string, timeoutMs = 5000) {
  const error = await post({ url, token: null }, "case-3", "{}", timeoutMs).then(
    () => null,
    (e: unknown) => e,
  );
  const s = saidOf(error);
  if (!s) throw new Error(`not a SaidError: ${String(error)}`);
  return s;
}

describe("webhook failures, told by kind", () => {
  it("an HTTP error status is told by its class, the number a param", async () => {
    expect(await told(`${relayUrl}?code=404`)).toEqual({ key: "http_not_found", params: { status: 404 } });
    expect(await told(`${relayUrl}?code=503`)).toEqual({ key: "http_server", params: { status: 503 } });
    expect(await told(`${relayUrl}?code=401`)).toEqual({ key: "http_not_allowed", params: { status: 401 } });
  });

  it("a closed port: the runtime's own text kept after our words", async () => {
    const probe = createServer();
    const port = await listen(probe, "127.0.0.1");
    await new Promise<void>((r) => probe.close(() => r()));
    const s = await told(`http://127.0.0.1:${port}/hook`);
    expect(s.key).toBe("failure_detail");
    expect(english(s)).toMatch(/^the server refused the connection \(original message: fetch failed .*ECONNREFUSED/);
  });

  it("no answer within the timeout", async () => {
    const silent = createServer(() => undefined);
    const port = await listen(silent, "127.0.0.1");
    try {
      expect(await told(`http://127.0.0.1:${port}/hook`, 1000)).toEqual({
        key: "failure_timeout_after",
        params: { seconds: 1 },
      });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
