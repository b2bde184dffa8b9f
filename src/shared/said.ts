/**
 * What the worker (or a validator, or the registry's data) tells the user, as
 * a message key of `public/_locales/<code>/messages.json` and its params,
 * instead of an English sentence: the pages word it in the user's language,
 * the CLI, the logs and the stored evidence in English (the same key's English
 * message). Params carry what cannot be translated (a JSON path, an address, a
 * server's status, a validator's technical detail): the pages show each one
 * isolated inside the translated sentence.
 */
import { errorMessage } from "./error-message.ts";
import { type Catalog, ENGLISH, type MessageKey, type ParamsOf, type Part, ui } from "./i18n.ts";

export interface Said {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** A typed key and its params (the key's placeholders, checked by the compiler). */
export function said<K extends MessageKey>(key: K, ...params: ParamsOf<K>): Said {
  return { key, params: { ...((params[0] ?? {}) as Record<string, string | number>) } };
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
  return ENGLISH.format(s.key, s.params);
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

/**
 * Rebuilt from untrusted or stored data (a reply, an old record): a key of the
 * English file and params that are strings or finite numbers; null otherwise.
 */
export function asSaid(raw: unknown): Said | null {
  if (typeof raw !== "object" || raw === null) return null;
  const { key, params } = raw as { key?: unknown; params?: unknown };
  if (typeof key !== "string" || !ENGLISH.has(key)) return null;
  if (typeof params !== "object" || params === null || Array.isArray(params)) return null;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) out[k] = v;
    else return null;
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
  return c
    .parts(s.key, s.params)
    .map((p) =>
      typeof p === "string" || numeric.has(p.param.toLowerCase()) ? textOfPart(p) : `${FSI}${p.value}${PDI}`,
    )
    .join("");
}

function textOfPart(p: Part): string {
  return typeof p === "string" ? p : p.value;
}

/** Anything thrown, for the user: a SaidError in the catalog's language, else its own (English) message. */
export function errorText(error: unknown, c: Catalog = ui()): string {
  const s = saidOf(error);
  return s ? sayText(s, c) : errorMessage(error);
}

/** Text kept with a Said (a stored record, an old one without it): worded from the Said when there is one. */
export function textOf(s: Said | null | undefined, fallback: string, c: Catalog = ui()): string {
  const valid = asSaid(s);
  return valid ? sayText(valid, c) : fallback;
}
