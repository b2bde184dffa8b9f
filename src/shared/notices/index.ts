/**
 * Prefilled notices, one writer per portal (issue #6). Pure functions of the
 * case and the rights-holder profile: the same text in the popup, the options
 * page, the ZIP bundle and the tests.
 */
import type { MarketplaceId } from "../listing.ts";
import { PORTAL_OF, type PortalId } from "../report-portals.ts";
import { alibabaIppNotice } from "./alibaba-ipp.ts";
import { amazonNotice } from "./amazon.ts";
import { dhgateNotice } from "./dhgate.ts";
import { ebayNotice } from "./ebay.ts";
import { etsyNotice } from "./etsy.ts";
import { genericNotice } from "./generic.ts";
import { mercadolibreNotice } from "./mercadolibre.ts";
import { temuNotice } from "./temu.ts";
import type { Notice, NoticeInput, NoticeWriter } from "./types.ts";
import { walmartNotice } from "./walmart.ts";

export type { Notice, NoticeCase, NoticeField, NoticeInput } from "./types.ts";

export const NOTICE_WRITERS: Record<PortalId, NoticeWriter> = {
  amazon: amazonNotice,
  "ebay-vero": ebayNotice,
  "alibaba-ipp": alibabaIppNotice,
  walmart: walmartNotice,
  etsy: etsyNotice,
  temu: temuNotice,
  dhgate: dhgateNotice,
  mercadolibre: mercadolibreNotice,
  jd: genericNotice("jd"),
  rakuten: genericNotice("rakuten"),
  generic: genericNotice("generic"),
};

export function noticeFor(marketplace: MarketplaceId, input: NoticeInput): Notice {
  return NOTICE_WRITERS[PORTAL_OF[marketplace]](input);
}

/** Plain text, one field per block, for the clipboard and notices/*.txt. */
export function noticeText(notice: Notice): string {
  const head = [`${notice.portalName}`, notice.url ? `File at: ${notice.url}` : "File with the brand's contact.", ""];
  const body = notice.fields.map((f) => `${f.label}:\n${indent(f.value || "(empty)")}\n`);
  return `${[...head, ...body].join("\n").trimEnd()}\n`;
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
  return `${JSON.stringify({ portal: notice.portal, url: notice.url, fields }, null, 2)}\n`;
}
