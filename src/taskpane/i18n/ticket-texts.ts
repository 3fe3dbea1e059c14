import type { JournalEntry, TradingPermission } from "../../core";
import type { Language } from "./language";

type Result = JournalEntry["result"];
type Reason = Extract<TradingPermission, { allowed: false }>["reason"];

/**
 * Every text of the order ticket, its open orders and its journal, in the person's language. A table of four
 * translations is long by nature; the wording of field problems is in problem-texts.ts.
 */
export interface TicketTexts {
  tabs: { account: string; ticket: string; orders: string; journal: string };
  instrument: string; instrumentHint: string; searching: string; noMatches: string; searchTooShort: string; chosen: (name: string) => string;
  last: string; bid: string; ask: string; waitingForQuote: string;
  side: string; buy: string; sell: string; quantity: string;
  orderType: string; types: { market: string; limit: string; stop: string; stopLimit: string };
  limitPrice: string; stopPrice: string; tickHint: (size: string, from: string) => string;
  duration: string; durations: { day: string; goodTillDate: string; goodTillCancelled: string }; expirationDate: string;
  account: string; preview: string; previewing: string; notRegistrable: string;
  warningsShown: string; warningsToConfirm: string; acceptEach: string;
  costs: string; costsTotal: string; estimatedValue: string;
  kid: string; openKid: (name: string) => string; kidBlocked: string;
  confirm: string; placing: string; placed: (orderNumber: number) => string; recovered: string;
  unknown: string; checkAgain: string; newOrder: string;
  openOrders: string; noOpenOrders: string; orderColumns: { number: string; instrument: string; side: string; quantity: string; type: string; limit: string; status: string };
  modify: string; newLimit: string; previewModify: string; confirmModify: string; modified: (orderNumber: number) => string;
  cancel: string; cancelQuestion: (orderNumber: number) => string; cancelYes: string; cancelNo: string; cancelRequested: (orderNumber: number) => string;
  journal: string; journalEmpty: string; journalColumns: { time: string; account: string; instrument: string; side: string; quantity: string; result: string };
  results: Record<Result, string>;
  disabled: Record<Reason, string>; loadingDesk: string; deskFailed: string;
}

const en: TicketTexts = {
  tabs: { account: "Account", ticket: "Order", orders: "Open orders", journal: "Journal" },
  instrument: "Instrument", instrumentHint: "Name, ISIN or symbol", searching: "Searching…", noMatches: "No instrument matches.",
  searchTooShort: "Type at least 2 characters.", chosen: (name) => `Chosen: ${name}`,
  last: "Last", bid: "Bid", ask: "Ask", waitingForQuote: "waiting for prices",
  side: "Side", buy: "Buy", sell: "Sell", quantity: "Quantity",
  orderType: "Order type", types: { market: "Market", limit: "Limit", stop: "Stop", stopLimit: "Stop limit" },
  limitPrice: "Limit price", stopPrice: "Stop price", tickHint: (size, from) => `tick ${size} from ${from}`,
  duration: "Valid", durations: { day: "Today", goodTillDate: "Until a date", goodTillCancelled: "Until cancelled" }, expirationDate: "Until",
  account: "Account", preview: "Preview", previewing: "Checking…", notRegistrable: "Binck would not accept this order:",
  warningsShown: "Please note", warningsToConfirm: "Accept each of these to continue", acceptEach: "Accept every warning above to confirm.",
  costs: "Costs", costsTotal: "Total costs", estimatedValue: "Estimated value",
  kid: "Key information document", openKid: (name) => `Open ${name}`, kidBlocked: "The browser blocked the new window; open the document here:",
  confirm: "Confirm order", placing: "Placing…", placed: (n) => `Order ${n} placed.`, recovered: "The answer was lost on the way, but the order was found at Binck.",
  unknown: "We could not find out whether this order was placed: the answer was lost and the order did not show up at Binck yet. It will not be sent again by itself. Check again in a moment, or look at your open orders.",
  checkAgain: "Check again", newOrder: "New order",
  openOrders: "Open orders", noOpenOrders: "No open orders.",
  orderColumns: { number: "Number", instrument: "Instrument", side: "Side", quantity: "Quantity", type: "Type", limit: "Limit", status: "Status" },
  modify: "Change limit", newLimit: "New limit price", previewModify: "Preview change", confirmModify: "Confirm change", modified: (n) => `Order ${n}: new limit sent.`,
  cancel: "Cancel", cancelQuestion: (n) => `Cancel order ${n}?`, cancelYes: "Yes, cancel it", cancelNo: "No", cancelRequested: (n) => `Order ${n}: cancellation sent.`,
  journal: "Order journal", journalEmpty: "No orders from this workbook yet.",
  journalColumns: { time: "Time", account: "Account", instrument: "Instrument", side: "Side", quantity: "Quantity", result: "Result" },
  results: { placing: "being placed", placed: "placed", refused: "refused", unknown: "unknown", cancelled: "cancelled", modified: "modified" },
  disabled: {
    readOnlySession: "Order entry is disabled: you signed in without the SMS code, so this session can only view. Sign out and sign in with the SMS code to trade.",
    accountCannotTrade: "Order entry is disabled: this account cannot trade. Choose a trading account.",
    signedOut: "Order entry is disabled: sign in to trade.",
  },
  loadingDesk: "Loading order entry…", deskFailed: "Order entry could not be loaded.",
};

