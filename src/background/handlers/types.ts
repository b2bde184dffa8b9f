import type { MessageType, RequestOf, ResponseOf, SenderKind } from "../../shared/messages/index.ts";

/** Who sent a message, after the sender check: a content script always has its tab. */
export interface Sender {
  kind: SenderKind;
  tabId: number | null;
  url: string | null;
}

/**
 * One handler per message type. `from` lists the senders it accepts (content
 * scripts are untrusted page context: they may only report their own tab);
 * `validate` rebuilds the untrusted payload before `handle` sees it.
 */
export interface Handler<T extends MessageType> {
  from: readonly SenderKind[];
  validate(raw: Record<string, unknown>): RequestOf<T>;
  handle(request: RequestOf<T>, sender: Sender): Promise<ResponseOf<T>>;
}

export type Handlers<K extends MessageType> = { [T in K]: Handler<T> };
