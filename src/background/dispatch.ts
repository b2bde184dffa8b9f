/**
 * The message router: sender check, then payload validation, then the
 * handler. Every failure becomes `{ok: false, error}` for the caller; nothing
 * a page sends can throw past here.
 */

import { errorMessage } from "../shared/error-message.ts";
import type { MessageType, Reply } from "../shared/messages/index.ts";
import { isMessageShape } from "../shared/messages/index.ts";
import { classifySender, type SenderInfo } from "../shared/messages/sender.ts";
import { saidOf } from "../shared/said.ts";
import type { Handler, Handlers, Sender } from "./handlers/types.ts";

export interface Self {
  id: string;
  origin: string;
}

export async function dispatch(
  handlers: Handlers<MessageType>,
  raw: unknown,
  senderInfo: SenderInfo,
  self: Self,
): Promise<Reply<MessageType>> {
  try {
    if (!isMessageShape(raw) || !Object.hasOwn(handlers, raw.type)) {
      return { ok: false, error: "Unknown message" };
    }
    const handler = handlers[raw.type as MessageType] as unknown as Handler<MessageType>;
    const kind = classifySender(senderInfo, self.id, self.origin);
    if (kind === null || !handler.from.includes(kind)) {
      return { ok: false, error: `"${raw.type}" is not accepted from this sender` };
    }
    const sender: Sender = { kind, tabId: senderInfo.tab?.id ?? null, url: senderInfo.url ?? null };
    const request = handler.validate(raw as Record<string, unknown>);
    return { ok: true, value: await handler.handle(request, sender) };
  } catch (error) {
    const said = saidOf(error);
    return said ? { ok: false, error: errorMessage(error), said } : { ok: false, error: errorMessage(error) };
  }
}
