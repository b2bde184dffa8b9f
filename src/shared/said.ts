/**
 * What the worker (or a validator, or the registry's data) tells the user, as
 * a message key of `public/_locales/<code>/messages.json` and its params,
 * instead of an English sentence: the pages word it in the user's language,
 * the CLI, the logs and the stored evidence in English (the same key's English
 * message). Params carry what cannot be translated (a JSON path, an address, a
 * server's status, a validator's technical detail): the pages show each one
 * isolated inside the translated sentence.
 */
import { type FailureKind, failureKind, failureText } from "./failure-kind.ts";
import { type Catalog, ENGLISH, type MessageKey, type ParamsOf, type Part, ui } from "./i18n.ts";

/**
 * A param is text or a number, or a Said of its own: a sentence of ours
 * inside another (a validator's detail inside "the pack is broken at …"),
 * worded in the same language and not isolated as foreign text (its own
 * params are).
 */
export type SaidParam = string | number | Said;

export interface Said {
  key: MessageKey;
  params: Record<string, SaidParam>;
}

/** A key's params as `said` takes them: each may also be a Said. */
type SaidParamsOf<K extends MessageKey> = ParamsOf<K> extends [infer R] ? [{ [P in keyof R]: R[P] | Said }] : [];

/** A typed key and its params (the key's placeholders, checked by the compiler). */
export function said<K extends MessageKey>(key: K, ...params: SaidParamsOf<K>): Said {
  return { key, params: { ...((params[0] ?? {}) as Record<string, SaidParam>) } };
}

function isSaid(v: SaidParam | undefined): v is Said {
  return typeof v === "object" && v !== null;
}

/**
 * A Said cut at its params in a catalog's language: the message's text, each
 * text or number param's value (a Part, for the caller to isolate), and each
 * Said param as it is, for the caller to word in turn.
 */
export function saidParts(s: Said, c: Catalog): (Part | { param: string; said: Said })[] {
  const values = new Map(Object.entries(s.params).map(([k, v]) => [k.toLowerCase(), v]));
  const scalars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(s.params)) if (!isSaid(v)) scalars[k] = v;
  return c.parts(s.key, scalars).map((p) => {
    if (typeof p === "string") return p;
    const v = values.get(p.param.toLowerCase());
    return isSaid(v) ? { param: p.param, said: v } : p;
  });
}

/** A Said's params in a catalog's language as plain text: a Said param worded, the others as they are. */
function plainParams(s: Said, c: Catalog): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(s.params)) out[k] = isSaid(v) ? c.format(v.key, plainParams(v, c)) : v;
  return out;
}

/**
 * A text of the registry's data (a portal's hint, note or requirement) by the
 * key its translations have; a text without one (data added later) travels as
 * it is, to be shown in English.
 */
export function saidFromData(key: string, text: string): Said {
  return ENGLISH.has(key) && ENGLISH.format(key) === text
    ? { key: key as MessageKey, params: {} }
    : said("as_given", { text });
}

/** The English sentence: what the CLI prints, what logs and stored evidence keep. */
export function english(s: Said): string {
  return ENGLISH.format(s.key, plainParams(s, ENGLISH));
}

/** An error told as a key and params; its `message` is the English sentence. */
export class SaidError extends Error {
  override name = "SaidError";
  constructor(readonly said: Said) {
    super(english(said));
  }
}

/** The Said of anything thrown (a SaidError), else null. */
export function saidOf(error: unknown): Said | null {
  return error instanceof SaidError ? error.said : null;
}

/** How deep a Said may sit inside another: a detail inside a sentence inside a warning is two. */
const MAX_DEPTH = 3;

/**
 * Rebuilt from untrusted or stored data (a reply, an old record): a key of the
 * English file and params that are strings, finite numbers or, a few levels
 * deep, Saids of their own; null otherwise.
 */
export function asSaid(raw: unknown, depth = 0): Said | null {
  if (typeof raw !== "object" || raw === null || depth > MAX_DEPTH) return null;
  const { key, params } = raw as { key?: unknown; params?: unknown };
  if (typeof key !== "string" || !ENGLISH.has(key)) return null;
  if (typeof params !== "object" || params === null || Array.isArray(params)) return null;
  const out: Record<string, SaidParam> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) out[k] = v;
    else {
      const inner = asSaid(v, depth + 1);
      if (!inner) return null;
      out[k] = inner;
    }
  }
  return { key: key as MessageKey, params: out };
}

/** First strong isolate and pop directional isolate: the plain-text form of `<bdi>` (dir="auto"). */
const FSI = "\u2068";
const PDI = "\u2069";

/**
 * A Said in a catalog's language as one string, each text param isolated
 * (FSI…PDI), for text that is kept as a string (a status line, a title); a
 * number, written the locale's way, needs no isolation. In markup,
 * `<SaidText>` (src/popup/msg.tsx) puts each param in `<bdi>` instead.
 */
export function sayText(s: Said, c: Catalog = ui()): string {
  const numeric = new Set(
    Object.entries(s.params)
      .filter(([, v]) => typeof v === "number")
      .map(([k]) => k.toLowerCase()),
  );
  return saidParts(s, c)
    .map((p) => {
      if (typeof p === "string") return p;
      if ("said" in p) return sayText(p.said, c);
      return numeric.has(p.param.toLowerCase()) ? p.value : `${FSI}${p.value}${PDI}`;
    })
    .join("");
}

/** Each kind of failure the browser's or a runtime's text tells, in words of ours. */
const FAILURE: Record<FailureKind, Said> = {
  timeout: said("failure_timeout"),
  aborted: said("failure_aborted"),
  refused: said("failure_refused"),
  dns: said("failure_dns"),
  tls: said("failure_tls"),
  redirect: said("failure_redirect"),
  network: said("failure_network"),
  capture_permission: said("failure_capture_permission"),
  capture_hidden: said("failure_capture_hidden"),
  capture_restricted: said("failure_capture_restricted"),
  capture_disabled: said("failure_capture_disabled"),
  capture_navigated: said("failure_capture_navigated"),
  capture_too_often: said("failure_capture_too_often"),
};

/**
 * Anything thrown, as a Said: a SaidError's own; else the kind of failure the
 * browser's (or a runtime's) text tells, or "an unexpected error", with that
 * text kept after it as an isolated detail.
 */
export function failureSaid(error: unknown): Said {
  const s = saidOf(error);
  if (s) return s;
  const kind = failureKind(error);
  return said("failure_detail", { what: kind ? FAILURE[kind] : said("failure_unknown"), detail: failureText(error) });
}

/** A server's HTTP status in words: its class worded, the number as a param. */
export function httpSaid(status: number): Said {
  if (status === 404 || status === 410) return said("http_not_found", { status });
  if (status === 401 || status === 403) return said("http_not_allowed", { status });
  if (status === 408 || status === 429) return said("http_busy", { status });
  if (status >= 400 && status < 500) return said("http_client", { status });
  if (status >= 500 && status < 600) return said("http_server", { status });
  return said("http_other", { status });
}

/**
 * Anything thrown, for the user, in the catalog's language: a SaidError as
 * told; anything else (the browser's text, or the English of an error only a
 * bug causes) worded by its kind, or as an unexpected error, its own text
 * kept as an isolated detail.
 */
export function errorText(error: unknown, c: Catalog = ui()): string {
  return sayText(failureSaid(error), c);
}

/** Text kept with a Said (a stored record, an old one without it): worded from the Said when there is one. */
export function textOf(s: Said | null | undefined, fallback: string, c: Catalog = ui()): string {
  const valid = asSaid(s);
  return valid ? sayText(valid, c) : fallback;
}
