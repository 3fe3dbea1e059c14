import type { Language } from "./seed/people";

/** A text in every language the sandbox speaks. */
export type Localized = Record<Language, string>;

export const LANGUAGES: readonly Language[] = ["nl", "fr", "it", "en"];

/** Maps a `ui_locales` value (nl, nlBE, frBE, fr, it, en, nl-BE, …) to a language, English when unknown. */
export function languageFromLocale(locale: string | undefined): Language {
  const lower = (locale ?? "").toLowerCase();
  for (const language of LANGUAGES) if (lower.startsWith(language)) return language;
  return "en";
}

export function localize(text: Localized | string, language: Language): string {
  return typeof text === "string" ? text : text[language];
}
