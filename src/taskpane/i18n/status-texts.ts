import type { OpenOrders } from "../../core";
import type { Language } from "./language";

type OrderStatus = ReturnType<OpenOrders["current"]>[number]["lastStatus"];

/** Binck's order statuses (swagger OrderModel.lastStatus) in the person's language, for the answer and the open orders. */
const STATUSES: Record<Language, Record<OrderStatus, string>> = {
  en: {
    placed: "placed", placementConfirmed: "confirmed", partiallyExecuted: "partly executed", executed: "executed", expired: "expired",
    cancelationRequested: "cancellation requested", canceled: "cancelled", modificationRequested: "change requested", modified: "changed",
    refused: "refused", modificationRefused: "change refused", cancelationRefused: "cancellation refused", remainderCanceled: "rest cancelled",
    remainderExpired: "rest expired", remainderExecuted: "rest executed", other: "other",
  },
  nl: {
    placed: "geplaatst", placementConfirmed: "bevestigd", partiallyExecuted: "deels uitgevoerd", executed: "uitgevoerd", expired: "verlopen",
    cancelationRequested: "annulering gevraagd", canceled: "geannuleerd", modificationRequested: "wijziging gevraagd", modified: "gewijzigd",
    refused: "geweigerd", modificationRefused: "wijziging geweigerd", cancelationRefused: "annulering geweigerd", remainderCanceled: "rest geannuleerd",
    remainderExpired: "rest verlopen", remainderExecuted: "rest uitgevoerd", other: "anders",
  },
  fr: {
    placed: "passé", placementConfirmed: "confirmé", partiallyExecuted: "exécuté en partie", executed: "exécuté", expired: "expiré",
    cancelationRequested: "annulation demandée", canceled: "annulé", modificationRequested: "modification demandée", modified: "modifié",
    refused: "refusé", modificationRefused: "modification refusée", cancelationRefused: "annulation refusée", remainderCanceled: "solde annulé",
    remainderExpired: "solde expiré", remainderExecuted: "solde exécuté", other: "autre",
  },
  it: {
    placed: "inserito", placementConfirmed: "confermato", partiallyExecuted: "eseguito in parte", executed: "eseguito", expired: "scaduto",
    cancelationRequested: "revoca richiesta", canceled: "revocato", modificationRequested: "modifica richiesta", modified: "modificato",
    refused: "rifiutato", modificationRefused: "modifica rifiutata", cancelationRefused: "revoca rifiutata", remainderCanceled: "residuo revocato",
    remainderExpired: "residuo scaduto", remainderExecuted: "residuo eseguito", other: "altro",
  },
};

/** The status in words; a status Binck adds later is shown as it came. */
export function statusText(status: string, language: Language): string {
  return (STATUSES[language] as Record<string, string>)[status] ?? status;
}
