/** Subscription records in IndexedDB: each change a read-modify-write in one transaction. */
import type { Subscription } from "../../shared/subscription.ts";
import { db } from "../db.ts";

export async function getSubscription(id: string): Promise<Subscription | null> {
  return (await (await db()).get("subscriptions", id)) ?? null;
}

export async function allSubscriptions(): Promise<Subscription[]> {
  return (await db()).getAll("subscriptions");
}

/** Applies `patch` to the stored record; null when there is no such subscription (removed meanwhile). */
export async function patchSubscription(
  id: string,
  patch: (current: Subscription) => Subscription,
): Promise<Subscription | null> {
  const tx = (await db()).transaction("subscriptions", "readwrite");
  const current = await tx.store.get(id);
  if (!current) {
    await tx.done;
    return null;
  }
  const next = patch(current);
  await tx.store.put(next);
  await tx.done;
  return next;
}
