/** Options: the UI language, the browser's by default; the choice applies at once to every open Copycatch page. */
import { useEffect, useState } from "preact/hooks";
import { isLocaleCode, LOCALES, type LocaleCode, localeOf, t } from "../shared/i18n.ts";
import { browserLanguage, chosenLanguage, setChosenLanguage } from "../shared/i18n-browser.ts";
import { errorText } from "../shared/said.ts";

const BROWSER = "";

export function LanguageSection() {
  const [choice, setChoice] = useState<LocaleCode | typeof BROWSER | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    chosenLanguage().then(
      (c) => setChoice(c ?? BROWSER),
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  const choose = async (value: string) => {
    const code = isLocaleCode(value) ? value : null;
    setChoice(code ?? BROWSER);
    try {
      // The pages re-render in the new language when storage changes (i18n-browser.ts startPage).
      await setChosenLanguage(code);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const fromBrowser = localeOf(browserLanguage());
  return (
    <section class="options-section language-section" aria-labelledby="language-title">
      <h2 id="language-title">{t("language_title")}</h2>
      <label class="stacked" for="ui-language">
        {t("language_label")}
      </label>
      <select
        id="ui-language"
        name="ui-language"
        value={choice ?? BROWSER}
        disabled={choice === null}
        onChange={(e) => void choose(e.currentTarget.value)}
      >
        <option value={BROWSER}>{t("language_browser", { language: fromBrowser.name })}</option>
        {LOCALES.map((l) => (
          <option key={l.code} value={l.code} lang={l.tag} dir={l.dir}>
            {l.name}
          </option>
        ))}
      </select>
      <p class="muted">{t("language_note")}</p>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
