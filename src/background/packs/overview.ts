/** What the options page shows: installed packs with their precedence and status, subscriptions, the last load. */
import type { DamagedPack, PackInfo, PackOriginKind, RulesOverview } from "../../shared/messages/packs.ts";
import type { RulePack } from "../../shared/pack.ts";
import { isExpired } from "../../shared/pack-validate.ts";
import { said } from "../../shared/said.ts";
import { type Subscription, subscriptionError } from "../../shared/subscription.ts";
import { db } from "../db.ts";
import { firstListingWaitMs, getRules, lastRulesLoad } from "../rules.ts";
import { precedenceOf } from "./precedence.ts";
import { allSubscriptions } from "./subscription-store.ts";

/** Module evaluation time = when this worker started. */
const WORKER_STARTED_AT = new Date().toISOString();

export async function packInfos(subs?: Subscription[], damaged: DamagedPack[] = []): Promise<PackInfo[]> {
  const subscriptions = subs ?? (await allSubscriptions());
  const subMap = new Map(subscriptions.map((s) => [s.id, s]));
  const now = new Date();
  const unusable = new Set(damaged.filter((d) => d.reason !== null).map((d) => d.id));
  const stored = await (await db()).getAll("packs");
  // Read tolerantly: a damaged record is listed from what is readable of it (rules.ts keeps it out of the rules).
  return stored.map((s) => {
    const p = (typeof s.pack === "object" && s.pack !== null ? s.pack : {}) as Partial<RulePack>;
    const origin = ORIGINS.includes(s.origin) ? s.origin : "file";
    const expires = typeof p.expires === "string" ? p.expires : null;
    return {
      id: text(s.id, String(s.id)),
      name: text(p.name, text(s.id, "?")),
      version: typeof p.version === "number" ? p.version : 0,
      publisher: text(p.publisher, "?"),
      brandCount: Array.isArray(p.brands) ? p.brands.length : 0,
      issued: text(p.issued, ""),
      expires,
      origin,
      precedence: precedenceOf({ origin, subscriptionId: s.subscriptionId ?? null }, subMap),
      subscriptionId: typeof s.subscriptionId === "string" ? s.subscriptionId : null,
      installedAt: text(s.installedAt, ""),
      active: !unusable.has(String(s.id)) && !isExpired({ expires }, now),
    };
  });
}

const ORIGINS: readonly PackOriginKind[] = ["bundled", "file", "subscription"];

function text(v: unknown, fallback: string): string {
  return typeof v === "string" ? v.slice(0, 200) : fallback;
}

/** A subscription whose pack has expired shows it, whatever its last check said. */
function withExpiry(sub: Subscription, packs: PackInfo[]): Subscription {
  const pack = packs.find((p) => p.subscriptionId === sub.id);
  if (!pack || pack.active || sub.status === "updating") return sub;
  return {
    ...sub,
    status: "expired",
    error:
      sub.error ??
      subscriptionError(
        said("feed_pack_expired", { date: pack.expires ?? "" }),
        said("feed_advice_expired"),
        new Date().toISOString(),
      ),
  };
}

export async function rulesOverview(): Promise<RulesOverview> {
  const { damaged } = await getRules(); // make sure the default is installed and lastLoad is known
  const subscriptions = await allSubscriptions();
  const packs = await packInfos(subscriptions, damaged);
  return {
    workerStartedAt: WORKER_STARTED_AT,
    packs,
    damaged,
    subscriptions: subscriptions.map((s) => withExpiry(s, packs)),
    lastLoad: lastRulesLoad(),
    firstListingWaitMs: firstListingWaitMs(),
  };
}