const nl: TicketTexts = {
  tabs: { account: "Rekening", ticket: "Order", orders: "Open orders", journal: "Logboek" },
  instrument: "Fonds", instrumentHint: "Naam, ISIN of symbool", searching: "Zoeken…", noMatches: "Geen fonds gevonden.",
  searchTooShort: "Typ minstens 2 tekens.", chosen: (name) => `Gekozen: ${name}`,
  last: "Laatst", bid: "Bied", ask: "Laat", waitingForQuote: "wacht op koersen",
  side: "Richting", buy: "Kopen", sell: "Verkopen", quantity: "Aantal",
  orderType: "Ordertype", types: { market: "Bestens", limit: "Limiet", stop: "Stop", stopLimit: "Stoplimiet" },
  limitPrice: "Limietkoers", stopPrice: "Stopkoers", tickHint: (size, from) => `stapgrootte ${size} vanaf ${from}`,
  duration: "Geldig", durations: { day: "Vandaag", goodTillDate: "Tot een datum", goodTillCancelled: "Tot annulering" }, expirationDate: "Tot",
  account: "Rekening", preview: "Controleren", previewing: "Controleren…", notRegistrable: "Binck zou deze order niet aannemen:",
  warningsShown: "Let op", warningsToConfirm: "Accepteer elk hiervan om door te gaan", acceptEach: "Accepteer eerst elke waarschuwing hierboven.",
  costs: "Kosten", costsTotal: "Totale kosten", estimatedValue: "Geschatte waarde",
  kid: "Essentiële-informatiedocument", openKid: (name) => `${name} openen`, kidBlocked: "De browser hield het nieuwe venster tegen; open het document hier:",
  confirm: "Order bevestigen", placing: "Plaatsen…", placed: (n) => `Order ${n} geplaatst.`, recovered: "Het antwoord ging onderweg verloren, maar de order is bij Binck gevonden.",
  unknown: "We weten niet of deze order is geplaatst: het antwoord ging verloren en de order staat nog niet bij Binck. Hij wordt niet vanzelf opnieuw verstuurd. Controleer het zo nog eens, of kijk bij uw open orders.",
  checkAgain: "Opnieuw controleren", newOrder: "Nieuwe order",
  openOrders: "Open orders", noOpenOrders: "Geen open orders.",
  orderColumns: { number: "Nummer", instrument: "Fonds", side: "Richting", quantity: "Aantal", type: "Type", limit: "Limiet", status: "Status" },
  modify: "Limiet wijzigen", newLimit: "Nieuwe limietkoers", previewModify: "Wijziging controleren", confirmModify: "Wijziging bevestigen", modified: (n) => `Order ${n}: nieuwe limiet verstuurd.`,
  cancel: "Annuleren", cancelQuestion: (n) => `Order ${n} annuleren?`, cancelYes: "Ja, annuleren", cancelNo: "Nee", cancelRequested: (n) => `Order ${n}: annulering verstuurd.`,
  journal: "Orderlogboek", journalEmpty: "Nog geen orders uit deze werkmap.",
  journalColumns: { time: "Tijd", account: "Rekening", instrument: "Fonds", side: "Richting", quantity: "Aantal", result: "Resultaat" },
  results: { placing: "wordt geplaatst", placed: "geplaatst", refused: "geweigerd", unknown: "onbekend", cancelled: "geannuleerd", modified: "gewijzigd" },
  disabled: {
    readOnlySession: "Orders invoeren kan niet: u bent zonder sms-code ingelogd, deze sessie kan alleen kijken. Log uit en log in met de sms-code om te handelen.",
    accountCannotTrade: "Orders invoeren kan niet: met deze rekening kunt u niet handelen. Kies een beleggingsrekening.",
    signedOut: "Orders invoeren kan niet: log in om te handelen.",
  },
  loadingDesk: "Orderinvoer laden…", deskFailed: "De orderinvoer kon niet worden geladen.",
};

