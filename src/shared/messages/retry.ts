/**
 * A request the background never answered. The background is an event page
 * (Firefox) or a service worker (Chromium) that the browser stops when idle,
 * and stops even with a message in hand when its work runs long (Firefox
 * extends an idle background's life once for a pending listener, then stops
 * it); a stopped background drops the reply, and `runtime.sendMessage`
 * rejects or resolves with nothing. The request never reached a handler or
 * its answer was lost: sending it again is safe for requests whose handler
 * only records the latest state (a page's listing, "not a listing").
 */
export class NoAnswerError extends Error {
  override name = "NoAnswerError";
}

/** Waits between tries of a request the background did not answer: short first (a background waking), then longer (a busy one). */
export const NO_ANSWER_RETRY_MS: readonly number[] = [300, 1000, 3000];

export interface RetryOptions {
  /** Waits before each further try; one try more than there are waits. */
  delaysMs?: readonly number[];
  /** Asked before each further try: false stops (the page moved on, the answer is no longer wanted). */
  wanted?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `attempt()`, tried again after each wait while it fails with NoAnswerError.
 * Any other failure (the handler refused the request) is final and thrown at
 * once; so is the last NoAnswerError, and the one pending when `wanted()`
 * says the answer is no longer wanted.
 */
export async function retryOnNoAnswer<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { delaysMs = NO_ANSWER_RETRY_MS, wanted = () => true, sleep = defaultSleep } = options;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delaysMs[i];
      if (!(error instanceof NoAnswerError) || delay === undefined) throw error;
      await sleep(delay);
      if (!wanted()) throw error;
    }
  }
}
