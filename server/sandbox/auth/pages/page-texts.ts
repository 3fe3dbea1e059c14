import type { Realm, Scope } from "../../../../src/core/wire/auth";
import type { Localized } from "../../i18n";

/** Every text of the login pages, in each language (API.md 1.4). `{name}` marks a value filled in by `fill`. */
export const pageTexts = {
  signInTitle: { en: "Sign in to Binck", nl: "Inloggen bij Binck", fr: "Connexion à Binck", it: "Accedi a Binck" },
  signInIntro: {
    en: "The application {client} asks you to sign in to Binck {country}.",
    nl: "De applicatie {client} vraagt u in te loggen bij Binck {country}.",
    fr: "L'application {client} vous demande de vous connecter à Binck {country}.",
    it: "L'applicazione {client} ti chiede di accedere a Binck {country}.",
  },
  userLabel: { en: "User name", nl: "Gebruikersnaam", fr: "Nom d'utilisateur", it: "Nome utente" },
  passwordLabel: { en: "Password", nl: "Wachtwoord", fr: "Mot de passe", it: "Password" },
  signInButton: { en: "Sign in", nl: "Inloggen", fr: "Se connecter", it: "Accedi" },
  missingCredentials: {
    en: "Enter your user name and your password.",
    nl: "Vul uw gebruikersnaam en uw wachtwoord in.",
    fr: "Saisissez votre nom d'utilisateur et votre mot de passe.",
    it: "Inserisci il nome utente e la password.",
  },
  wrongCredentials: {
    en: "The user name or the password is incorrect.",
    nl: "De gebruikersnaam of het wachtwoord is onjuist.",
    fr: "Le nom d'utilisateur ou le mot de passe est incorrect.",
    it: "Il nome utente o la password non sono corretti.",
  },
  // The country is chosen in the add-in's task pane, in its Country field (src/taskpane, SignInCard).
  noAccountInRealm: {
    en: "{user} has no account at Binck {country}. Choose your own country under Country in the {client} task pane, then sign in again.",
    nl: "{user} heeft geen rekening bij Binck {country}. Kies uw eigen land bij Country in het taakvenster van {client} en log opnieuw in.",
    fr: "{user} n'a pas de compte chez Binck {country}. Choisissez votre pays sous Country dans le volet des tâches de {client}, puis reconnectez-vous.",
    it: "{user} non ha un conto presso Binck {country}. Scegli il tuo paese in Country nel riquadro attività di {client}, poi accedi di nuovo.",
  },
  smsTitle: { en: "SMS code", nl: "Sms-code", fr: "Code SMS", it: "Codice SMS" },
  smsIntro: {
    en: "We sent a code of 6 digits to your mobile phone. Enter it to confirm that it is you.",
    nl: "We hebben een code van 6 cijfers naar uw mobiele telefoon gestuurd. Vul die in om te bevestigen dat u het bent.",
    fr: "Nous avons envoyé un code à 6 chiffres sur votre téléphone mobile. Saisissez-le pour confirmer votre identité.",
    it: "Abbiamo inviato un codice di 6 cifre al tuo cellulare. Inseriscilo per confermare la tua identità.",
  },
  smsLabel: { en: "SMS code", nl: "Sms-code", fr: "Code SMS", it: "Codice SMS" },
  smsConfirm: { en: "Confirm", nl: "Bevestigen", fr: "Confirmer", it: "Conferma" },
  smsSkip: { en: "Skip: continue read-only", nl: "Overslaan: alleen inzien", fr: "Ignorer : consultation seule", it: "Salta: solo consultazione" },
  smsSkipExplained: {
    en: "Without the code you can view your accounts, but you cannot place, change or cancel orders.",
    nl: "Zonder de code kunt u uw rekeningen inzien, maar geen orders plaatsen, wijzigen of annuleren.",
    fr: "Sans le code, vous pouvez consulter vos comptes, mais pas passer, modifier ni annuler d'ordres.",
    it: "Senza il codice puoi consultare i tuoi conti, ma non inserire, modificare o annullare ordini.",
  },
  missingSmsCode: {
    en: "Enter the code of 6 digits, or skip this step.",
    nl: "Vul de code van 6 cijfers in, of sla deze stap over.",
    fr: "Saisissez le code à 6 chiffres, ou ignorez cette étape.",
    it: "Inserisci il codice di 6 cifre, oppure salta questo passaggio.",
  },
  tooManySmsCodes: {
    en: "Too many wrong SMS codes: this sign-in has ended.",
    nl: "Te vaak een onjuiste sms-code: deze aanmelding is beëindigd.",
    fr: "Trop de codes SMS erronés : cette connexion est terminée.",
    it: "Troppi codici SMS errati: questo accesso è terminato.",
  },
  consentTitle: { en: "Give access", nl: "Toegang geven", fr: "Autoriser l'accès", it: "Concedi l'accesso" },
  consentIntro: {
    en: "The application {client} asks for access to your Binck accounts. It may then:",
    nl: "De applicatie {client} vraagt toegang tot uw Binck-rekeningen. Daarmee mag zij:",
    fr: "L'application {client} demande l'accès à vos comptes Binck. Elle pourra alors :",
    it: "L'applicazione {client} chiede l'accesso ai tuoi conti Binck. Potrà quindi:",
  },
  consentAllow: { en: "Allow", nl: "Toestaan", fr: "Autoriser", it: "Consenti" },
  consentDeny: { en: "Refuse", nl: "Weigeren", fr: "Refuser", it: "Rifiuta" },
  consentNeedsSmsTitle: { en: "SMS code needed", nl: "Sms-code nodig", fr: "Code SMS nécessaire", it: "Codice SMS necessario" },
  consentNeedsSms: {
    en: "You have not given {client} access yet. To give access you must sign in with the SMS code; a read-only sign-in cannot.",
    nl: "U hebt {client} nog geen toegang gegeven. Om toegang te geven moet u inloggen met de sms-code; zonder code kan dat niet.",
    fr: "Vous n'avez pas encore autorisé {client}. Pour autoriser l'accès, connectez-vous avec le code SMS ; une connexion en consultation seule ne le permet pas.",
    it: "Non hai ancora concesso l'accesso a {client}. Per concederlo devi accedere con il codice SMS; un accesso in sola consultazione non basta.",
  },
  enterSmsCode: { en: "Enter the SMS code", nl: "Sms-code invullen", fr: "Saisir le code SMS", it: "Inserisci il codice SMS" },
  errorTitle: { en: "Sign-in not possible", nl: "Inloggen niet mogelijk", fr: "Connexion impossible", it: "Accesso non possibile" },
  invalidLink: {
    en: "This sign-in link is not valid. Please tell the makers of the application.",
    nl: "Deze inloglink is niet geldig. Meld dit aan de makers van de applicatie.",
    fr: "Ce lien de connexion n'est pas valide. Veuillez le signaler aux auteurs de l'application.",
    it: "Questo link di accesso non è valido. Segnalalo agli autori dell'applicazione.",
  },
  flowExpired: {
    en: "This page has expired or was already used. Go back to the application and sign in again.",
    nl: "Deze pagina is verlopen of al gebruikt. Ga terug naar de applicatie en log opnieuw in.",
    fr: "Cette page a expiré ou a déjà été utilisée. Retournez à l'application et reconnectez-vous.",
    it: "Questa pagina è scaduta o è già stata usata. Torna all'applicazione e accedi di nuovo.",
  },
  unexpected: {
    en: "Something went wrong in the sign-in server. Go back to the application and try again.",
    nl: "Er ging iets mis in de inlogserver. Ga terug naar de applicatie en probeer het opnieuw.",
    fr: "Une erreur s'est produite dans le serveur de connexion. Retournez à l'application et réessayez.",
    it: "Si è verificato un errore nel server di accesso. Torna all'applicazione e riprova.",
  },
  details: { en: "Details", nl: "Details", fr: "Détails", it: "Dettagli" },
  startAgain: { en: "Start again", nl: "Opnieuw beginnen", fr: "Recommencer", it: "Ricomincia" },
  maintenanceTitle: { en: "Maintenance", nl: "Onderhoud", fr: "Maintenance", it: "Manutenzione" },
  maintenance: {
    en: "Binck is down for planned maintenance. Please try again later.",
    nl: "Binck is tijdelijk niet beschikbaar wegens gepland onderhoud. Probeer het later opnieuw.",
    fr: "Binck est indisponible pour cause de maintenance planifiée. Veuillez réessayer plus tard.",
    it: "Binck non è disponibile per manutenzione programmata. Riprova più tardi.",
  },
  notFoundTitle: { en: "Page not found", nl: "Pagina niet gevonden", fr: "Page introuvable", it: "Pagina non trovata" },
} satisfies Record<string, Localized>;

