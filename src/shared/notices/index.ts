/**
 * Prefilled notices for every portal of the marketplace registry. Pure
 * functions of the case and the rights-holder profile: the same text in the
 * popup, the options page, the ZIP bundle, the CLI and the tests.
 */
import type { MarketplaceId } from "../listing.ts";
import { REGISTRY } from "../marketplaces.ts";
import { PORTAL_OF, type PortalId } from "../report-portals.ts";
import type { Notice, NoticeInput, NoticeWriter } from "./types.ts";
import { writeNotice } from "./write.ts";

export type { Notice, NoticeCase, NoticeField, NoticeInput } from "./types.ts";
export { writeNotice } from "./write.ts";

/** One writer per portal id, all the same registry-driven writer. */
export const NOTICE_WRITERS: Record<PortalId, NoticeWriter> = Object.fromEntries(
  REGISTRY.portals.map((p) => [p.id, (input: NoticeInput) => writeNotice(p.id, input)]),
);

export function noticeFor(marketplace: MarketplaceId, input: NoticeInput): Notice {
  return writeNotice(PORTAL_OF[marketplace], input);
}

/** Plain text, one field per block, for the clipboard and notices/*.txt. */
export function noticeText(notice: Notice): string {
  const where = notice.url ? `File at: ${notice.url}` : "File with the brand's contact.";
  const head = [`${notice.portalName}`, where];
  if (notice.submitTo) head.push(`Send to: ${notice.submitTo}`);
  for (const e of notice.errors) head.push(`NOT READY: ${e}`);
  for (const w of notice.warnings) head.push(`Note: ${w}`);
  head.push("");
  const body = notice.fields.map((f) => `${f.label}:\n${indent(f.value || "(empty)")}\n`);
  const files = notice.attachments.length > 0 ? [`Attach:\n${indent(notice.attachments.join("\n"))}\n`] : [];
  return `${[...head, ...body, ...files].join("\n").trimEnd()}\n`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

/** Machine-readable: field keys to values, for portals that take a file or an API. */
export function noticeJson(notice: Notice): string {
  const fields = Object.fromEntries(notice.fields.map((f) => [f.key, f.value]));
  const { portal, url, urlVerified, submitTo, warnings, errors, attachments } = notice;
  return `${JSON.stringify({ portal, url, urlVerified, submitTo, fields, warnings, errors, attachments }, null, 2)}\n`;
}
