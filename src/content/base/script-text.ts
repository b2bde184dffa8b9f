/**
 * Inline script text for the extract context: all of it read once and
 * capped (`scriptTexts`), or the first script containing a marker
 * (`scriptWith`), which stops at the first hit and keeps nothing else: most
 * adapters need one known script, and a large page carries megabytes of
 * others. The elements come from the page markup survey, done once per
 * context and shared with the JSON-LD, OpenGraph and microdata layers.
 */
import { type PageMarkup, surveyMarkup } from "./page-markup.ts";

export interface ScriptReader {
  /** The page's scripts, metas and scope flag, gathered in one walk on first use. */
  markup(): PageMarkup;
  scriptTexts(): string[];
  scriptWith(marker: string): string | null;
}

export function scriptReader(doc: Document, maxTotal: number): ScriptReader {
  let survey: PageMarkup | null = null;
  let inline: Element[] | null = null;
  let all: string[] | null = null;
  const markup = (): PageMarkup => {
    survey ??= surveyMarkup(doc);
    return survey;
  };
  const inlineScripts = (): Element[] => {
    inline ??= markup().scripts.filter((s) => !s.hasAttribute("src"));
    return inline;
  };
  const scriptTexts = (): string[] => {
    if (all) return all;
    all = [];
    let total = 0;
    for (const s of inlineScripts()) {
      const t = s.textContent ?? "";
      total += t.length;
      // Capped in total so a page stuffed with megabytes of script stays bounded.
      if (total > maxTotal) break;
      all.push(t);
    }
    return all;
  };
  const scriptWith = (marker: string): string | null => {
    if (all) return all.find((t) => t.includes(marker)) ?? null;
    let total = 0;
    for (const s of inlineScripts()) {
      const t = s.textContent ?? "";
      total += t.length;
      if (total > maxTotal) return null;
      if (t.includes(marker)) return t;
    }
    return null;
  };
  return { markup, scriptTexts, scriptWith };
}
