import type { Handler } from "../handler";
import { localize } from "../../i18n";

/** #32 GET /sessions (scope internal): the sessions of this person. */
export const getSessions: Handler = (request) => {
  const sessions = request.ctx.sessions
    .activeSessions()
    .filter((session) => session.personId === request.person.id && session.realm === request.session.realm);
  const accounts = request.person.accounts.filter((account) => account.realm === request.session.realm);
  return {
    body: {
      sessionsCollection: {
        sessions: sessions.flatMap((session) =>
          accounts.map((account) => ({ accountNumber: account.number, internalSessionId: session.id }))),
      },
    },
  };
};

/** #33 DELETE /sessions: signs out; the token is dead afterwards and realtime connections close. */
export const endSession: Handler = (request) => {
  request.ctx.sessions.endSession(request.session.id, "signedOut");
  const message = localize({
    en: "You have been signed out.",
    nl: "U bent uitgelogd.",
    fr: "Vous avez été déconnecté.",
    it: "Sei uscito.",
  }, request.language);
  return { body: { message } };
};
