/**
 * The agent's one click: capture, build, then save in one transaction before
 * anything else (notifications, sending). A worker stopped before the save
 * leaves no trace; after it, the case is complete.
 */
import browser from "webextension-polyfill";
import type { CaseDetails } from "../../shared/case-details.ts";
import type { ResponseOf } from "../../shared/messages/index.ts";
import { newEntry } from "../../shared/outbox-policy.ts";
import { SaidError, said } from "../../shared/said.ts";
import { showsPageOf, type TabState } from "../../shared/tab-state.ts";
import { db } from "../db.ts";
import { getRules } from "../rules.ts";
import { getTabState } from "../tab-states.ts";
import { attachmentBytes } from "./attachments.ts";
import { buildCase } from "./build-case.ts";
import { capturePage } from "./capture.ts";
import { saveCase } from "./case-store.ts";
import { armAlarm, drainOutbox } from "./outbox.ts";
import { getProfile, getWebhook } from "./settings.ts";
import { testPause } from "./test-build.ts";

/** The case pairs the listing with captures of the tab: only while the tab shows that listing's URL. */
async function refuseOtherPage(tabId: number, state: TabState): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  // Without the toolbar click's activeTab grant (or agent mode's site access) the tab's address is withheld.
  if (tab.url === undefined) {
    throw new SaidError(said("file_no_tab_access"));
  }
  if (!showsPageOf(state, tab.url)) {
    throw new SaidError(said("file_tab_moved"));
  }
}

export async function fileCase(tabId: number, details: CaseDetails): Promise<ResponseOf<"report-case">> {
  const state = await getTabState(tabId);
  if (state.status !== "verdict") throw new SaidError(said("file_no_verdict"));
  const [{ packs }, profile, webhook] = await Promise.all([getRules(), getProfile(), getWebhook()]);
  await refuseOtherPage(tabId, state);
  const captured = await capturePage(tabId);
  // A navigation during the capture would pair this listing with another page's screenshot.
  await refuseOtherPage(tabId, state);
  const documents = await attachmentBytes(profile.attachments);
  const { record, evidence, notice } = await buildCase({
    id: crypto.randomUUID(),
    now: new Date(),
    listing: state.listing,
    verdict: state.verdict,
    packs: packs.map((p) => ({ id: p.id, version: p.version })),
    extensionVersion: browser.runtime.getManifest().version,
    captured: { files: captured.files, errors: [...captured.errors, ...documents.missing] },
    details,
    attachments: documents.found,
    profile,
    queued: webhook !== null,
  });
  await testPause("captured");
  await saveCase(await db(), record, evidence, webhook ? newEntry(record.id, Date.now()) : null);
  if (webhook) {
    await armAlarm();
    void drainOutbox().catch((error: unknown) => console.warn("[copycatch] outbox", error));
  }
  return {
    caseId: record.id,
    captureErrors: record.captureErrors,
    captureSaid: captured.said,
    delivery: record.delivery.state,
    notice,
  };
}
