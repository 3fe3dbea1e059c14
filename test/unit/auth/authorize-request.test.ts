import { parseAuthorizeRequest } from "../../../server/sandbox/auth/authorize-request";
import { ClientRegistry } from "../../../server/sandbox/auth/client-registry";

const REDIRECT = "https://app.example/callback?from=binck";
const registry = new ClientRegistry([
  { clientId: "app", clientSecret: "app-secret-1", redirectUris: [REDIRECT], scopes: ["read", "write", "quotes"] },
]);

function parse(query: Record<string, string | string[]>, realm = "bincknlapi") {
  const url = new URL(`https://login.test/am/oauth2/realms/${realm}/authorize`);
  const merged: Record<string, string | string[]> = { client_id: "app", redirect_uri: REDIRECT, response_type: "code", scope: "read write", ...query };
  for (const [name, value] of Object.entries(merged)) for (const item of [value].flat()) if (item !== "") url.searchParams.append(name, item);
  return parseAuthorizeRequest(realm, url, registry);
}

describe("parseAuthorizeRequest", () => {
  it("accepts a good request and keeps what the sign-in needs", () => {
    expect(parse({ state: "xyz", ui_locales: "nlBE", scope: "read  write read" })).toEqual({
      kind: "ok",
      request: {
        realm: "bincknlapi", clientId: "app", clientName: "app", redirectUri: REDIRECT, scopes: ["read", "write"], state: "xyz", language: "nl",
        restartUrl: expect.stringMatching(/^\/am\/oauth2\/realms\/bincknlapi\/authorize\?client_id=app&/),
      },
    });
  });

  it.each([
    ["frBE", "fr"], ["it", "it"], ["en", "en"], ["nl-BE", "nl"], ["de", "en"],
  ])("maps ui_locales %s to %s", (locale, language) => {
    expect(parse({ ui_locales: locale })).toMatchObject({ kind: "ok", request: { language } });
  });

  it.each([
    ["bincknlapi", "nl"], ["binckbeapi", "nl"], ["binckitapi", "it"], ["binckfrapi", "fr"],
  ])("speaks the language of realm %s without ui_locales", (realm, language) => {
    expect(parse({}, realm)).toMatchObject({ kind: "ok", request: { language } });
  });

  describe("problems shown on a page, never redirected", () => {
    it.each([
      [{}, "binckdeapi", 404, "Realm 'binckdeapi' does not exist; Binck realms are bincknlapi, binckbeapi, binckitapi, binckfrapi."],
      [{ client_id: "" }, "bincknlapi", 400, "client_id is missing."],
      [{ client_id: "nobody" }, "bincknlapi", 400, "client_id 'nobody' is not a registered client."],
      [{ client_id: ["app", "app"] }, "bincknlapi", 400, "client_id appears 2 times; send it once."],
      [{ redirect_uri: "" }, "bincknlapi", 400, "redirect_uri is missing."],
      [{ redirect_uri: "https://app.example/callback" }, "bincknlapi", 400,
        "redirect_uri 'https://app.example/callback' is not registered for client 'app'; it must match a registered URI exactly."],
      [{ redirect_uri: "https://evil.example/callback", response_type: "token" }, "bincknlapi", 400,
        "redirect_uri 'https://evil.example/callback' is not registered for client 'app'; it must match a registered URI exactly."],
    ])("%j in %s gives %d: %s", (query, realm, status, detail) => {
      expect(parse(query as Record<string, string>, realm)).toMatchObject({ kind: "page", status, detail });
    });
  });

  describe("problems redirected to the client", () => {
    it("puts an unsupported response_type in the fragment, with the state", () => {
      expect(parse({ response_type: "token", state: "s 1" })).toEqual({
        kind: "redirect",
        location: `${REDIRECT}#error=unsupported_response_type&error_description=response_type%20'token'%20is%20not%20supported%3B%20use%20'code'.&state=s%201`,
      });
    });

    it("puts a missing response_type in the fragment as invalid_request", () => {
      expect(parse({ response_type: "" })).toEqual({
        kind: "redirect", location: `${REDIRECT}#error=invalid_request&error_description=response_type%20is%20missing%3B%20use%20'code'.`,
      });
    });

    it.each([
      [{ scope: "" }, "invalid_scope", "scope is missing; ask for some of read write quotes."],
      [{ scope: "read trade" }, "invalid_scope", "scope 'trade' is unknown; Binck scopes are read write news quotes internal."],
      [{ scope: "read news" }, "invalid_scope", "client 'app' may not ask for scope 'news'; it may ask for read write quotes."],
      [{ state: ["a", "b"] }, "invalid_request", "state appears 2 times; send it once."],
      [{ state: "x".repeat(2001) }, "invalid_request", "state is 2001 characters long; at most 2000 are allowed."],
    ])("%j gives %s in the query", (query, error, description) => {
      const result = parse(query as Record<string, string>);
      if (result.kind !== "redirect") throw new Error(`Expected a redirect, got ${result.kind}`);
      const url = new URL(result.location);
      expect(url.origin + url.pathname).toBe("https://app.example/callback");
      expect(url.searchParams.get("from")).toBe("binck");
      expect(url.searchParams.get("error")).toBe(error);
      expect(url.searchParams.get("error_description")).toBe(description);
      expect(url.hash).toBe("");
    });
  });
});
