/**
 * The update flow end to end in Node: fake IndexedDB, a stubbed fetch playing
 * the feed, and the real engine. Each step builds on the previous one.
 */
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emptyListing } from "../../shared/listing.ts";
import type { BrandRule, RulePack } from "../../shared/pack.ts";
import { generateKeyPair, signPackBytes, toPem } from "../../shared/pack-signature.ts";
import { testBrand, testPack } from "../../shared/test-packs.node.ts";

vi.mock("webextension-polyfill", () => ({
  default: {
    runtime: { getURL: (p: string) => `https://bundled.invalid/${p}` },
    alarms: { create: vi.fn(async () => undefined), clear: vi.fn(async () => true), getAll: vi.fn(async () => []) },
  },
}));

const { score } = await import("../../engine/index.ts");
const { getRules } = await import("../rules.ts");
const { subscribe, unsubscribe, importPack } = await import("./subscriptions.ts");
const { updateSubscription, FETCH_POLICY_SETTING } = await import("./update.ts");
const { rulesOverview } = await import("./overview.ts");
const { db } = await import("../db.ts");

const brand = (id: string, name: string): BrandRule => testBrand(id, name);

function pack(id: string, version: number, brands: BrandRule[], expires: string | null = null): RulePack {
  return testPack(id, { version, brands, expires });
}

const enc = (p: RulePack) => new TextEncoder().encode(JSON.stringify(p));
type Route = () => Response | Promise<Response>;
const routes = new Map<string, Route>();
const FEED = "https://feed.example/acme.json";
let keys: CryptoKeyPair;
let publicPem: string;

async function serveSigned(p: RulePack, opts: { sigOf?: Uint8Array; etag?: string } = {}) {
  const bytes = enc(p);
  const sig = await signPackBytes(opts.sigOf ?? bytes, keys.privateKey);
  routes.set(FEED, () => new Response(bytes, { headers: opts.etag ? { ETag: opts.etag } : {} }));
  routes.set(`${FEED}.sig`, () => new Response(sig));
}

async function brandOf(title: string): Promise<string | null> {
  const { matcher } = await getRules();
  return score({ ...emptyListing("https://www.ebay.com/itm/1", "ebay"), title }, matcher).brand?.name ?? null;
}

beforeAll(async () => {
  keys = await generateKeyPair();
  publicPem = toPem(new Uint8Array(await crypto.subtle.exportKey("spki", keys.publicKey)), "PUBLIC KEY");
  routes.set(
    "https://bundled.invalid/packs/default.json",
    () => new Response(enc(pack("copycatch.default", 1, [brand("zorblax", "Zorblax")]))),
  );
  vi.stubGlobal("fetch", async (input: string | URL, init?: RequestInit) => {
    const url = String(input);
    const route = routes.get(url);
    // Like fetch: an abort rejects the pending request.
    const aborted = new Promise<never>((_, reject) =>
      init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
    );
    return Promise.race([route ? route() : new Response("not found", { status: 404 }), aborted]);
  });
  // Short timeouts and retry pauses for the tests.
  await (await db()).put("settings", { timeoutMs: 200, retries: 1, retryBaseMs: 10 }, FETCH_POLICY_SETTING);
});

afterAll(() => vi.unstubAllGlobals());

