/** Adding and removing subscriptions, importing and removing pack files. */
import { checkFeedUrl } from "../../shared/feed-url.ts";
import type { PackInfo, SubscribeRequest } from "../../shared/messages/packs.ts";
import { JsonTextError, parseJsonAsync } from "../../shared/pack-json.ts";
import { importPublicKey } from "../../shared/pack-signature.ts";
import { checkPackSize, isExpired, PackError, packErrorSaid, validatePackAsync } from "../../shared/pack-validate.ts";
import { type Said, SaidError, said } from "../../shared/said.ts";
import { slicePause } from "../../shared/slice-pause.ts";
import type { Subscription } from "../../shared/subscription.ts";
import { db } from "../db.ts";
import { commitPacks } from "../rules.ts";
import { clearAlarm } from "./alarms.ts";
import { packIdTaken } from "./feed-error.ts";
import { packInfos } from "./overview.ts";
import { clampInterval } from "./schedule.ts";
import { allSubscriptions, getSubscription } from "./subscription-store.ts";
import { updateSubscription } from "./update.ts";

export async function subscribe(req: SubscribeRequest): Promise<Subscription> {
  const url = checkFeedUrl(req.url);
  if ((await allSubscriptions()).some((s) => s.url === url)) throw new SaidError(said("feed_already_subscribed"));
  let key: { spkiBase64: string; fingerprint: string } | null = null;
  if (req.publicKey?.trim()) key = await importPublicKey(req.publicKey);
  else if (!req.allowUnsigned) {
    throw new SaidError(said("feed_key_needed"));
  }
  const now = new Date().toISOString();
  const sub: Subscription = {
    id: crypto.randomUUID(),
    url,
    intervalMinutes: clampInterval(req.intervalMinutes),
    allowUnsigned: key === null,
    brandOwner: req.brandOwner,
    publicKey: key?.spkiBase64 ?? null,
    keyFingerprint: key?.fingerprint ?? null,
    packId: null,
    packVersion: null,
    packSha256: null,
    etag: null,
    lastModified: null,
    addedAt: now,
    lastCheckAt: null,
    lastSuccessAt: null,
    nextCheckAt: now,
    failures: 0,
    status: "pending",
    leaseUntil: null,
    error: null,
    warnings: [],
  };
  await (await db()).put("subscriptions", sub);
  // The first check runs now; its failure is shown on the subscription, which stays.
  return updateSubscription(sub.id);
}

export async function unsubscribe(id: string): Promise<void> {
  const sub = await getSubscription(id);
  if (!sub) return;
  if (sub.packId !== null) {
    await commitPacks({ remove: [sub.packId], subscription: { id, patch: () => null } });
  } else {
    await (await db()).delete("subscriptions", id);
  }
  await clearAlarm(id);
}

/** A pack file chosen by the user: the same checks as a feed (size before parsing, validation, expiry). */
export async function importPack(text: string): Promise<{ pack: PackInfo; warnings: string[]; warningsSaid: Said[] }> {
  const bytes = new TextEncoder().encode(text);
  const now = new Date();
  let parsed: unknown;
  // Parsed and validated in slices: a large pack does not hold up verdicts meanwhile.
  const pause = slicePause();
  try {
    checkPackSize(bytes.length);
    parsed = await parseJsonAsync(text, pause);
  } catch (error) {
    if (!(error instanceof PackError || error instanceof JsonTextError)) throw error;
    throw new SaidError(error instanceof PackError ? packErrorSaid(error) : said("pack_file_not_json"));
  }
  let checked: Awaited<ReturnType<typeof validatePackAsync>>;
  try {
    checked = await validatePackAsync(parsed, { now: now.toISOString(), pause });
  } catch (error) {
    throw error instanceof PackError ? new SaidError(packErrorSaid(error)) : error;
  }
  const { pack, warnings, warningsSaid } = checked;
  if (isExpired(pack, now)) throw new SaidError(said("pack_file_expired", { date: pack.expires ?? "" }));
  const existing = await (await db()).get("packs", pack.id);
  if (existing && existing.origin !== "file") {
    throw new SaidError(packIdTaken(pack.id, existing.origin));
  }
  await commitPacks({
    put: { id: pack.id, pack, origin: "file", installedAt: now.toISOString(), subscriptionId: null },
  });
  const info = (await packInfos()).find((p) => p.id === pack.id);
  if (!info) throw new SaidError(said("pack_not_stored"));
  return { pack: info, warnings, warningsSaid };
}

export async function removePack(id: string): Promise<void> {
  const stored = await (await db()).get("packs", id);
  if (!stored) return;
  if (stored.origin === "bundled") throw new SaidError(said("pack_builtin_not_removable"));
  if (stored.origin === "subscription") throw new SaidError(said("pack_from_subscription"));
  await commitPacks({ remove: [id] });
}
