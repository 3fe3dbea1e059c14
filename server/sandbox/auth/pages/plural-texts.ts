import type { Language } from "../../seed/people";
import { fill } from "./page-texts";

/** A text per CLDR plural category of one language; `other` is always there, a missing category falls back to it. */
type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type LocalizedPlural = Record<Language, PluralForms>;

/** The login pages' texts that hold a number `{count}`: the form follows the number by Intl.PluralRules (French 0 and 1 are singular). */
export const pluralTexts = {
  attemptsLeft: {
    en: { one: "{count} attempt left before your login is locked.", other: "{count} attempts left before your login is locked." },
    nl: { one: "Nog {count} poging voordat uw login wordt geblokkeerd.", other: "Nog {count} pogingen voordat uw login wordt geblokkeerd." },
    fr: { one: "Encore {count} tentative avant le blocage de votre accès.", other: "Encore {count} tentatives avant le blocage de votre accès." },
    it: { one: "Ancora {count} tentativo prima del blocco dell'accesso.", other: "Ancora {count} tentativi prima del blocco dell'accesso." },
  },
  wrongSmsCode: {
    en: { one: "The SMS code is incorrect. {count} attempt left.", other: "The SMS code is incorrect. {count} attempts left." },
    nl: { one: "De sms-code is onjuist. Nog {count} poging.", other: "De sms-code is onjuist. Nog {count} pogingen." },
    fr: { one: "Le code SMS est incorrect. Encore {count} tentative.", other: "Le code SMS est incorrect. Encore {count} tentatives." },
    it: { one: "Il codice SMS non è corretto. Ancora {count} tentativo.", other: "Il codice SMS non è corretto. Ancora {count} tentativi." },
  },
  locked: {
    en: {
      one: "Too many wrong passwords: your login is locked for {count} minute. Try again later.",
      other: "Too many wrong passwords: your login is locked for {count} minutes. Try again later.",
    },
    nl: {
      one: "Te vaak een onjuist wachtwoord: uw login is {count} minuut geblokkeerd. Probeer het later opnieuw.",
      other: "Te vaak een onjuist wachtwoord: uw login is {count} minuten geblokkeerd. Probeer het later opnieuw.",
    },
    fr: {
      one: "Trop de mots de passe erronés : votre accès est bloqué pendant {count} minute. Réessayez plus tard.",
      other: "Trop de mots de passe erronés : votre accès est bloqué pendant {count} minutes. Réessayez plus tard.",
    },
    it: {
      one: "Troppe password errate: l'accesso è bloccato per {count} minuto. Riprova più tardi.",
      other: "Troppe password errate: l'accesso è bloccato per {count} minuti. Riprova più tardi.",
    },
  },
} satisfies Record<string, LocalizedPlural>;

const rules = new Map<Language, Intl.PluralRules>();

/** The text in `language` with `{count}` filled in, in the plural form the number takes in that language. */
export function plural(text: LocalizedPlural, language: Language, count: number): string {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  const forms = text[language];
  return fill(forms[rule.select(count)] ?? forms.other, { count });
}
