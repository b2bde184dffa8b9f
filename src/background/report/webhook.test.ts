/**
 * The webhook never hands a case to a host the user did not configure: a
 * redirect is refused, not followed. Two loopback servers: the configured one
 * answers 307 towards the other (127.0.0.2, a host `checkWebhookUrl` refuses),
 * which counts what reaches it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
      ).rejects.toThrow(/redirect/i);
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
