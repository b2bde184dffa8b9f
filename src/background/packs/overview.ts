/** What the options page shows: installed packs with their precedence and status, subscriptions, the last load. */
import type { PackInfo, RulesOverview } from "../../shared/messages/packs.ts";
import { isExpired } from "../../shared/pack-validate.ts";
import type { Subscription } from "../../shared/subscription.ts";
import { db } from "../db.ts";
import { getRules, lastRulesLoad } from "../rules.ts";
import { precedenceOf } from "./precedence.ts";
import { allSubscriptions } from "./subscription-store.ts";

/** Module evaluation time = when this worker started. */
const WORKER_STARTED_AT = new Date().toISOString();

export async function packInfos(subs?: Subscription[]): Promise<PackInfo[]> {
  const subscriptions = subs ?? (await allSubscriptions());
  const subMap = new Map(subscriptions.map((s) => [s.id, s]));
  const now = new Date();
  const stored = await (await db()).getAll("packs");
  return stored.map((s) => ({
    id: s.id,
    name: s.pack.name,
    version: s.pack.version,
    publisher: s.pack.publisher,
    brandCount: s.pack.brands.length,
    issued: s.pack.issued,
    expires: s.pack.expires,
    origin: s.origin,
    precedence: precedenceOf(s, subMap),
    subscriptionId: s.subscriptionId,
    installedAt: s.installedAt,
    active: !isExpired(s.pack, now),
  }));
}

/** A subscription whose pack has expired shows it, whatever its last check said. */
function withExpiry(sub: Subscription, packs: PackInfo[]): Subscription {
  const pack = packs.find((p) => p.subscriptionId === sub.id);
  if (!pack || pack.active || sub.status === "updating") return sub;
  return {
    ...sub,
    status: "expired",
    error: sub.error ?? {
      message: `The pack expired on ${pack.expires} and is no longer used.`,
      advice: "Copycatch keeps checking the feed for a new release; if none comes, ask the publisher.",
      at: new Date().toISOString(),
    },
  };
}

export async function rulesOverview(): Promise<RulesOverview> {
  await getRules(); // make sure the default is installed and lastLoad is known
  const subscriptions = await allSubscriptions();
  const packs = await packInfos(subscriptions);
  return {
    workerStartedAt: WORKER_STARTED_AT,
    packs,
    subscriptions: subscriptions.map((s) => withExpiry(s, packs)),
    lastLoad: lastRulesLoad(),
  };
}
