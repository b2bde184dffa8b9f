/** A locale's catalog read from public/_locales, English as its fallback: for tests that word keys in a language. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Catalog, ENGLISH_MESSAGES, type LocaleCode, type MessageFile } from "../src/shared/i18n.ts";

const LOCALES_DIR = fileURLToPath(new URL("../public/_locales/", import.meta.url));

export function localeCatalog(code: LocaleCode): Catalog {
  const file = JSON.parse(readFileSync(join(LOCALES_DIR, code, "messages.json"), "utf8")) as MessageFile;
  return new Catalog(code, file, ENGLISH_MESSAGES);
}
