/**
 * Role, rights-holder profile and webhook, in the extension's IndexedDB
 * (settings store); the webhook token in the secrets store. Content scripts
 * run in the page's origin and cannot open this database, and nothing here
 * is mirrored to storage.local.
 */
import { emptyProfile, isRole, type RightsHolderProfile, type Role, validateProfile } from "../../shared/profile.ts";
import { SaidError, said } from "../../shared/said.ts";
import { db } from "../db.ts";

export interface WebhookConfig {
  url: string;
  token: string | null;
}

export async function getRole(): Promise<Role> {
  const raw = await (await db()).get("settings", "role");
  return isRole(raw) ? raw : "shopper";
}

export async function setRole(role: Role): Promise<void> {
  await (await db()).put("settings", role, "role");
}

export async function getProfile(): Promise<RightsHolderProfile> {
  const raw = await (await db()).get("settings", "profile");
  try {
    return raw ? validateProfile(raw) : emptyProfile();
  } catch {
    return emptyProfile();
  }
}

/** Saves the profile's text fields; its documents are added and removed apart (attachments.ts) and kept as stored. */
export async function setProfile(profile: RightsHolderProfile): Promise<void> {
  const stored = await getProfile();
  await (await db()).put("settings", { ...profile, attachments: stored.attachments }, "profile");
}

/** HTTPS anywhere, or plain HTTP to this machine only (tests, a local relay). */
export function checkWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SaidError(said("webhook_url_invalid"));
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new SaidError(said("webhook_url_not_https", { scheme: "https://", hosts: "127.0.0.1, localhost" }));
  }
  if (url.username || url.password) throw new SaidError(said("webhook_url_credentials"));
  return url.href;
}

export async function getWebhook(): Promise<WebhookConfig | null> {
  const database = await db();
  const stored = (await database.get("settings", "webhook")) as { url?: unknown } | undefined;
  if (!stored || typeof stored.url !== "string") return null;
  const token = await database.get("secrets", "webhook-token");
  return { url: stored.url, token: typeof token === "string" ? token : null };
}

/** url null removes the webhook and its token; token null keeps the stored one, "" removes it. */
export async function setWebhook(url: string | null, token: string | null): Promise<void> {
  const database = await db();
  const tx = database.transaction(["settings", "secrets"], "readwrite");
  const settings = tx.objectStore("settings");
  const secrets = tx.objectStore("secrets");
  if (url === null) {
    await settings.delete("webhook");
    await secrets.delete("webhook-token");
  } else {
    await settings.put({ url: checkWebhookUrl(url) }, "webhook");
    if (token === "") await secrets.delete("webhook-token");
    else if (token !== null) await secrets.put(token, "webhook-token");
  }
  await tx.done;
}