describe("subscription updates", () => {
  let subId = "";

  it("starts with the bundled default pack", async () => {
    expect(await brandOf("Zorblax replica bag")).toBe("Zorblax");
    expect(await brandOf("Acme replica shoes")).toBeNull();
  });

  it("subscribes to a signed feed and activates its pack", async () => {
    await serveSigned(pack("acme.brand", 1, [brand("acme", "Acme")]), { etag: '"v1"' });
    const sub = await subscribe({
      url: FEED,
      intervalMinutes: 60,
      allowUnsigned: false,
      brandOwner: true,
      publicKey: publicPem,
    });
    subId = sub.id;
    expect(sub.status).toBe("ok");
    expect(sub.packVersion).toBe(1);
    expect(sub.etag).toBe('"v1"');
    expect(sub.keyFingerprint).toMatch(/^[0-9A-F]{4} /);
    expect(await brandOf("Acme replica shoes")).toBe("Acme");
    const overview = await rulesOverview();
    expect(overview.packs.find((p) => p.id === "acme.brand")?.precedence).toBe("brand-owner");
  });

  it("sends the validators and accepts 304 Not Modified", async () => {
    let seen: string | null = null;
    routes.set(FEED, () => new Response(null, { status: 304 }));
    const real = globalThis.fetch;
    vi.stubGlobal("fetch", async (input: string | URL, init?: RequestInit) => {
      seen = new Headers(init?.headers).get("If-None-Match");
      return real(input, init);
    });
    const sub = await updateSubscription(subId);
    vi.stubGlobal("fetch", real);
    expect(seen).toBe('"v1"');
    expect(sub.status).toBe("ok");
    expect(sub.packVersion).toBe(1);
  });

  it("installs a new version and the verdicts change", async () => {
    await serveSigned(pack("acme.brand", 2, [brand("acme", "Acme"), brand("bolt", "Boltwing")]));
    const sub = await updateSubscription(subId);
    expect(sub.status).toBe("ok");
    expect(sub.packVersion).toBe(2);
    expect(await brandOf("Boltwing replica watch")).toBe("Boltwing");
  });

  it("refuses a pack with a flipped byte, keeping version 2 and showing the error", async () => {
    const good = enc(pack("acme.brand", 3, [brand("acme", "Acme")]));
    const sig = await signPackBytes(good, keys.privateKey);
    const bad = good.slice();
    bad[bad.length - 3] = "9".charCodeAt(0);
    routes.set(FEED, () => new Response(bad));
    routes.set(`${FEED}.sig`, () => new Response(sig));
    const sub = await updateSubscription(subId);
    expect(sub.status).toBe("error");
    expect(sub.error?.message).toMatch(/signature does not match/);
    expect(sub.error?.advice).toMatch(/remove this subscription/);
    expect(sub.packVersion).toBe(2);
    expect(await brandOf("Boltwing replica watch")).toBe("Boltwing");
  });

  it("refuses a missing signature", async () => {
    routes.set(FEED, () => new Response(enc(pack("acme.brand", 3, []))));
    routes.delete(`${FEED}.sig`);
    const sub = await updateSubscription(subId);
    expect(sub.error?.message).toMatch(/no signature/);
    expect(sub.packVersion).toBe(2);
  });

  it("refuses a correctly signed older version (replay)", async () => {
    await serveSigned(pack("acme.brand", 1, [brand("acme", "Acme")]));
    const sub = await updateSubscription(subId);
    expect(sub.error?.message).toMatch(/older than the installed version 2/);
    expect(await brandOf("Boltwing replica watch")).toBe("Boltwing");
  });

  it("retries a 500 and then keeps the old pack, with backoff", async () => {
    let calls = 0;
    routes.set(FEED, () => {
      calls++;
      return new Response("oops", { status: 500 });
    });
    const before = Date.now();
    const sub = await updateSubscription(subId);
    expect(calls).toBe(2); // one retry
    expect(sub.error?.message).toBe("The feed could not be downloaded: the server answered 500 (server error).");
    expect(sub.failures).toBeGreaterThanOrEqual(1);
    const next = Date.parse(sub.nextCheckAt ?? "");
    expect(next - before).toBeLessThan(60 * 60_000); // sooner than the interval
    expect(sub.packVersion).toBe(2);
  });

  it("times out a feed that does not answer", async () => {
    routes.set(FEED, () => new Promise<Response>(() => undefined));
    const sub = await updateSubscription(subId);
    expect(sub.error?.message).toMatch(/did not answer within 0.2 s/);
    expect(sub.packVersion).toBe(2);
  });

  it("refuses an oversized pack from its Content-Length before reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    routes.set(FEED, () => new Response(body, { headers: { "Content-Length": String(30 * 1024 * 1024) } }));
    const sub = await updateSubscription(subId);
    expect(sub.error?.message).toMatch(/larger than the 20 MB limit/);
    expect(pulled).toBeLessThan(3);
  });

  it("refuses an oversized pack without Content-Length by counting the stream", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += 1024 * 1024;
        c.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    routes.set(FEED, () => new Response(body));
    const sub = await updateSubscription(subId);
    expect(sub.error?.message).toMatch(/larger than the 20 MB limit/);
    expect(sent).toBeLessThan(24 * 1024 * 1024);
    expect(sub.packVersion).toBe(2);
  });

  it("recovers: a good update clears the error", async () => {
    await serveSigned(pack("acme.brand", 3, [brand("acme", "Acme")]));
    const sub = await updateSubscription(subId);
    expect(sub.status).toBe("ok");
    expect(sub.error).toBeNull();
    expect(sub.failures).toBe(0);
    expect(await brandOf("Boltwing replica watch")).toBeNull();
  });

  it("imports a community file pack that the brand's own pack overrides", async () => {
    const community = pack("community.list", 1, [{ ...brand("acme", "Acme (community)"), aliases: ["Acme"] }]);
    const { pack: info } = await importPack(JSON.stringify(community));
    expect(info.precedence).toBe("community");
    expect(await brandOf("Acme replica shoes")).toBe("Acme");
  });

  it("unsubscribes: its pack goes, the community pack takes over", async () => {
    await unsubscribe(subId);
    expect(await brandOf("Acme replica shoes")).toBe("Acme (community)");
    const overview = await rulesOverview();
    expect(overview.subscriptions).toEqual([]);
    expect(overview.packs.map((p) => p.id).sort()).toEqual(["community.list", "copycatch.default"]);
  });

  it("refuses an unsigned feed unless the user allows it", async () => {
    await expect(
      subscribe({
        url: "https://feed.example/u.json",
        intervalMinutes: 60,
        allowUnsigned: false,
        brandOwner: false,
        publicKey: null,
      }),
    ).rejects.toThrow(/public key/);
    await expect(
      subscribe({
        url: "http://feed.example/u.json",
        intervalMinutes: 60,
        allowUnsigned: true,
        brandOwner: false,
        publicKey: null,
      }),
    ).rejects.toThrow(/https/);
    routes.set(
      "https://feed.example/u.json",
      () => new Response(enc(pack("unsigned.list", 1, [brand("quux", "Quuxor")]))),
    );
    const sub = await subscribe({
      url: "https://feed.example/u.json",
      intervalMinutes: 60,
      allowUnsigned: true,
      brandOwner: true,
      publicKey: null,
    });
    expect(sub.status).toBe("ok");
    expect(await brandOf("Quuxor replica")).toBe("Quuxor");
    // Marked "brand owner" but unsigned: only a community pack.
    expect((await rulesOverview()).packs.find((p) => p.id === "unsigned.list")?.precedence).toBe("community");
  });
});
