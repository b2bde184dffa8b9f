/**
 * The worker judges a listing at the time it arrives, not at the time its rules were compiled: the compiled form is
 * cached for months, and a seller's age, an exchange rate's age and a model year are read against today.
 */
import { describe, expect, it, vi } from "vitest";

import { contentSender, SELF } from "../../../test-support/senders.ts";
import type { TabState } from "../../shared/tab-state.ts";

vi.mock("webextension-polyfill", async () => (await import("../../../test-support/senders.ts")).polyfillStub());

const states: TabState[] = [];
vi.mock("../tab-states.ts", () => ({
  setTabState: async (_tab: number, state: TabState) => {
    states.push(state);
  },
  getTabState: async () => ({ status: "none" }),
}));
vi.mock("../badge.ts", () => ({ showBadge: async () => undefined }));
vi.mock("../report/recheck.ts", () => ({ noteBrowsedListing: async () => undefined }));
vi.mock("../rules.ts", async () => {
  const { compile } = await import("../../engine/compile.ts");
  const { testPack } = await import("../../engine/test-pack.ts");
  // Compiled without a clock, as the worker compiles: the rules know no date of their own.
  const matcher = compile([testPack()]);
  return { rulesForListing: async () => ({ matcher }) };
});

const { dispatch } = await import("../dispatch.ts");
const { HANDLERS } = await import("./index.ts");
const { emptyListing, emptySeller } = await import("../../shared/listing.ts");

describe("the verdict on a listing", () => {
  it("reads the seller's age against the time the listing arrived", async () => {
    const url = "https://www.amazon.com/dp/B07SRDX1Z1";
    const joined = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const listing = {
      ...emptyListing(url, "amazon"),
      title: "Nike shoes",
      seller: { ...emptySeller(), name: "x", memberSince: joined },
    };
    const answer = await dispatch(HANDLERS, { type: "listing", listing, extractMs: 1 }, contentSender(url), SELF);
    expect(answer.ok).toBe(true);
    const state = states.at(-1);
    expect(state?.status).toBe("verdict");
    const signals = state?.status === "verdict" ? state.verdict.reasons.map((r) => r.signal) : [];
    expect(signals).toContain("seller-weak");
  });
});
