import browser from "webextension-polyfill";
import { asSaid, SaidError } from "../said.ts";
import type { MessageType, Reply, RequestOf, ResponseOf } from "./index.ts";

/** Send one typed request to the background and unwrap its reply; errors become exceptions with the handler's message (a SaidError when it came as a key and params). */
export async function send<T extends MessageType>(request: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error(`No answer from the background for "${request.type}"`);
  if (!reply.ok) {
    const said = asSaid(reply.said);
    throw said ? new SaidError(said) : new Error(reply.error);
  }
  return reply.value;
}
