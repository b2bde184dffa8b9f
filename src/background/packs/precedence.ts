/**
 * Which packs are active and in which order they go to `compile()`. The
 * engine merges brands by id (and vocabulary by term) with later packs
 * winning, so the order here is the precedence, lowest first:
 *
 *   0. the bundled default pack
 *   1. community packs: imported files and ordinary subscriptions
 *   2. a brand's own pack: delivered by a subscription the user marked
 *      "brand owner" AND signed with the key pinned on it (an unsigned feed
 *      marked "brand owner" stays a community pack: anyone could serve it)
 *
 * Within a tier the order is stable (by pack id). Expired packs are left out.
 */
import type { RulePack } from "../../shared/pack.ts";
import { isExpired } from "../../shared/pack-validate.ts";
import type { Subscription } from "../../shared/subscription.ts";
import type { PackOrigin } from "../db.ts";

export type Precedence = "default" | "community" | "brand-owner";

const RANK: Record<Precedence, number> = { default: 0, community: 1, "brand-owner": 2 };

export interface PackSource {
  pack: RulePack;
  origin: PackOrigin;
  subscriptionId: string | null;
}

export function precedenceOf(
  source: Pick<PackSource, "origin" | "subscriptionId">,
  subscriptions: ReadonlyMap<string, Pick<Subscription, "brandOwner" | "publicKey">>,
): Precedence {
  if (source.origin === "bundled") return "default";
  if (source.origin === "subscription" && source.subscriptionId !== null) {
    const sub = subscriptions.get(source.subscriptionId);
    if (sub?.brandOwner && sub.publicKey !== null) return "brand-owner";
  }
  return "community";
}

/** Active packs in compile order (lowest precedence first), expired ones left out. */
export function orderForCompile<T extends PackSource>(
  sources: readonly T[],
  subscriptions: ReadonlyMap<string, Pick<Subscription, "brandOwner" | "publicKey">>,
  now: Date,
): T[] {
  return sources
    .filter((s) => !isExpired(s.pack, now))
    .map((s) => ({ s, rank: RANK[precedenceOf(s, subscriptions)] }))
    .sort((a, b) => a.rank - b.rank || a.s.pack.id.localeCompare(b.s.pack.id))
    .map(({ s }) => s);
}
