import type { OAuthClientConfig } from "../../server/shared/oauth-client-config";

/** A client the OAuth tests register through SandboxOptions.extraClients. */
export function testClient(redirectUri = "https://localhost:9/callback"): OAuthClientConfig {
  return { clientId: "oauth-test-client", clientSecret: "test-secret-0123456789", redirectUris: [redirectUri], scopes: ["read", "write", "news", "quotes"] };
}

export interface AuthorizeParams {
  realm?: string;
  client_id?: string;
  redirect_uri?: string;
  response_type?: string;
  scope?: string;
  state?: string;
  ui_locales?: string;
}

/** The authorize URL on a login origin; undefined values are left out. */
export function authorizeUrl(loginOrigin: string, client: OAuthClientConfig, params: AuthorizeParams = {}): string {
  const { realm = "bincknlapi", ...query } = params;
  const merged: Record<string, string | undefined> = {
    client_id: client.clientId, redirect_uri: client.redirectUris[0], response_type: "code", scope: "read write news quotes", ...query,
  };
  const search = Object.entries(merged)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join("&");
  return `${loginOrigin}/am/oauth2/realms/${realm}/authorize?${search}`;
}

export interface LoginPage {
  status: number;
  html: string;
  /** The one-time page-state id in the form, if the page has a form. */
  flow?: string;
  location?: string;
}

async function toPage(response: Response): Promise<LoginPage> {
  const html = await response.text();
  return { status: response.status, html, flow: /name="flow" value="([^"]+)"/.exec(html)?.[1], location: response.headers.get("location") ?? undefined };
}

export async function getPage(url: string): Promise<LoginPage> {
  return toPage(await fetch(url, { redirect: "manual" }));
}

/** Posts one sign-in form, as the page would. */
export async function postForm(loginOrigin: string, realm: string, fields: Record<string, string>): Promise<LoginPage> {
  const response = await fetch(`${loginOrigin}/am/oauth2/realms/${realm}/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return toPage(response);
}

export interface FormSignIn {
  username: string;
  password?: string;
  /** The SMS code, or "skip" for a read-only sign-in. */
  sms: string;
  /** What to answer on the consent page, if it comes. */
  consent?: "allow" | "deny";
  params?: AuthorizeParams;
}

/** Drives the pages without a browser up to the redirect back; returns the last page (its `location` when redirected). */
export function signInByForms(loginOrigin: string, client: OAuthClientConfig, signIn: FormSignIn): Promise<LoginPage> {
  return fillLoginPages(loginOrigin, signIn.params?.realm ?? "bincknlapi", authorizeUrl(loginOrigin, client, signIn.params), signIn);
}

/**
 * Opens an authorize URL (one built here, or the one a broker redirects to) and fills the pages of `realm` as a
 * person would: password, SMS code, then consent if it comes and `consent` says what to answer.
 */
export async function fillLoginPages(loginOrigin: string, realm: string, authorize: string, signIn: Omit<FormSignIn, "params">): Promise<LoginPage> {
  let page = await getPage(authorize);
  page = await postForm(loginOrigin, realm, { flow: page.flow ?? "", IDToken2: signIn.username, IDToken3: signIn.password ?? "Binck-2021!" });
  page = await postForm(loginOrigin, realm, signIn.sms === "skip" ? { flow: page.flow ?? "", action: "skip" } : { flow: page.flow ?? "", IDToken1: signIn.sms, action: "confirm" });
  if (page.location || !signIn.consent) return page;
  return postForm(loginOrigin, realm, { flow: page.flow ?? "", decision: signIn.consent });
}

/** The query of a redirect back to the client. */
export function redirectQuery(location: string | undefined): URLSearchParams {
  if (!location) throw new Error("Expected a redirect, got none.");
  return new URL(location).searchParams;
}

export interface TokenAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/** POSTs a form to the token endpoint of a realm. */
export async function tokenRequest(loginOrigin: string, realm: string, fields: Record<string, string>, init: { headers?: Record<string, string>; body?: string } = {}): Promise<TokenAnswer> {
  const response = await fetch(`${loginOrigin}/am/oauth2/realms/${realm}/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...init.headers },
    body: init.body ?? new URLSearchParams(fields).toString(),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Left empty: the test looks at `text`.
  }
  return { status: response.status, headers: response.headers, body, text };
}
