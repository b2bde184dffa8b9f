import { describe, expect, it } from "vitest";
import { compile } from "../../engine/compiler.ts";
import { score } from "../../engine/index.ts";
import { emptyListing } from "../../shared/listing.ts";
import type { BrandRule, RulePack } from "../../shared/pack.ts";
import { testBrand, testPack } from "../../shared/test-packs.node.ts";
import { orderForCompile, type PackSource, precedenceOf } from "./precedence.ts";

function brand(name: string): BrandRule {
  // Every pack spells the brand "Acme" in listings; only the winning entry's name shows in the verdict.
  return testBrand("acme", name, { aliases: ["Acme"] });
}

function pack(id: string, brandName: string, expires: string | null = null): RulePack {
  return testPack(id, { publisher: id, brands: [brand(brandName)], expires });
}

const NOW = new Date("2026-06-01T00:00:00Z");
const SUBS = new Map([
  ["owner-signed", { brandOwner: true, publicKey: "MFkw..." }],
  ["owner-unsigned", { brandOwner: true, publicKey: null }],
  ["community", { brandOwner: false, publicKey: "MFkw..." }],
]);

const bundled: PackSource = {
  pack: pack("copycatch.default", "Acme Default"),
  origin: "bundled",
  subscriptionId: null,
};
const file: PackSource = { pack: pack("a.file", "Acme File"), origin: "file", subscriptionId: null };
const community: PackSource = {
  pack: pack("b.community", "Acme Community"),
  origin: "subscription",
  subscriptionId: "community",
};
const owner: PackSource = {
  pack: pack("a.owner", "Acme Official"),
  origin: "subscription",
  subscriptionId: "owner-signed",
};
const fakeOwner: PackSource = {
  pack: pack("z.fake", "Acme Fake"),
  origin: "subscription",
  subscriptionId: "owner-unsigned",
};

function brandNameOf(packs: RulePack[]): string | undefined {
  const listing = { ...emptyListing("https://www.ebay.com/itm/1", "ebay"), title: "Acme sneakers replica" };
  return score(listing, compile(packs)).brand?.name;
}

describe("pack precedence", () => {
  it("ranks the default, community packs and a brand's own signed pack", () => {
    expect(precedenceOf(bundled, SUBS)).toBe("default");
    expect(precedenceOf(file, SUBS)).toBe("community");
    expect(precedenceOf(community, SUBS)).toBe("community");
    expect(precedenceOf(owner, SUBS)).toBe("brand-owner");
    // Marked "brand owner" but unsigned: anyone could serve it, so it is only a community pack.
    expect(precedenceOf(fakeOwner, SUBS)).toBe("community");
  });

  it("orders packs lowest precedence first whatever the stored order", () => {
    const order = orderForCompile([owner, fakeOwner, community, bundled, file], SUBS, NOW).map((s) => s.pack.id);
    expect(order).toEqual(["copycatch.default", "a.file", "b.community", "z.fake", "a.owner"]);
  });

  it("makes the brand's own pack win the merge in the engine", () => {
    const order = orderForCompile([owner, community, bundled], SUBS, NOW).map((s) => s.pack);
    expect(brandNameOf(order)).toBe("Acme Official");
    const withoutOwner = orderForCompile([community, bundled], SUBS, NOW).map((s) => s.pack);
    expect(brandNameOf(withoutOwner)).toBe("Acme Community");
    expect(brandNameOf(orderForCompile([bundled], SUBS, NOW).map((s) => s.pack))).toBe("Acme Default");
  });

  it("leaves expired packs out", () => {
    const expired = { ...owner, pack: pack("a.owner", "Acme Official", "2026-05-31") };
    const order = orderForCompile([expired, community, bundled], SUBS, NOW);
    expect(order.map((s) => s.pack.id)).toEqual(["copycatch.default", "b.community"]);
    // A date-only expiry lasts through that whole day.
    expect(orderForCompile([expired], SUBS, new Date("2026-05-31T23:00:00Z"))).toHaveLength(1);
  });
});
