import { emptyDetails, validateDetails } from "../../shared/case-details.ts";
import { validateCorrection } from "../../shared/correction.ts";
import { base64Decode, base64Encode } from "../../shared/hash.ts";
import type { ReportProtocol } from "../../shared/messages/reports.ts";
import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  isRole,
  MAX_ATTACHMENT_BYTES,
  validateProfile,
} from "../../shared/profile.ts";
import { SaidError, said } from "../../shared/said.ts";
import { db } from "../db.ts";
import { addAttachment, removeAttachment } from "../report/attachments.ts";
import { listCases } from "../report/case-store.ts";
import { listCorrections, recordCorrection } from "../report/corrections.ts";
import { fileCase } from "../report/file-case.ts";
import { highlight, MAX_PHRASES } from "../report/highlight.ts";
import { armAlarm, drainOutbox, requeue } from "../report/outbox.ts";
import { armRecheck } from "../report/recheck.ts";
import { getProfile, getRole, getWebhook, setProfile, setRole, setWebhook } from "../report/settings.ts";
import { getRules } from "../rules.ts";
import { bundleOf, caseIdOf } from "./cases.ts";
import { BadRequest, tabIdOf } from "./core.ts";
import type { Handlers } from "./types.ts";

const PAGES = ["extension-page"] as const;

function optionalText(raw: unknown, name: string): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== "string" || raw.length > 4000) throw new BadRequest(`${name}: expected a string`);
  return raw;
}

/** A ZIP of the evidence exactly as stored (manifest.json first), with the follow-up history beside it. */
async function exportCase(caseId: string): Promise<{ fileName: string; base64: string }> {
  const { parts, createdAt } = await bundleOf(caseId);
  return {
    fileName: `copycatch-case-${createdAt.slice(0, 10)}-${caseId.slice(0, 8)}.zip`,
    base64: base64Encode(parts),
  };
}

/**
 * One report per tab at a time: a second "report-case" for a tab whose report
 * is still being captured or saved (a double or triple click, two popups)
 * gets the same result instead of filing a second case.
 */
const reporting = new Map<number, Promise<unknown>>();
function reportOnce<T>(tabId: number, run: () => Promise<T>): Promise<T> {
  const running = reporting.get(tabId) as Promise<T> | undefined;
  if (running) return running;
  const started = run().finally(() => reporting.delete(tabId));
  reporting.set(tabId, started);
  return started;
}

