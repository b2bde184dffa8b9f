/**
 * One typed message protocol: a discriminated union of requests, each with its
 * response type, so a handler and its callers cannot drift apart. Feature
 * protocols live in their own files and are merged here.
 */

import type { Said } from "../said.ts";
import type { CaseProtocol } from "./cases.ts";
import type { CoreProtocol } from "./core.ts";
import type { PackProtocol } from "./packs.ts";
import type { ReportProtocol } from "./reports.ts";

export type Protocol = CoreProtocol & PackProtocol & ReportProtocol & CaseProtocol;

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = { type: T } & Protocol[T]["request"];
export type ResponseOf<T extends MessageType> = Protocol[T]["response"];
export type AnyRequest = { [T in MessageType]: RequestOf<T> }[MessageType];

/**
 * What actually travels back: the response, or an error the caller must show:
 * its English message, and its key and params when the worker told it so
 * (the page words it in the user's language).
 */
export type Reply<T extends MessageType> =
  | { ok: true; value: ResponseOf<T> }
  | { ok: false; error: string; said?: Said };

/** Who may send a message: content scripts (untrusted page context) or the extension's own pages. */
export type SenderKind = "content" | "extension-page";

export function isMessageShape(raw: unknown): raw is { type: string } {
  return typeof raw === "object" && raw !== null && typeof (raw as { type?: unknown }).type === "string";
}
