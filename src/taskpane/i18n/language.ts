/** The languages of the taskpane's order surfaces, as the sign-in pages offer them (README: Test persons). */
export type Language = "nl" | "fr" | "it" | "en";
export const LANGUAGES: readonly Language[] = ["nl", "fr", "it", "en"];

/**
 * The person's language from the locale of their sign-in (SignInPreference.locale: nl, nlBE, frBE, fr, it, en);
 * Dutch, as the login pages, when none was chosen yet.
 */
export function languageOf(locale: string | undefined): Language {
  const base = (locale ?? "nl").slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : "nl";
}

/** The BCP 47 tag for number and date formatting in a language. */
export function localeTag(language: Language): string {
  return { nl: "nl-NL", fr: "fr-FR", it: "it-IT", en: "en-GB" }[language];
}
