import {
  AUTHORIZE_PARAMS, OAuthError, REALMS, RESPONSE_TYPE_CODE, SCOPES, isRealm, isScope, type Realm, type Scope,
} from "../../../src/core/wire/auth";
import { languageFromLocale } from "../i18n";
import type { Language } from "../seed/people";
import type { ClientRegistry } from "./client-registry";
import { redirectWithFragment, redirectWithQuery } from "./redirects";

/** A checked authorize request (API.md 2.1), kept with the sign-in it starts. */
export interface AuthorizeRequest {
  readonly realm: Realm;
  readonly clientId: string;
  /** The application's name on the pages (ClientRegistry.displayName). */
  readonly clientName: string;
  readonly redirectUri: string;
  readonly scopes: readonly Scope[];
  readonly state?: string;
  readonly language: Language;
  /** Path and query of the authorize request, to start the sign-in again from an error page. */
  readonly restartUrl: string;
}

export type AuthorizeParse =
  | { kind: "ok"; request: AuthorizeRequest }
  /** Not safe to redirect (unknown realm, client or redirect URI): show an error page. */
  | { kind: "page"; status: number; language: Language; detail: string }
  | { kind: "redirect"; location: string };

/** Language of the login pages when ui_locales is absent: the realm's country (guide: "supply the locale"). */
export const REALM_LANGUAGE: Record<Realm, Language> = { bincknlapi: "nl", binckbeapi: "nl", binckitapi: "it", binckfrapi: "fr" };

export const MAX_STATE_LENGTH = 2000;

/**
 * Checks an authorize request. Until client_id and redirect_uri are known good every problem is a page, never a
 * redirect (RFC 6749 4.1.2.1); after that, errors go back to the client.
 */
export function parseAuthorizeRequest(realmText: string, url: URL, clients: ClientRegistry): AuthorizeParse {
  const params = url.searchParams;
  const locale = params.get("ui_locales")?.trim().split(/\s+/)[0];
  const realmLanguage = isRealm(realmText) ? REALM_LANGUAGE[realmText] : "en";
  const language = locale ? languageFromLocale(locale) : realmLanguage;
  const page = (status: number, detail: string): AuthorizeParse => ({ kind: "page", status, language, detail });

  if (!isRealm(realmText)) return page(404, `Realm '${realmText}' does not exist; Binck realms are ${REALMS.join(", ")}.`);
  const realm = realmText;
  for (const name of ["client_id", "redirect_uri"] as const) {
    const count = params.getAll(name).length;
    if (count > 1) return page(400, `${name} appears ${count} times; send it once.`);
  }
  const clientId = params.get("client_id");
  if (!clientId) return page(400, "client_id is missing.");
  const client = clients.find(clientId);
  if (!client) return page(400, `client_id '${clientId}' is not a registered client.`);
  const redirectUri = params.get("redirect_uri");
  if (!redirectUri) return page(400, "redirect_uri is missing.");
  if (!client.redirectUris.includes(redirectUri)) {
    return page(400, `redirect_uri '${redirectUri}' is not registered for client '${clientId}'; it must match a registered URI exactly.`);
  }

  const state = params.get("state") ?? undefined;
  const toClient = (error: string, description: string) => ({
    kind: "redirect" as const,
    location: redirectWithQuery(redirectUri, { error, error_description: description, state }),
  });
  for (const name of AUTHORIZE_PARAMS) {
    const count = params.getAll(name).length;
    if (count > 1) return toClient(OAuthError.invalidRequest, `${name} appears ${count} times; send it once.`);
  }
  const responseType = params.get("response_type");
  if (responseType !== RESPONSE_TYPE_CODE) {
    // The response mode is unknown without a valid response_type, so ForgeRock answered in the fragment (API.md 2.1).
    const [error, description] = responseType
      ? [OAuthError.unsupportedResponseType, `response_type '${responseType}' is not supported; use 'code'.`]
      : [OAuthError.invalidRequest, "response_type is missing; use 'code'."];
    return { kind: "redirect", location: redirectWithFragment(redirectUri, { error, error_description: description, state }) };
  }
  if (state !== undefined && state.length > MAX_STATE_LENGTH) {
    return toClient(OAuthError.invalidRequest, `state is ${state.length} characters long; at most ${MAX_STATE_LENGTH} are allowed.`);
  }
  const requested = [...new Set((params.get("scope") ?? "").split(" ").filter(Boolean))];
  if (requested.length === 0) return toClient(OAuthError.invalidScope, `scope is missing; ask for some of ${client.scopes.join(" ")}.`);
  const unknown = requested.find((scope) => !isScope(scope));
  if (unknown !== undefined) return toClient(OAuthError.invalidScope, `scope '${unknown}' is unknown; Binck scopes are ${SCOPES.join(" ")}.`);
  const scopes = requested as Scope[];
  const forbidden = scopes.find((scope) => !client.scopes.includes(scope));
  if (forbidden !== undefined) {
    return toClient(OAuthError.invalidScope, `client '${clientId}' may not ask for scope '${forbidden}'; it may ask for ${client.scopes.join(" ")}.`);
  }
  return {
    kind: "ok",
    request: { realm, clientId, clientName: clients.displayName(client), redirectUri, scopes, state, language, restartUrl: `${url.pathname}${url.search}` },
  };
}
