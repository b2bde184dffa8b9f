/**
 * Compiling a new pack does not hold up verdicts: a listing message sent while
 * the worker compiles is answered before the compile ends, from the previous
 * rules. The compile is observed through a wrapper around the engine's
 * compileAsync (no clock): the message is sent once a compile slice has run,
 * and the test checks that slices still ran after its answer.
 */
import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { bigPack } from "../shared/big-pack.node.ts";
import { emptyListing } from "../shared/listing.ts";
import type { RulePack } from "../shared/pack.ts";
import { testBrand, testPack } from "../shared/test-packs.node.ts";

const session = new Map<string, unknown>();
vi.mock("webextension-polyfill", () => ({
  default: {
    runtime: { getURL: (p: string) => `https://bundled.invalid/${p}` },
    storage: {
      session: {
        get: async (k: string) => (session.has(k) ? { [k]: session.get(k) } : {}),
        set: async (o: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(o)) session.set(k, v);
        },
      },
    },
    action: {
      setBadgeText: async () => undefined,
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    },
  },
}));

/** What the wrapped compile did, in order: "start", "slice", "end". */
const events: string[] = [];
vi.mock("../engine/compiler.ts", async (importOriginal) => {
  const engine = await importOriginal<typeof import("../engine/compiler.ts")>();
  return {
    ...engine,
    compileAsync: async (...args: Parameters<typeof engine.compileAsync>) => {
      const [packs, opts] = args;
      events.push("start");
      const matcher = await engine.compileAsync(packs, {
        ...opts,
        onSlice: (u) => {
          events.push("slice");
          opts.onSlice?.(u);
        },
      });
      events.push("end");
      return matcher;
    },
  };
});

const enc = (p: RulePack) => new TextEncoder().encode(JSON.stringify(p));
vi.stubGlobal(
  "fetch",
  async () => new Response(enc(testPack("copycatch.default", { brands: [testBrand("zorblax", "Zorblax")] }))),
);

const { dispatch } = await import("./dispatch.ts");
const { HANDLERS } = await import("./handlers/index.ts");
const { getRules } = await import("./rules.ts");
const { importPack } = await import("./packs/subscriptions.ts");

const ID = "abcdefghijklmnopabcdefghijklmnop";
const SELF = { id: ID, origin: `chrome-extension://${ID}/` };
const CONTENT = { id: ID, url: "https://www.ebay.com/itm/1", tab: { id: 7 }, frameId: 0 };

function listingMessage(title: string) {
  return { type: "listing", listing: { ...emptyListing("https://www.ebay.com/itm/1", "ebay"), title }, extractMs: 1 };
}

async function brandShown(): Promise<string | null> {
  const state = session.get("tab:7") as { verdict?: { brand: { name: string } | null } } | undefined;
  return state?.verdict?.brand?.name ?? null;
}

describe("listing messages during a compile", () => {
  it("are answered before the compile ends, from the previous rules", async () => {
    await getRules(); // the bundled pack, compiled
    events.length = 0;
    // 500 brands, 10,000 patterns: dozens of slices.
    const big = bigPack("big.brand", 500);
    const firstName = big.brands[0]?.name as string;
    const install = importPack(JSON.stringify(big)).then(() => events.push("installed"));
    // Wait (macrotask by macrotask) until the compile has run a slice, or the install is over (the bug).
    while (!events.includes("slice") && !events.includes("installed")) await new Promise((r) => setTimeout(r, 0));
    const reply = await dispatch(HANDLERS, listingMessage(`${firstName} Zorblax replica`), CONTENT, SELF);
    events.push("answered");
    expect(reply).toEqual({ ok: true, value: { ok: true } });
    // Scored with the rules in force before the new pack: Zorblax, not the new brand.
    expect(await brandShown()).toBe("Zorblax");
    await install;
    const answered = events.indexOf("answered");
    expect(answered).toBeGreaterThan(events.indexOf("start"));
    expect(answered).toBeLessThan(events.indexOf("end"));
    expect(events.slice(answered).filter((e) => e === "slice").length).toBeGreaterThan(0);
    // Once installed, the new pack scores.
    await dispatch(HANDLERS, listingMessage(`${firstName} replica`), CONTENT, SELF);
    expect(await brandShown()).toBe(firstName);
  });
});
