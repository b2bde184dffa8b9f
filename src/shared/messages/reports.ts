/** Report and case messages (issue #6): extension pages only. */
// biome-ignore lint/complexity/noBannedTypes: filled by the report work.
export type ReportProtocol = {};
