/**
 * A failed feed check, with what the options page tells the user: the
 * problem, and what to do about it, each as a message key and params (the
 * page words them in the user's language; the stored record and the log keep
 * the English too). `retryable` failures (network, 5xx, timeout) are retried
 * within the check and then with backoff; the others wait for the next
 * regular check (or "Update now").
 */
import type { PackOriginKind } from "../../shared/messages/packs.ts";
import { english, failureSaid, httpSaid, type Said, SaidError, said, saidOf } from "../../shared/said.ts";

export class FeedError extends SaidError {
  override name = "FeedError";
  constructor(
    problem: Said,
    readonly adviceSaid: Said | null,
    readonly retryable = false,
  ) {
    super(problem);
  }

  /** What to do about it, in English ("" when there is nothing to do). */
  get advice(): string {
    return this.adviceSaid ? english(this.adviceSaid) : "";
  }
}

/** A pack id already installed from elsewhere (a feed or a file must not replace another source's pack). */
export function packIdTaken(id: string, origin: PackOriginKind): Said {
  if (origin === "bundled") return said("pack_id_taken_bundled", { id });
  return origin === "file" ? said("pack_id_taken_file", { id }) : said("pack_id_taken_subscription", { id });
}

const TELL_PUBLISHER = said("feed_advice_tell_publisher");
const REFUSED = said("feed_advice_refused");
const RETRYING = said("feed_advice_retrying");

export const feedErrors = {
  http: (status: number) =>
    status === 404 || status === 410
      ? new FeedError(said("feed_http_missing", { status }), said("feed_advice_check_address"))
      : new FeedError(
          said("feed_http", { answer: httpSaid(status) }),
          RETRYING,
          status >= 500 || status === 429 || status === 408,
        ),
  network: (origin: string) =>
    new FeedError(said("feed_network", { origin }), said("feed_advice_network", { origin }), true),
  timeout: (seconds: number) => new FeedError(said("feed_timeout", { seconds }), RETRYING, true),
  tooLarge: (limit: number) =>
    new FeedError(said("feed_too_large", { megabytes: Math.round(limit / 1024 / 1024) }), TELL_PUBLISHER),
  signatureTooLarge: (url: string) => new FeedError(said("feed_signature_too_large", { url }), TELL_PUBLISHER),
  insecureRedirect: () => new FeedError(said("feed_insecure_redirect"), TELL_PUBLISHER),
  missingSignature: () => new FeedError(said("feed_missing_signature"), REFUSED),
  badSignature: (fingerprint: string) =>
    new FeedError(said("feed_bad_signature", { fingerprint }), said("feed_advice_new_key")),
  /** A broken pack: where (a JSON path, "" for the document) and the validator's detail. */
  invalid: (problem: Said) => new FeedError(problem, REFUSED),
  replay: (problem: Said) => new FeedError(problem, said("feed_advice_replay")),
  expired: (date: string) => new FeedError(said("feed_expired", { date }), TELL_PUBLISHER),
  conflict: (id: string, origin: PackOriginKind) =>
    new FeedError(packIdTaken(id, origin), said("feed_advice_pack_id_taken")),
  removed: () => new FeedError(said("feed_removed_meanwhile"), null),
};

/** Anything thrown during a check, as a FeedError for the subscription's status. */
export function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  return new FeedError(
    saidOf(error) ?? said("feed_update_failed", { error: failureSaid(error) }),
    said("feed_advice_try_later"),
    false,
  );
}
