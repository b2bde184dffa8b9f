/**
 * Installing a new pack does not hold up verdicts: a listing message sent while
 * the worker compiles is answered before the compile ends, from the previous
 * rules. The compile is observed through a wrapper around the engine's
 * compileAsync (no clock): the message is sent once a compile slice has run,
 * and the test checks that slices still ran after its answer. The same holds
 * for every phase of an import (parse, validate, re-check the stored packs,
 * compile, serialise): each is wrapped to mark its start and end, and a
 * listing message sent at its first pause is answered before it ends.
 */
import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { contentSender, SELF } from "../../test-support/senders.ts";
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
      phase = "compile";
      trace.push("start:compile");
      const matcher = await engine.compileAsync(packs, {
        ...opts,
        onSlice: (u) => {
          events.push("slice");
          opts.onSlice?.(u);
        },
      });
      events.push("end");
      trace.push("end:compile");
      phase = null;
      return matcher;
    },
  };
});

/** The phase running now, and the phases and pauses seen, in order. */
let phase: string | null = null;
const trace: string[] = [];
/** Called at every pause between slices (set by the phase test). */
let atPause: (() => void) | null = null;
vi.mock("../shared/slice-pause.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../shared/slice-pause.ts")>();
  return {
    ...real,
    slicePause: () => async () => {
      trace.push(`pause:${phase}`);
      atPause?.();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
});
function phased<A extends unknown[], R>(name: string, f: (...a: A) => Promise<R>): (...a: A) => Promise<R> {
  return async (...a: A) => {
    phase = name;
    trace.push(`start:${name}`);
    const r = await f(...a);
    trace.push(`end:${name}`);
    phase = null;
    return r;
  };
}
vi.mock("../shared/pack-json.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../shared/pack-json.ts")>();
  return { ...real, parseJsonAsync: phased("parse", real.parseJsonAsync) };
});
vi.mock("../shared/pack-validate.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../shared/pack-validate.ts")>();
  return { ...real, validatePackAsync: phased("validate", real.validatePackAsync) };
});
vi.mock("./packs/stored.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("./packs/stored.ts")>();
  return { ...real, checkStoredPacks: phased("recheck", real.checkStoredPacks) };
});
vi.mock("../shared/slices.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../shared/slices.ts")>();
  // The worker serialises through driveSteps(serializeSteps(...)); mark the serialisation's slices.
  return {
    ...real,
    driveSteps: <T>(...args: Parameters<typeof real.driveSteps<T>>) =>
      phase === null ? phased("serialize", real.driveSteps<T>)(...args) : real.driveSteps(...args),
  };
});

const enc = (p: RulePack) => new TextEncoder().encode(JSON.stringify(p));
/** The version of the pack the extension carries (an update brings a newer one). */
let bundledVersion = 1;
vi.stubGlobal(
  "fetch",
  async () =>
    new Response(
      enc(testPack("copycatch.default", { version: bundledVersion, brands: [testBrand("zorblax", "Zorblax")] })),
    ),
);

const { dispatch } = await import("./dispatch.ts");
const { HANDLERS } = await import("./handlers/index.ts");
const { getRules } = await import("./rules.ts");
const { importPack } = await import("./packs/subscriptions.ts");

const CONTENT = contentSender("https://www.ebay.com/itm/1");

describe("the install handler and a first load at once", () => {
  /** A freshly started worker's rules module (the stored database stays). */
  async function freshRules() {
    vi.resetModules();
    return import("./rules.ts");
  }

  /** A fresh worker: the install handler runs, a page warms the rules, a listing asks; the packs scored and the compiles. */
  async function installWhileLoading() {
    const rules = await freshRules();
    events.length = 0;
    const install = rules.installBundledPack();
    rules.warmRules();
    const { packs } = await rules.rulesForListing();
    await install;
    return { packs: packs.map((p) => `${p.id}@${p.version}`), compiles: events.filter((e) => e === "start").length };
  }

  it("on a first start, a page warming the rules while the bundled pack installs: one compile", async () => {
    expect(await installWhileLoading()).toEqual({ packs: ["copycatch.default@1"], compiles: 1 });
  });

  it("on an update with no usable compiled form, the install of the newer pack and a load: one compile", async () => {
    const { db } = await import("./db.ts");
    const database = await db();
    await database.clear("compiled"); // as after an engine update that changed the compiled format
    bundledVersion = 2;
    try {
      expect(await installWhileLoading()).toEqual({ packs: ["copycatch.default@2"], compiles: 1 });
    } finally {
      bundledVersion = 1;
    }
  });
});

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

describe("listing messages during each phase of an import", () => {
  it("are answered before the phase ends, from the previous rules: parse, validate, re-check, compile, serialise", async () => {
    await getRules();
    // 3,000 brands: a 2 MB text, so even the parse takes more than one slice.
    // Another seed than the pack of the test above, which is among the previous rules now.
    const big = bigPack("big.phases", 3_000, 11);
    const firstName = big.brands[0]?.name as string;
    const answered = new Map<string, string | null>();
    const sent = new Set<string>();
    trace.length = 0;
    atPause = () => {
      const now = phase;
      if (now === null || sent.has(now)) return;
      sent.add(now);
      void dispatch(HANDLERS, listingMessage(`${firstName} Zorblax replica`), CONTENT, SELF).then(async (reply) => {
        expect(reply).toEqual({ ok: true, value: { ok: true } });
        answered.set(now, await brandShown());
        trace.push(`answered:${now}`);
      });
    };
    try {
      await importPack(JSON.stringify(big));
    } finally {
      atPause = null;
    }
    for (const name of ["parse", "validate", "recheck", "compile", "serialize"]) {
      const start = trace.indexOf(`start:${name}`);
      const end = trace.indexOf(`end:${name}`);
      expect(start, name).toBeGreaterThanOrEqual(0);
      // The phase paused, and the message sent at its first pause was answered before the phase ended.
      expect(trace.slice(start, end).filter((e) => e === `pause:${name}`).length, name).toBeGreaterThan(0);
      const answer = trace.indexOf(`answered:${name}`);
      expect(answer, name).toBeGreaterThan(start);
      expect(answer, name).toBeLessThan(end);
      expect(answered.get(name), name).toBe("Zorblax");
    }
    await dispatch(HANDLERS, listingMessage(`${firstName} replica`), CONTENT, SELF);
    expect(await brandShown()).toBe(firstName);
  });
});
