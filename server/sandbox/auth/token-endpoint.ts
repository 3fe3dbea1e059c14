import type { Request, Response } from "express";
import { GRANT_TYPES, OAuthError, REALMS, isRealm, type Realm, type TokenResponse } from "../../../src/core/wire/auth";
import type { SandboxContext } from "../context";
import { MAX_FORM_BODY_BYTES } from "./auth-policy";
import type { AuthorizationCodeStore } from "./authorization-codes";
import type { OAuthClientConfig } from "../../shared/oauth-client-config";
import { presentedCredentials } from "./client-credentials";
import type { ClientRegistry } from "./client-registry";
import { FormBodyError, readForm, type FormFields } from "./form-body";
import { OAuthFailure, invalidClient, invalidGrant, invalidRequest } from "./oauth-failure";

export interface TokenEndpointDeps {
  ctx: SandboxContext;
  clients: ClientRegistry;
  codes: AuthorizationCodeStore;
}

/**
 * POST {authBase}realms/{realm}/access_token (API.md 2.2): the authorization_code and refresh_token grants.
 * Answers are never cached; secrets and tokens are never logged or echoed.
 */
export function createTokenEndpoint(deps: TokenEndpointDeps) {
  return async function tokenEndpoint(request: Request, response: Response): Promise<void> {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    const realmText = String(request.params.realm);
    try {
      if (!isRealm(realmText)) throw invalidRequest(`Realm '${realmText}' does not exist; Binck realms are ${REALMS.join(", ")}.`);
      const form = await readTokenForm(request);
      const tokens = grantTokens(deps, realmText, form, request);
      response.status(200).json(tokens);
    } catch (error) {
      if (!(error instanceof OAuthFailure)) throw error;
      deps.ctx.logger.log("info", `Token endpoint (${realmText}): ${error.error}: ${error.description}`);
      if (error.status === 401) response.setHeader("WWW-Authenticate", `Basic realm="${isRealm(realmText) ? realmText : "binck"}"`);
      response.status(error.status).json({ error: error.error, error_description: error.description });
    }
  };
}

async function readTokenForm(request: Request): Promise<FormFields> {
  try {
    return await readForm(request, MAX_FORM_BODY_BYTES);
  } catch (error) {
    if (error instanceof FormBodyError) throw invalidRequest(error.message);
    throw error;
  }
}

function grantTokens(deps: TokenEndpointDeps, realm: Realm, form: FormFields, request: Request): TokenResponse {
  const grantType = form.get("grant_type");
  if (!grantType) throw invalidRequest(`grant_type is missing; use ${GRANT_TYPES.join(" or ")}.`);
  const client = authenticateClient(deps.clients, request, form);
  switch (grantType) {
    case "authorization_code": return exchangeCode(deps, realm, client, form);
    case "refresh_token": return refresh(deps, realm, client, form);
    default:
      throw new OAuthFailure(400, OAuthError.unsupportedGrantType, `grant_type '${grantType}' is not supported; use ${GRANT_TYPES.join(" or ")}.`);
  }
}

function authenticateClient(clients: ClientRegistry, request: Request, form: FormFields): OAuthClientConfig {
  const { clientId, clientSecret } = presentedCredentials(request.headers, form);
  if (!clients.find(clientId)) throw invalidClient(`client_id '${clientId}' is not registered.`);
  const client = clients.authenticate(clientId, clientSecret);
  if (!client) throw invalidClient(`the client_secret is wrong for client_id '${clientId}'.`);
  return client;
}

function exchangeCode(deps: TokenEndpointDeps, realm: Realm, client: OAuthClientConfig, form: FormFields): TokenResponse {
  const code = form.get("code");
  if (!code) throw invalidRequest("code is missing: send the code from the redirect.");
  const redirectUri = form.get("redirect_uri");
  if (!redirectUri) throw invalidRequest("redirect_uri is missing: send the redirect_uri of the authorize request, identical.");
  const redemption = deps.codes.redeem(code, { clientId: client.clientId, redirectUri, realm });
  if (!redemption.ok) {
    if (redemption.replayedSessionId) deps.ctx.sessions.endSession(redemption.replayedSessionId, "signedOut");
    throw invalidGrant(redemption.description);
  }
  const { grant } = redemption;
  const { session, tokens } = deps.ctx.sessions.createSession({
    personId: grant.personId, realm: grant.realm, clientId: grant.clientId, scopes: [...grant.scopes], readOnly: grant.readOnly,
  });
  deps.codes.recordSession(code, session.id);
  deps.ctx.logger.log("info", `Token endpoint (${realm}): session ${session.id} started for ${grant.personId} through ${client.clientId}${grant.readOnly ? " (read-only)" : ""}.`);
  return tokens;
}

function refresh(deps: TokenEndpointDeps, realm: Realm, client: OAuthClientConfig, form: FormFields): TokenResponse {
  const refreshToken = form.get("refresh_token");
  if (!refreshToken) throw invalidRequest("refresh_token is missing.");
  // Binck's own clients sent no scope (API.md 2.2), but RFC 6749 section 6 allows one that the login granted.
  // Refreshed tokens keep the login's scope, which the answer's `scope` states.
  const requested = (form.get("scope") ?? "").split(" ").filter((scope) => scope !== "");
  const result = deps.ctx.sessions.refresh(refreshToken, client.clientId, realm, requested);
  if (!result.ok) throw new OAuthFailure(400, result.error === "invalid_scope" ? OAuthError.invalidScope : OAuthError.invalidGrant, result.description);
  deps.ctx.logger.log("debug", `Token endpoint (${realm}): session ${result.session.id} refreshed.`);
  return result.tokens;
}