/** Report and case handlers: privileged, extension pages only. */
export const reportHandlers: Handlers<keyof ReportProtocol> = {
  "report-case": {
    from: PAGES,
    validate: (raw) => {
      try {
        return { type: "report-case", tabId: tabIdOf(raw), details: validateDetails(raw.details) };
      } catch (error) {
        if (error instanceof TypeError) throw new BadRequest(error.message);
        throw error;
      }
    },
    handle: (request) => reportOnce(request.tabId, () => fileCase(request.tabId, request.details ?? emptyDetails())),
  },
  "add-attachment": {
    from: PAGES,
    validate: (raw) => {
      if (!(ATTACHMENT_KINDS as readonly unknown[]).includes(raw.kind)) throw new BadRequest("kind: unknown");
      const text = (v: unknown, name: string, max: number) => {
        if (typeof v !== "string" || v.length > max) throw new BadRequest(`${name}: expected a string`);
        return v;
      };
      const base64 = text(raw.base64, "base64", Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4);
      return {
        type: "add-attachment",
        kind: raw.kind as AttachmentKind,
        name: text(raw.name, "name", 200),
        mime: text(raw.mime, "mime", 100),
        registration: text(raw.registration ?? "", "registration", 100),
        base64,
      };
    },
    handle: async (request) => {
      let bytes: Uint8Array;
      try {
        bytes = base64Decode(request.base64);
      } catch {
        throw new BadRequest("base64: not base64");
      }
      return { attachment: await addAttachment({ ...request, bytes }) };
    },
  },
  "remove-attachment": {
    from: PAGES,
    validate: (raw) => {
      if (typeof raw.id !== "string" || !/^[0-9a-f]{64}$/.test(raw.id)) throw new BadRequest("id: expected a SHA-256");
      return { type: "remove-attachment", id: raw.id };
    },
    async handle(request) {
      await removeAttachment(request.id);
      return { ok: true };
    },
  },
  "get-report-settings": {
    from: PAGES,
    validate: () => ({ type: "get-report-settings" }),
    async handle() {
      const [role, profile, webhook] = await Promise.all([getRole(), getProfile(), getWebhook()]);
      return { role, profile, webhook: { url: webhook?.url ?? null, hasToken: Boolean(webhook?.token) } };
    },
  },
  "set-role": {
    from: PAGES,
    validate: (raw) => {
      if (!isRole(raw.role)) throw new BadRequest("role: expected shopper or agent");
      return { type: "set-role", role: raw.role };
    },
    async handle(request) {
      await setRole(request.role);
      await armRecheck(); // re-checks are for agents only

      return { ok: true };
    },
  },
  "set-profile": {
    from: PAGES,
    validate: (raw) => ({ type: "set-profile", profile: validateProfile(raw.profile) }),
    async handle(request) {
      await setProfile(request.profile);
      return { ok: true };
    },
  },
  "set-webhook": {
    from: PAGES,
    validate: (raw) => ({
      type: "set-webhook",
      url: optionalText(raw.url, "url"),
      token: optionalText(raw.token, "token"),
    }),
    async handle(request) {
      await setWebhook(request.url, request.token);
      // Cases queued while no webhook was set can go now.
      await armAlarm();
      void drainOutbox().catch(() => undefined);
      return { ok: true };
    },
  },
  "list-cases": {
    from: PAGES,
    validate: () => ({ type: "list-cases" }),
    handle: async () => ({ cases: await listCases(await db()) }),
  },
  "export-case": {
    from: PAGES,
    validate: (raw) => ({ type: "export-case", caseId: caseIdOf(raw) }),
    handle: (request) => exportCase(request.caseId),
  },
  "send-case": {
    from: PAGES,
    validate: (raw) => ({ type: "send-case", caseId: caseIdOf(raw) }),
    async handle(request) {
      if (!(await getWebhook())) throw new SaidError(said("webhook_not_set"));
      await requeue(request.caseId);
      await armAlarm();
      void drainOutbox().catch(() => undefined);
      return { ok: true };
    },
  },
  "record-correction": {
    from: PAGES,
    validate: (raw) => ({
      type: "record-correction",
      correction: validateCorrection(raw.correction) as ReportProtocol["record-correction"]["request"]["correction"],
    }),
    handle: async (request) => ({ id: await recordCorrection(request.correction) }),
  },
  "list-corrections": {
    from: PAGES,
    validate: () => ({ type: "list-corrections" }),
    handle: async () => ({ corrections: await listCorrections() }),
  },
  "brand-contact": {
    from: PAGES,
    validate: (raw) => {
      if (typeof raw.brandId !== "string" || raw.brandId.length > 200) throw new BadRequest("brandId: expected an id");
      return { type: "brand-contact", brandId: raw.brandId };
    },
    async handle(request) {
      const { packs } = await getRules();
      const stored = await (await db()).getAll("packs");
      const byId = new Map(stored.map((s) => [s.id, s.pack]));
      // Active packs in precedence order: a later pack's entry for the brand wins, as in compile().
      const brand = packs.flatMap((p) => byId.get(p.id)?.brands ?? []).findLast((b) => b.id === request.brandId);
      return { brandName: brand?.name ?? null, contact: brand?.report ?? null };
    },
  },
  highlight: {
    from: PAGES,
    validate: (raw) => {
      const phrases = raw.phrases;
      if (!Array.isArray(phrases) || phrases.length > MAX_PHRASES || !phrases.every((p) => typeof p === "string")) {
        throw new BadRequest("phrases: expected a short list of strings");
      }
      return {
        type: "highlight",
        tabId: tabIdOf(raw),
        phrases: phrases.map((p: string) => p.slice(0, 200)),
        on: raw.on === true,
      };
    },
    handle: async (request) => ({ found: await highlight(request.tabId, request.phrases, request.on) }),
  },
};
