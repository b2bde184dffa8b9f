/**
 * The UI language in the extension: the user's choice from the options page
 * (storage.local), else the browser's UI language. The chosen locale's
 * messages.json is read from the extension itself (`browser.i18n.getMessage`
 * is fixed to the browser's language), English being the fallback of every
 * missing key. Pages set `lang` and `dir` on their document from it; the worker
 * words the badge's title with it.
 */
import browser from "webextension-polyfill";
import {
  Catalog,
  ENGLISH,
  ENGLISH_MESSAGES,
  isLocaleCode,
  LANGUAGE_KEY,
  type LocaleCode,
  localeOf,
  type MessageFile,
  matchLocale,
  setActiveCatalog,
} from "./i18n.ts";

export { LANGUAGE_KEY };

/** The language the user chose in the options page, or null (follow the browser). A stored value we do not know is ignored. */
export async function chosenLanguage(): Promise<LocaleCode | null> {
  const stored = (await browser.storage.local.get(LANGUAGE_KEY))[LANGUAGE_KEY];
  return isLocaleCode(stored) ? stored : null;
}

export async function setChosenLanguage(code: LocaleCode | null): Promise<void> {
  if (code === null) await browser.storage.local.remove(LANGUAGE_KEY);
  else await browser.storage.local.set({ [LANGUAGE_KEY]: code });
}

/** The locale the browser's UI language maps to. */
export function browserLanguage(): LocaleCode {
  return matchLocale(browser.i18n.getUILanguage());
}

async function readMessages(code: LocaleCode): Promise<MessageFile> {
  const response = await fetch(browser.runtime.getURL(`_locales/${code}/messages.json`));
  if (!response.ok) throw new Error(`_locales/${code}/messages.json: HTTP ${response.status}`);
  return (await response.json()) as MessageFile;
}

/** The catalog of the chosen (or the browser's) language; English when its file cannot be read. */
export async function loadCatalog(): Promise<Catalog> {
  const code = (await chosenLanguage().catch(() => null)) ?? browserLanguage();
  if (code === "en") return ENGLISH;
  try {
    return new Catalog(code, await readMessages(code), ENGLISH_MESSAGES);
  } catch (error) {
    console.error("[copycatch] UI language", code, "could not be loaded; English is used", error);
    return ENGLISH;
  }
}

/** `lang` and `dir` of a page from the catalog's locale. */
export function applyToDocument(doc: Document, c: Catalog, title?: string): void {
  const locale = localeOf(c.code);
  doc.documentElement.lang = locale.tag;
  doc.documentElement.dir = locale.dir;
  if (title !== undefined) doc.title = title;
}

/**
 * Before a page renders: load its language, make it the active catalog, set
 * the document's `lang` and `dir`; `render` runs now and again whenever the
 * user picks another language (in this page or another).
 */
export async function startPage(render: (c: Catalog) => void): Promise<void> {
  const run = async () => {
    const c = await loadCatalog();
    setActiveCatalog(c);
    applyToDocument(document, c);
    render(c);
  };
  browser.storage.local.onChanged.addListener((changes) => {
    if (LANGUAGE_KEY in changes) void run();
  });
  await run();
}
