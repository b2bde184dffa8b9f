import browser from "webextension-polyfill";
import { errorMessage } from "../error-message.ts";
import { asSaid, SaidError } from "../said.ts";
import type { MessageType, Reply, RequestOf, ResponseOf } from "./index.ts";
import { NoAnswerError, type RetryOptions, retryOnNoAnswer } from "./retry.ts";

/**
 * Send one typed request to the background and unwrap its reply; errors become exceptions with the handler's
 * message (a SaidError when it came as a key and params). A background that gives no answer (stopped before it
 * replied, or not reachable) is a NoAnswerError.
 */
export async function send<T extends MessageType>(request: RequestOf<T>): Promise<ResponseOf<T>> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  } catch (error) {
    throw new NoAnswerError(`No answer from the background for "${request.type}": ${errorMessage(error)}`, {
      cause: error,
    });
  }
  if (!reply) throw new NoAnswerError(`No answer from the background for "${request.type}"`);
  if (!reply.ok) {
    const said = asSaid(reply.said);
    throw said ? new SaidError(said) : new Error(reply.error);
  }
  return reply.value;
}

/** `send`, sent again while the background gives no answer (see retryOnNoAnswer): only for requests safe to repeat. */
export function sendRetrying<T extends MessageType>(
  request: RequestOf<T>,
  options?: RetryOptions,
): Promise<ResponseOf<T>> {
  return retryOnNoAnswer(() => send(request), options);
}
