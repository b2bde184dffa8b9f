/** The case workspace's handlers: privileged, extension pages only (the sender check runs before each). */
import { HISTORY_NAME, summarise } from "../../shared/case.ts";
import { verifyBundle } from "../../shared/case-bundle.ts";
import { MANIFEST_NAME } from "../../shared/case-manifest.ts";
import { sellerKeys } from "../../shared/case-seller.ts";
import { changeState, isCaseState, NOTES_MAX, REFERENCE_MAX, setNotes } from "../../shared/case-state.ts";
import { base64Decode, base64Encode } from "../../shared/hash.ts";
import type { CaseDetail, CaseProtocol, WorkspaceSettings } from "../../shared/messages/cases.ts";
import { PORTALS, type PortalId } from "../../shared/report-portals.ts";
import { SaidError, said } from "../../shared/said.ts";
import { joinParts, zipParts } from "../../shared/zip.ts";
import { db } from "../db.ts";
import { casesBySellerKeys, getCase, getEvidence, listSummaries, updateFollowUp } from "../report/case-store.ts";
import { getRecheckSettings, recheckCase, setRecheckSettings, validateRecheckSettings } from "../report/recheck.ts";
import { getRole } from "../report/settings.ts";
import { getTsaUrl, keepTimestamp, MAX_REPLY, setTsaUrl } from "../report/trusted-time.ts";
import { getTabState } from "../tab-states.ts";
import { BadRequest, tabIdOf } from "./core.ts";
import type { Handlers } from "./types.ts";

const PAGES = ["extension-page"] as const;

export function caseIdOf(raw: Record<string, unknown>): string {
  const id = raw.caseId;
  if (typeof id !== "string" || !/^[0-9a-f-]{36}$/.test(id)) throw new BadRequest("caseId: expected a case id");
  return id;
}

function textOrNull(raw: unknown, name: string, max: number): string | null {
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw !== "string" || raw.length > max) throw new BadRequest(`${name}: expected a string of at most ${max}`);
  return raw.trim() || null;
}

function portalOf(raw: unknown): PortalId | null {
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw !== "string" || !Object.hasOwn(PORTALS, raw)) throw new BadRequest("portal: expected a portal id");
  return raw as PortalId;
}

async function requireAgent(): Promise<void> {
  if ((await getRole()) !== "agent") throw new SaidError(said("agents_only_workspace"));
}

const decoder = new TextDecoder();

/**
 * The stored evidence as one bundle, with the follow-up history beside it (not covered by the manifest), as the
 * archive's parts: the evidence's own bytes are not copied into one archive.
 */
export async function bundleOf(caseId: string): Promise<{ parts: Uint8Array[]; createdAt: string }> {
  const database = await db();
  const record = await getCase(database, caseId);
  const files = (await getEvidence(database, caseId))
    .map((f) => ({ name: f.name, bytes: f.bytes }))
    .sort((a, b) => (a.name === MANIFEST_NAME ? -1 : b.name === MANIFEST_NAME ? 1 : a.name < b.name ? -1 : 1));
  const history = {
    format: "copycatch.case-history/1",
    caseId,
    state: record.followUp.state,
    notes: record.followUp.notes,
    history: record.followUp.history,
    timestamp: record.timestamp,
  };
  files.push({ name: HISTORY_NAME, bytes: new TextEncoder().encode(`${JSON.stringify(history, null, 2)}\n`) });
  return { parts: zipParts(files, new Date(record.createdAt)), createdAt: record.createdAt };
}

async function detail(caseId: string): Promise<CaseDetail> {
  const database = await db();
  const record = await getCase(database, caseId);
  const evidence = await getEvidence(database, caseId);
  const noticeTxt = evidence.find((f) => f.name.startsWith("notices/") && f.name.endsWith(".txt"));
  const shot = evidence.find((f) => f.name === "screenshot.png");
  const { parts } = await bundleOf(caseId);
  const check = await verifyBundle(joinParts(parts), record.manifestSha256);
  return {
    record,
    noticeText: noticeTxt ? decoder.decode(noticeTxt.bytes) : null,
    screenshot: shot ? base64Encode(shot.bytes) : null,
    check: { intact: check.intact, lines: check.lines, problems: check.problems },
  };
}

