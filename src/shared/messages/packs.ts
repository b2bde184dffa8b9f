/** Rule-pack management messages (issue #5): extension pages only. */
// biome-ignore lint/complexity/noBannedTypes: filled by the rule-store work.
export type PackProtocol = {};