const fr: TicketTexts = {
  tabs: { account: "Compte", ticket: "Ordre", orders: "Ordres ouverts", journal: "Journal" },
  instrument: "Instrument", instrumentHint: "Nom, ISIN ou symbole", searching: "Recherche…", noMatches: "Aucun instrument trouvé.",
  searchTooShort: "Tapez au moins 2 caractères.", chosen: (name) => `Choisi : ${name}`,
  last: "Dernier", bid: "Achat", ask: "Vente", waitingForQuote: "en attente des cours",
  side: "Sens", buy: "Acheter", sell: "Vendre", quantity: "Quantité",
  orderType: "Type d'ordre", types: { market: "Au marché", limit: "À cours limité", stop: "Stop", stopLimit: "Stop limite" },
  limitPrice: "Cours limite", stopPrice: "Cours de déclenchement", tickHint: (size, from) => `pas de cotation ${size} à partir de ${from}`,
  duration: "Validité", durations: { day: "Jour", goodTillDate: "Jusqu'à une date", goodTillCancelled: "Jusqu'à annulation" }, expirationDate: "Jusqu'au",
  account: "Compte", preview: "Vérifier", previewing: "Vérification…", notRegistrable: "Binck n'accepterait pas cet ordre :",
  warningsShown: "À noter", warningsToConfirm: "Acceptez chacun de ces points pour continuer", acceptEach: "Acceptez d'abord chaque avertissement ci-dessus.",
  costs: "Frais", costsTotal: "Total des frais", estimatedValue: "Valeur estimée",
  kid: "Document d'informations clés", openKid: (name) => `Ouvrir ${name}`, kidBlocked: "Le navigateur a bloqué la nouvelle fenêtre ; ouvrez le document ici :",
  confirm: "Confirmer l'ordre", placing: "Passage…", placed: (n) => `Ordre ${n} passé.`, recovered: "La réponse s'est perdue en route, mais l'ordre a été retrouvé chez Binck.",
  unknown: "Nous ne savons pas si cet ordre a été passé : la réponse s'est perdue et l'ordre n'apparaît pas encore chez Binck. Il ne sera pas renvoyé automatiquement. Vérifiez à nouveau dans un instant, ou consultez vos ordres ouverts.",
  checkAgain: "Vérifier à nouveau", newOrder: "Nouvel ordre",
  openOrders: "Ordres ouverts", noOpenOrders: "Aucun ordre ouvert.",
  orderColumns: { number: "Numéro", instrument: "Instrument", side: "Sens", quantity: "Quantité", type: "Type", limit: "Limite", status: "Statut" },
  modify: "Modifier la limite", newLimit: "Nouveau cours limite", previewModify: "Vérifier la modification", confirmModify: "Confirmer la modification", modified: (n) => `Ordre ${n} : nouvelle limite envoyée.`,
  cancel: "Annuler", cancelQuestion: (n) => `Annuler l'ordre ${n} ?`, cancelYes: "Oui, l'annuler", cancelNo: "Non", cancelRequested: (n) => `Ordre ${n} : annulation envoyée.`,
  journal: "Journal des ordres", journalEmpty: "Aucun ordre depuis ce classeur.",
  journalColumns: { time: "Heure", account: "Compte", instrument: "Instrument", side: "Sens", quantity: "Quantité", result: "Résultat" },
  results: { placing: "en cours", placed: "passé", refused: "refusé", unknown: "inconnu", cancelled: "annulé", modified: "modifié" },
  disabled: {
    readOnlySession: "La saisie d'ordres est désactivée : vous vous êtes connecté sans le code SMS, cette session est en consultation seule. Déconnectez-vous et reconnectez-vous avec le code SMS pour passer des ordres.",
    accountCannotTrade: "La saisie d'ordres est désactivée : ce compte ne permet pas de passer des ordres. Choisissez un compte-titres.",
    signedOut: "La saisie d'ordres est désactivée : connectez-vous pour passer des ordres.",
  },
  loadingDesk: "Chargement de la saisie d'ordres…", deskFailed: "La saisie d'ordres n'a pas pu être chargée.",
};