export const caseHandlers: Handlers<keyof CaseProtocol> = {
  "case-summaries": {
    from: PAGES,
    validate: () => ({ type: "case-summaries" }),
    handle: async () => ({ cases: await listSummaries(await db()) }),
  },
  "get-case": {
    from: PAGES,
    validate: (raw) => ({ type: "get-case", caseId: caseIdOf(raw) }),
    handle: (request) => detail(request.caseId),
  },
  "get-evidence": {
    from: PAGES,
    validate: (raw) => {
      const name = raw.name;
      if (typeof name !== "string" || name.length > 200) throw new BadRequest("name: expected an evidence name");
      return { type: "get-evidence", caseId: caseIdOf(raw), name };
    },
    async handle(request) {
      const found = (await getEvidence(await db(), request.caseId)).find((f) => f.name === request.name);
      if (!found) throw new Error(`Case ${request.caseId} has no ${request.name}`);
      return { mime: found.mime, base64: base64Encode(found.bytes) };
    },
  },
  "set-case-state": {
    from: PAGES,
    validate: (raw) => {
      if (!isCaseState(raw.to)) throw new BadRequest("to: expected a case state");
      return {
        type: "set-case-state",
        caseId: caseIdOf(raw),
        to: raw.to,
        portal: portalOf(raw.portal),
        reference: textOrNull(raw.reference, "reference", REFERENCE_MAX),
        note: textOrNull(raw.note, "note", 2000),
      };
    },
    async handle(request) {
      const now = new Date();
      const record = await updateFollowUp(await db(), request.caseId, (r) => ({
        followUp: changeState(r.followUp, request, now),
      }));
      return { summary: summarise(record) };
    },
  },
  "set-case-notes": {
    from: PAGES,
    validate: (raw) => {
      if (typeof raw.notes !== "string" || raw.notes.length > NOTES_MAX) {
        throw new BadRequest(`notes: expected at most ${NOTES_MAX} characters`);
      }
      return { type: "set-case-notes", caseId: caseIdOf(raw), notes: raw.notes };
    },
    async handle(request) {
      const now = new Date();
      const record = await updateFollowUp(await db(), request.caseId, (r) => ({
        followUp: setNotes(r.followUp, request.notes, now),
      }));
      return { summary: summarise(record) };
    },
  },
  "seller-history": {
    from: PAGES,
    validate: (raw) => ({ type: "seller-history", tabId: tabIdOf(raw) }),
    async handle(request) {
      await requireAgent();
      const state = await getTabState(request.tabId);
      if (state.status !== "verdict") return { count: 0, caseIds: [], firstAt: null, sellerKeys: [] };
      const keys = sellerKeys(state.listing);
      const cases = keys.length > 0 ? await casesBySellerKeys(await db(), keys) : [];
      return {
        count: cases.length,
        caseIds: cases.map((c) => c.id),
        firstAt: cases.at(-1)?.createdAt ?? null,
        sellerKeys: keys,
      };
    },
  },
  "get-workspace-settings": {
    from: PAGES,
    validate: () => ({ type: "get-workspace-settings" }),
    handle: () => workspaceSettings(),
  },
  "set-recheck": {
    from: PAGES,
    validate: (raw) => {
      try {
        return { type: "set-recheck", settings: validateRecheckSettings(raw.settings) };
      } catch (e) {
        throw new BadRequest(e instanceof Error ? e.message : String(e));
      }
    },
    async handle(request) {
      await requireAgent();
      await setRecheckSettings(request.settings);
      return workspaceSettings();
    },
  },
  "set-tsa": {
    from: PAGES,
    validate: (raw) => ({ type: "set-tsa", url: textOrNull(raw.url, "url", 2000) }),
    async handle(request) {
      await requireAgent();
      await setTsaUrl(request.url);
      return workspaceSettings();
    },
  },
  "save-timestamp": {
    from: PAGES,
    validate: (raw) => {
      const { reply, genTime, signer } = raw;
      if (typeof reply !== "string" || reply.length > (MAX_REPLY * 4) / 3 + 4) throw new BadRequest("reply: too large");
      if (typeof genTime !== "string" || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(genTime)) {
        throw new BadRequest("genTime: expected a UTC ISO time");
      }
      if (typeof signer !== "string" || signer.length > 500) throw new BadRequest("signer: expected a short string");
      return { type: "save-timestamp", caseId: caseIdOf(raw), reply, genTime, signer };
    },
    async handle(request) {
      let bytes: Uint8Array;
      try {
        bytes = base64Decode(request.reply);
      } catch {
        throw new BadRequest("reply: expected base64");
      }
      return { timestamp: await keepTimestamp(request.caseId, bytes, request.genTime, request.signer) };
    },
  },
  "recheck-case": {
    from: PAGES,
    validate: (raw) => ({ type: "recheck-case", caseId: caseIdOf(raw) }),
    handle: (request) => recheckCase(request.caseId),
  },
};

async function workspaceSettings(): Promise<WorkspaceSettings> {
  return { recheck: await getRecheckSettings(), tsaUrl: await getTsaUrl() };
}
