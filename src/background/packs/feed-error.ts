/**
 * A failed feed check, with what the options page tells the user: the
 * problem, and what to do about it. `retryable` failures (network, 5xx,
 * timeout) are retried within the check and then with backoff; the others
 * wait for the next regular check (or "Update now").
 */
import { errorMessage } from "../../shared/error-message.ts";
export class FeedError extends Error {
  override name = "FeedError";
  constructor(
    message: string,
    readonly advice: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

const TELL_PUBLISHER =
  "Your current rules stay active. Tell the feed's publisher; Copycatch checks again at the next update.";

export const feedErrors = {
  http: (status: number) =>
    status === 404 || status === 410
      ? new FeedError(
          `The feed answered HTTP ${status}: no pack at this address.`,
          `Check the address with the publisher. ${TELL_PUBLISHER}`,
        )
      : new FeedError(
          `The feed answered HTTP ${status}.`,
          "The feed server is failing. Your current rules stay active and Copycatch retries automatically.",
          status >= 500 || status === 429 || status === 408,
        ),
  network: (origin: string) =>
    new FeedError(
      `Could not reach ${origin}.`,
      `Check your connection. If the address opens in a tab, allow Copycatch to access ${origin} (Grant access) or ask the publisher to allow cross-origin requests. Copycatch retries automatically.`,
      true,
    ),
  timeout: (seconds: number) =>
    new FeedError(
      `The feed did not answer within ${seconds} s.`,
      "The feed server is slow or down. Your current rules stay active and Copycatch retries automatically.",
      true,
    ),
  tooLarge: (limit: number) =>
    new FeedError(
      `The pack is larger than the ${Math.round(limit / 1024 / 1024)} MB limit and was not read.`,
      TELL_PUBLISHER,
    ),
  insecureRedirect: () => new FeedError("The feed redirected to an address that is not HTTPS.", TELL_PUBLISHER),
  missingSignature: () =>
    new FeedError(
      "The pack has no signature (.sig file) although this subscription requires one.",
      `The pack was refused. ${TELL_PUBLISHER}`,
    ),
  badSignature: (fingerprint: string) =>
    new FeedError(
      `The pack's signature does not match the pinned key ${fingerprint}.`,
      "The pack was refused: it may have been tampered with. If the publisher announced a new key, remove this subscription and add it again with the new key after comparing its fingerprint.",
    ),
  invalid: (detail: string) =>
    new FeedError(`The pack is broken: ${detail}`, `The pack was refused. ${TELL_PUBLISHER}`),
  replay: (detail: string) =>
    new FeedError(`The pack was refused: ${detail}.`, `This can be a replay of an old pack. ${TELL_PUBLISHER}`),
  expired: (date: string) => new FeedError(`The feed serves a pack that expired on ${date}.`, TELL_PUBLISHER),
  conflict: (id: string, origin: string) =>
    new FeedError(
      `The feed's pack id "${id}" is already used by a ${origin} pack.`,
      "Remove the other pack first, or ask the publisher to use their own pack id.",
    ),
};

/** Anything thrown during a check, as a FeedError for the subscription's status. */
export function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  const message = errorMessage(error);
  return new FeedError(
    `The update failed: ${message}`,
    'Your current rules stay active. Try "Update now" later.',
    false,
  );
}