const it: TicketTexts = {
  tabs: { account: "Conto", ticket: "Ordine", orders: "Ordini aperti", journal: "Registro" },
  instrument: "Strumento", instrumentHint: "Nome, ISIN o simbolo", searching: "Ricerca…", noMatches: "Nessuno strumento trovato.",
  searchTooShort: "Digita almeno 2 caratteri.", chosen: (name) => `Scelto: ${name}`,
  last: "Ultimo", bid: "Denaro", ask: "Lettera", waitingForQuote: "in attesa dei prezzi",
  side: "Segno", buy: "Acquista", sell: "Vendi", quantity: "Quantità",
  orderType: "Tipo di ordine", types: { market: "Al mercato", limit: "Limite", stop: "Stop", stopLimit: "Stop limite" },
  limitPrice: "Prezzo limite", stopPrice: "Prezzo stop", tickHint: (size, from) => `tick ${size} da ${from}`,
  duration: "Validità", durations: { day: "Oggi", goodTillDate: "Fino a una data", goodTillCancelled: "Fino a revoca" }, expirationDate: "Fino al",
  account: "Conto", preview: "Verifica", previewing: "Verifica…", notRegistrable: "Binck non accetterebbe questo ordine:",
  warningsShown: "Attenzione", warningsToConfirm: "Accetta ciascuno di questi per continuare", acceptEach: "Accetta prima ogni avviso qui sopra.",
  costs: "Costi", costsTotal: "Costi totali", estimatedValue: "Controvalore stimato",
  kid: "Documento contenente le informazioni chiave", openKid: (name) => `Apri ${name}`, kidBlocked: "Il browser ha bloccato la nuova finestra; apri il documento qui:",
  confirm: "Conferma ordine", placing: "Invio…", placed: (n) => `Ordine ${n} inserito.`, recovered: "La risposta è andata persa, ma l'ordine è stato trovato presso Binck.",
  unknown: "Non sappiamo se questo ordine è stato inserito: la risposta è andata persa e l'ordine non compare ancora presso Binck. Non verrà reinviato automaticamente. Verifica di nuovo tra poco, o guarda i tuoi ordini aperti.",
  checkAgain: "Verifica di nuovo", newOrder: "Nuovo ordine",
  openOrders: "Ordini aperti", noOpenOrders: "Nessun ordine aperto.",
  orderColumns: { number: "Numero", instrument: "Strumento", side: "Segno", quantity: "Quantità", type: "Tipo", limit: "Limite", status: "Stato" },
  modify: "Modifica limite", newLimit: "Nuovo prezzo limite", previewModify: "Verifica modifica", confirmModify: "Conferma modifica", modified: (n) => `Ordine ${n}: nuovo limite inviato.`,
  cancel: "Revoca", cancelQuestion: (n) => `Revocare l'ordine ${n}?`, cancelYes: "Sì, revoca", cancelNo: "No", cancelRequested: (n) => `Ordine ${n}: revoca inviata.`,
  journal: "Registro ordini", journalEmpty: "Ancora nessun ordine da questa cartella.",
  journalColumns: { time: "Ora", account: "Conto", instrument: "Strumento", side: "Segno", quantity: "Quantità", result: "Esito" },
  results: { placing: "in invio", placed: "inserito", refused: "rifiutato", unknown: "sconosciuto", cancelled: "revocato", modified: "modificato" },
  disabled: {
    readOnlySession: "L'inserimento ordini è disattivato: hai effettuato l'accesso senza il codice SMS, questa sessione è in sola lettura. Esci e accedi con il codice SMS per operare.",
    accountCannotTrade: "L'inserimento ordini è disattivato: questo conto non può operare. Scegli un conto di trading.",
    signedOut: "L'inserimento ordini è disattivato: accedi per operare.",
  },
  loadingDesk: "Caricamento dell'inserimento ordini…", deskFailed: "Non è stato possibile caricare l'inserimento ordini.",
};

export const TICKET_TEXTS: Readonly<Record<Language, TicketTexts>> = { en, nl, fr, it };

export function ticketTexts(language: Language): TicketTexts {
  return TICKET_TEXTS[language];
}
