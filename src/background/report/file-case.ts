/**
 * The agent's one click: capture, build, then save in one transaction before
 * anything else (notifications, sending). A worker stopped before the save
 * leaves no trace; after it, the case is complete.
 */
import browser from "webextension-polyfill";
import type { ResponseOf } from "../../shared/messages/index.ts";
import { newEntry } from "../../shared/outbox-policy.ts";
import { db } from "../db.ts";
import { getRules } from "../rules.ts";
import { getTabState } from "../tab-states.ts";
import { buildCase } from "./build-case.ts";
import { capturePage } from "./capture.ts";
import { saveCase } from "./case-store.ts";
import { armAlarm, drainOutbox } from "./outbox.ts";
import { getProfile, getWebhook } from "./settings.ts";
import { testPause } from "./test-build.ts";

export async function fileCase(tabId: number): Promise<ResponseOf<"report-case">> {
  const state = await getTabState(tabId);
  if (state.status !== "verdict") throw new Error("There is no verdict for this tab: open a listing first.");
  const [{ packs }, profile, webhook] = await Promise.all([getRules(), getProfile(), getWebhook()]);
  const captured = await capturePage(tabId);
  const { record, evidence, notice } = await buildCase({
    id: crypto.randomUUID(),
    now: new Date(),
    listing: state.listing,
    verdict: state.verdict,
    packs: packs.map((p) => ({ id: p.id, version: p.version })),
    extensionVersion: browser.runtime.getManifest().version,
    captured,
    profile,
    queued: webhook !== null,
  });
  await testPause("captured");
  await saveCase(await db(), record, evidence, webhook ? newEntry(record.id, Date.now()) : null);
  if (webhook) {
    await armAlarm();
    void drainOutbox().catch((error: unknown) => console.warn("[copycatch] outbox", error));
  }
  return { caseId: record.id, captureErrors: record.captureErrors, delivery: record.delivery.state, notice };
}
