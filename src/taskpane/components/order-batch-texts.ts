/** The batch panel's texts in the sign-in's languages (nl, fr, it, en). */
export type BatchLanguage = "nl" | "fr" | "it" | "en";

export function batchLanguage(locale: string | undefined): BatchLanguage {
  const base = (locale ?? "nl").slice(0, 2).toLowerCase();
  return base === "fr" || base === "it" || base === "en" ? base : "nl";
}

export function numberLocale(language: BatchLanguage): string {
  return { nl: "nl-NL", fr: "fr-FR", it: "it-IT", en: "en-GB" }[language];
}

export interface BatchTexts {
  placeTitle(table: string): string;
  cancelTitle: string;
  previewing(done: number, total: number): string;
  timeLeft(seconds: number): string;
  rowsReady(count: number, ready: number): string;
  cancelReady(count: number, ready: number): string;
  totalValue: string;
  totalCosts: string;
  warnings: string;
  needsConsent: string;
  rows(rows: readonly number[]): string;
  confirmAccepts: string;
  confirmPlace(ready: number): string;
  confirmCancel(ready: number): string;
  cancel: string;
  stop: string;
  placing(done: number, total: number): string;
  cancelling(done: number, total: number): string;
  stopping: string;
  finished: Record<"done" | "stopped" | "cancelled", string>;
  notPlaced: string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const BATCH_TEXTS: Record<BatchLanguage, BatchTexts> = {
  en: {
    placeTitle: (table) => `Orders from table ${table}`,
    cancelTitle: "Cancel selected orders",
    previewing: (done, total) => `Previewing: ${done} of ${total} rows`,
    timeLeft: (seconds) => `about ${seconds} s left`,
    rowsReady: (count, ready) => `${plural(count, "row", "rows")}, ${ready} ready to place`,
    cancelReady: (count, ready) => `${plural(count, "row", "rows")}, ${plural(ready, "order", "orders")} to cancel`,
    totalValue: "Total value",
    totalCosts: "Total costs",
    warnings: "Warnings",
    needsConsent: "to accept",
    rows: (rows) => `${rows.length === 1 ? "row" : "rows"} ${rows.map((row) => row + 1).join(", ")}`,
    confirmAccepts: "Confirming accepts every warning above and places each ready row once.",
    confirmPlace: (ready) => `Place ${plural(ready, "order", "orders")}`,
    confirmCancel: (ready) => `Cancel ${plural(ready, "order", "orders")}`,
    cancel: "Cancel",
    stop: "Stop",
    placing: (done, total) => `Placed ${done} of ${total}`,
    cancelling: (done, total) => `Cancelled ${done} of ${total}`,
    stopping: "Stopping after the current row…",
    finished: { done: "Done: every row's result is in the table.", stopped: "Stopped: the remaining rows are marked skipped.", cancelled: "Cancelled: nothing was sent." },
    notPlaced: "Not placed",
  },
  nl: {
    placeTitle: (table) => `Orders uit tabel ${table}`,
    cancelTitle: "Geselecteerde orders annuleren",
    previewing: (done, total) => `Controleren: ${done} van ${total} rijen`,
    timeLeft: (seconds) => `nog ongeveer ${seconds} s`,
    rowsReady: (count, ready) => `${plural(count, "rij", "rijen")}, ${ready} klaar om op te geven`,
    cancelReady: (count, ready) => `${plural(count, "rij", "rijen")}, ${plural(ready, "order", "orders")} te annuleren`,
    totalValue: "Totale waarde",
    totalCosts: "Totale kosten",
    warnings: "Waarschuwingen",
    needsConsent: "te accepteren",
    rows: (rows) => `${rows.length === 1 ? "rij" : "rijen"} ${rows.map((row) => row + 1).join(", ")}`,
    confirmAccepts: "Met bevestigen accepteert u alle waarschuwingen hierboven en wordt elke gereede rij één keer opgegeven.",
    confirmPlace: (ready) => `${plural(ready, "order", "orders")} opgeven`,
    confirmCancel: (ready) => `${plural(ready, "order", "orders")} annuleren`,
    cancel: "Annuleren",
    stop: "Stoppen",
    placing: (done, total) => `${done} van ${total} opgegeven`,
    cancelling: (done, total) => `${done} van ${total} geannuleerd`,
    stopping: "Stopt na de huidige rij…",
    finished: { done: "Klaar: het resultaat van elke rij staat in de tabel.", stopped: "Gestopt: de overige rijen zijn als overgeslagen gemarkeerd.", cancelled: "Geannuleerd: er is niets verstuurd." },
    notPlaced: "Niet opgegeven",
  },
  fr: {
    placeTitle: (table) => `Ordres du tableau ${table}`,
    cancelTitle: "Annuler les ordres sélectionnés",
    previewing: (done, total) => `Vérification : ${done} lignes sur ${total}`,
    timeLeft: (seconds) => `environ ${seconds} s restantes`,
    rowsReady: (count, ready) => `${plural(count, "ligne", "lignes")}, ${ready} prêtes à passer`,
    cancelReady: (count, ready) => `${plural(count, "ligne", "lignes")}, ${plural(ready, "ordre", "ordres")} à annuler`,
    totalValue: "Valeur totale",
    totalCosts: "Frais totaux",
    warnings: "Avertissements",
    needsConsent: "à accepter",
    rows: (rows) => `${rows.length === 1 ? "ligne" : "lignes"} ${rows.map((row) => row + 1).join(", ")}`,
    confirmAccepts: "Confirmer accepte tous les avertissements ci-dessus et passe chaque ligne prête une seule fois.",
    confirmPlace: (ready) => `Passer ${plural(ready, "ordre", "ordres")}`,
    confirmCancel: (ready) => `Annuler ${plural(ready, "ordre", "ordres")}`,
    cancel: "Annuler",
    stop: "Arrêter",
    placing: (done, total) => `${done} passés sur ${total}`,
    cancelling: (done, total) => `${done} annulés sur ${total}`,
    stopping: "Arrêt après la ligne en cours…",
    finished: { done: "Terminé : le résultat de chaque ligne est dans le tableau.", stopped: "Arrêté : les lignes restantes sont marquées ignorées.", cancelled: "Annulé : rien n'a été envoyé." },
    notPlaced: "Non passé",
  },
  it: {
    placeTitle: (table) => `Ordini dalla tabella ${table}`,
    cancelTitle: "Annulla gli ordini selezionati",
    previewing: (done, total) => `Verifica: ${done} righe su ${total}`,
    timeLeft: (seconds) => `circa ${seconds} s rimanenti`,
    rowsReady: (count, ready) => `${plural(count, "riga", "righe")}, ${ready} pronte da inserire`,
    cancelReady: (count, ready) => `${plural(count, "riga", "righe")}, ${plural(ready, "ordine", "ordini")} da annullare`,
    totalValue: "Valore totale",
    totalCosts: "Costi totali",
    warnings: "Avvertenze",
    needsConsent: "da accettare",
    rows: (rows) => `${rows.length === 1 ? "riga" : "righe"} ${rows.map((row) => row + 1).join(", ")}`,
    confirmAccepts: "Confermando accetti tutte le avvertenze qui sopra e ogni riga pronta viene inserita una sola volta.",
    confirmPlace: (ready) => `Inserisci ${plural(ready, "ordine", "ordini")}`,
    confirmCancel: (ready) => `Annulla ${plural(ready, "ordine", "ordini")}`,
    cancel: "Annulla",
    stop: "Ferma",
    placing: (done, total) => `Inseriti ${done} su ${total}`,
    cancelling: (done, total) => `Annullati ${done} su ${total}`,
    stopping: "Si ferma dopo la riga in corso…",
    finished: { done: "Fatto: il risultato di ogni riga è nella tabella.", stopped: "Fermato: le righe rimanenti sono segnate come saltate.", cancelled: "Annullato: non è stato inviato nulla." },
    notPlaced: "Non inserito",
  },
};
