import { plural, pluralTexts } from "../../../server/sandbox/auth/pages/plural-texts";

describe("plural forms of the login pages", () => {
  it.each([
    ["en", 1, "The SMS code is incorrect. 1 attempt left.", "Too many wrong passwords: your login is locked for 1 minute. Try again later."],
    ["en", 2, "The SMS code is incorrect. 2 attempts left.", "Too many wrong passwords: your login is locked for 2 minutes. Try again later."],
    ["nl", 1, "De sms-code is onjuist. Nog 1 poging.", "Te vaak een onjuist wachtwoord: uw login is 1 minuut geblokkeerd. Probeer het later opnieuw."],
    ["nl", 2, "De sms-code is onjuist. Nog 2 pogingen.", "Te vaak een onjuist wachtwoord: uw login is 2 minuten geblokkeerd. Probeer het later opnieuw."],
    ["fr", 1, "Le code SMS est incorrect. Encore 1 tentative.", "Trop de mots de passe erronés : votre accès est bloqué pendant 1 minute. Réessayez plus tard."],
    ["fr", 0, "Le code SMS est incorrect. Encore 0 tentative.", "Trop de mots de passe erronés : votre accès est bloqué pendant 0 minute. Réessayez plus tard."],
    ["fr", 2, "Le code SMS est incorrect. Encore 2 tentatives.", "Trop de mots de passe erronés : votre accès est bloqué pendant 2 minutes. Réessayez plus tard."],
    ["it", 1, "Il codice SMS non è corretto. Ancora 1 tentativo.", "Troppe password errate: l'accesso è bloccato per 1 minuto. Riprova più tardi."],
    ["it", 15, "Il codice SMS non è corretto. Ancora 15 tentativi.", "Troppe password errate: l'accesso è bloccato per 15 minuti. Riprova più tardi."],
  ] as const)("%s, %i: SMS attempts and lock minutes", (language, count, sms, locked) => {
    expect(plural(pluralTexts.wrongSmsCode, language, count)).toBe(sms);
    expect(plural(pluralTexts.locked, language, count)).toBe(locked);
  });

  it("falls back to the other form for a category a text does not give (French 'many')", () => {
    expect(plural(pluralTexts.attemptsLeft, "fr", 1_000_000)).toBe("Encore 1000000 tentatives avant le blocage de votre accès.");
  });
});