/** What each scope lets the application do, in the customer's words (API.md 1.3). */
export const scopeTexts: Record<Scope, Localized> = {
  read: {
    en: "see your accounts, balances, positions, orders and transactions",
    nl: "uw rekeningen, saldi, posities, orders en transacties inzien",
    fr: "consulter vos comptes, soldes, positions, ordres et transactions",
    it: "vedere i tuoi conti, saldi, posizioni, ordini e movimenti",
  },
  write: {
    en: "place, change and cancel orders for you",
    nl: "namens u orders plaatsen, wijzigen en annuleren",
    fr: "passer, modifier et annuler des ordres pour vous",
    it: "inserire, modificare e annullare ordini per te",
  },
  news: { en: "show you news", nl: "u nieuws tonen", fr: "vous montrer les actualités", it: "mostrarti le notizie" },
  quotes: { en: "show you prices", nl: "u koersen tonen", fr: "vous montrer les cours", it: "mostrarti le quotazioni" },
  internal: {
    en: "use Binck's internal functions",
    nl: "interne functies van Binck gebruiken",
    fr: "utiliser les fonctions internes de Binck",
    it: "usare le funzioni interne di Binck",
  },
};

export const countryTexts: Record<Realm, Localized> = {
  bincknlapi: { en: "Netherlands", nl: "Nederland", fr: "Pays-Bas", it: "Paesi Bassi" },
  binckbeapi: { en: "Belgium", nl: "België", fr: "Belgique", it: "Belgio" },
  binckitapi: { en: "Italy", nl: "Italië", fr: "Italie", it: "Italia" },
  binckfrapi: { en: "France", nl: "Frankrijk", fr: "France", it: "Francia" },
};

/** Replaces each `{name}` with its value (values are escaped later, with the rest of the page). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
