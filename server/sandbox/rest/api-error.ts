import type { ErrorId } from "../../../src/core/wire/models";
import type { Localized } from "../i18n";

/** An error answered with the uniform Binck error body (API.md 4.1). Handlers throw it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorId: ErrorId,
    readonly developerMessage: string,
    readonly endUserMessage: Localized | string = endUser.generic,
    readonly errorCode: string = errorCodeForStatus(status),
  ) {
    super(developerMessage);
    this.name = "ApiError";
  }
}

export function errorCodeForStatus(status: number): string {
  switch (status) {
    case 400: return "BadRequest";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "NotFound";
    case 405: return "MethodNotAllowed";
    case 413: return "PayloadTooLarge";
    case 415: return "UnsupportedMediaType";
    case 422: return "UnprocessableEntity";
    case 429: return "TooManyRequests";
    case 503: return "ServiceUnavailable";
    default: return status >= 500 ? "InternalServerError" : "BadRequest";
  }
}

/** End-user texts shared by many handlers; handlers may pass their own Localized text. */
export const endUser = {
  generic: {
    en: "Your request could not be processed.",
    nl: "Uw verzoek kon niet worden verwerkt.",
    fr: "Votre demande n'a pas pu être traitée.",
    it: "Non è stato possibile elaborare la richiesta.",
  },
  invalidInput: {
    en: "The request contains invalid data.",
    nl: "Het verzoek bevat ongeldige gegevens.",
    fr: "La demande contient des données non valides.",
    it: "La richiesta contiene dati non validi.",
  },
  unauthorized: {
    en: "You are not authorized.",
    nl: "U bent niet geautoriseerd.",
    fr: "Vous n'êtes pas autorisé.",
    it: "Non sei autorizzato.",
  },
  sessionExpired: {
    en: "Your session has expired. Please sign in again.",
    nl: "Uw sessie is verlopen. Log opnieuw in.",
    fr: "Votre session a expiré. Veuillez vous reconnecter.",
    it: "La sessione è scaduta. Accedi di nuovo.",
  },
  tooManyRequests: {
    en: "Too many requests in a short time: your session has been ended. Please sign in again.",
    nl: "Te veel verzoeken in korte tijd: uw sessie is beëindigd. Log opnieuw in.",
    fr: "Trop de requêtes en peu de temps : votre session a été fermée. Veuillez vous reconnecter.",
    it: "Troppe richieste in poco tempo: la sessione è stata chiusa. Accedi di nuovo.",
  },
  notFound: {
    en: "The requested item was not found.",
    nl: "Het gevraagde item is niet gevonden.",
    fr: "L'élément demandé est introuvable.",
    it: "L'elemento richiesto non è stato trovato.",
  },
  accountNotFound: {
    en: "This account was not found.",
    nl: "Deze rekening is niet gevonden.",
    fr: "Ce compte est introuvable.",
    it: "Questo conto non è stato trovato.",
  },
  readOnly: {
    en: "You signed in without the SMS code: this session can only view, not trade. Sign in again with the SMS code to place orders.",
    nl: "U bent ingelogd zonder sms-code: in deze sessie kunt u alleen kijken, niet handelen. Log opnieuw in met de sms-code om orders te plaatsen.",
    fr: "Vous êtes connecté sans code SMS : cette session permet seulement de consulter. Reconnectez-vous avec le code SMS pour passer des ordres.",
    it: "Hai effettuato l'accesso senza codice SMS: questa sessione consente solo la consultazione. Accedi di nuovo con il codice SMS per inserire ordini.",
  },
  maintenance: {
    en: "Binck is down for planned maintenance. Please try again later.",
    nl: "Binck is tijdelijk niet beschikbaar wegens gepland onderhoud. Probeer het later opnieuw.",
    fr: "Binck est indisponible pour cause de maintenance planifiée. Veuillez réessayer plus tard.",
    it: "Binck non è disponibile per manutenzione programmata. Riprova più tardi.",
  },
} satisfies Record<string, Localized>;

/** 400 for one bad input, naming the field, the value and the rule. */
export function badRequest(field: string, problem: string): ApiError {
  return new ApiError(400, "validationError", `${field}: ${problem}`, endUser.invalidInput);
}

export function notFound(what: string): ApiError {
  return new ApiError(404, "notFound", `${what} was not found.`, endUser.notFound);
}
