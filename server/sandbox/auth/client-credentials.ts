import type { IncomingHttpHeaders } from "node:http";
import type { FormFields } from "./form-body";
import { invalidClient, invalidRequest } from "./oauth-failure";

export interface PresentedCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * The client's credentials from the body (client_id, client_secret: what Binck documented, API.md 2.2) or from
 * HTTP Basic (RFC 6749 2.3.1). Using both at once is refused, as RFC 6749 2.3 requires.
 */
export function presentedCredentials(headers: IncomingHttpHeaders, form: FormFields): PresentedCredentials {
  const basic = basicCredentials(headers.authorization);
  const bodyId = form.get("client_id");
  const bodySecret = form.get("client_secret");
  if (basic) {
    if (bodySecret !== undefined) throw invalidRequest("Send the client credentials either in the Authorization header or as client_id and client_secret, not both.");
    if (bodyId !== undefined && bodyId !== basic.clientId) throw invalidRequest(`client_id '${bodyId}' is not the client of the Authorization header.`);
    return basic;
  }
  if (bodyId === undefined) throw invalidClient("client_id is missing.");
  if (bodySecret === undefined) throw invalidClient(`client_secret is missing for client_id '${bodyId}'.`);
  return { clientId: bodyId, clientSecret: bodySecret };
}

function basicCredentials(header: string | undefined): PresentedCredentials | undefined {
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) {
    if (/^Basic\b/i.test(header)) throw invalidClient("the Authorization header is not valid Basic credentials.");
    return undefined;
  }
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw invalidClient("the Basic credentials have no ':' between client id and secret.");
  // RFC 6749 2.3.1: both parts are form-urlencoded before base64.
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      throw invalidClient("the Basic credentials are not validly form-encoded.");
    }
  };
  const clientId = decode(decoded.slice(0, colon));
  const clientSecret = decode(decoded.slice(colon + 1));
  if (!clientId || !clientSecret) throw invalidClient("the Basic credentials lack a client id or a secret.");
  return { clientId, clientSecret };
}
