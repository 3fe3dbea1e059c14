import { isScope, type Scope } from "../../src/core/wire/auth";

/** One registered OAuth client, as in the clients file and in SandboxOptions.extraClients. */
export interface OAuthClientConfig {
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs; the authorize request must name one of them character for character (API.md 2.1). */
  redirectUris: string[];
  /** The scopes this client may ask for. */
  scopes: Scope[];
  /** The application's name on the login and consent pages (the client id when absent). */
  displayName?: string;
}

export const MIN_CLIENT_SECRET_LENGTH = 8;
const CLIENT_ID_PATTERN = /^[A-Za-z0-9._~-]{1,200}$/;
const DISPLAY_NAME_PATTERN = /^[^\p{Cc}]{1,80}$/u;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Checks one client entry; `where` names it in the message (file and index). Throws an Error naming field, value and rule. */
export function parseClientConfig(value: unknown, where: string): OAuthClientConfig {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${where}: must be an object {clientId, clientSecret, redirectUris, scopes}.`);
  const entry = value as Record<string, unknown>;
  const { clientId, clientSecret, redirectUris, scopes, displayName } = entry;
  if (typeof clientId !== "string" || !CLIENT_ID_PATTERN.test(clientId)) {
    throw new Error(`${where}: clientId ${JSON.stringify(clientId)} must be 1-200 characters of letters, digits, '.', '_', '~' or '-'.`);
  }
  const named = `${where} (${clientId})`;
  // The secret itself never appears in a message.
  if (typeof clientSecret !== "string" || clientSecret.length < MIN_CLIENT_SECRET_LENGTH) {
    throw new Error(`${named}: clientSecret must be a string of at least ${MIN_CLIENT_SECRET_LENGTH} characters.`);
  }
  if (!Array.isArray(redirectUris) || redirectUris.length === 0) throw new Error(`${named}: redirectUris must be a non-empty array of URLs.`);
  for (const uri of redirectUris) checkRedirectUri(uri, named);
  if (!Array.isArray(scopes) || scopes.length === 0) throw new Error(`${named}: scopes must be a non-empty array of read, write, news, quotes, internal.`);
  for (const scope of scopes) {
    if (!isScope(scope)) throw new Error(`${named}: scope ${JSON.stringify(scope)} is not one of read, write, news, quotes, internal.`);
  }
  if (new Set(scopes).size !== scopes.length) throw new Error(`${named}: scopes lists a scope twice.`);
  if (displayName !== undefined && (typeof displayName !== "string" || !DISPLAY_NAME_PATTERN.test(displayName))) {
    throw new Error(`${named}: displayName ${JSON.stringify(displayName)} must be 1-80 characters of text without control characters.`);
  }
  return {
    clientId, clientSecret, redirectUris: [...redirectUris] as string[], scopes: [...scopes] as Scope[],
    ...(displayName !== undefined ? { displayName } : {}),
  };
}

/** Redirect URIs are absolute, without fragment (RFC 6749 3.1.2), and HTTPS except on the loopback host. */
function checkRedirectUri(uri: unknown, where: string): void {
  if (typeof uri !== "string") throw new Error(`${where}: redirect URI ${JSON.stringify(uri)} must be a string.`);
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Error(`${where}: redirect URI '${uri}' is not an absolute URL.`);
  }
  if (!/^[\x21-\x7e]+$/.test(uri)) throw new Error(`${where}: redirect URI '${uri}' must be printable ASCII without spaces (percent-encode the rest).`);
  if (uri.includes("#")) throw new Error(`${where}: redirect URI '${uri}' must not have a fragment.`);
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) throw new Error(`${where}: redirect URI '${uri}' must use https (http only on localhost).`);
}
