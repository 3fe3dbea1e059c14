import { ManualClock } from "../../src/core/clock";
import { signInByForms, redirectQuery, testClient, tokenRequest, type TokenAnswer } from "../support/oauth-login";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const client = testClient();
const MINUTE = 60_000;

describe("token endpoint (POST /am/oauth2/realms/{realm}/access_token)", () => {
  let sandbox: TestSandbox;
  const clock = new ManualClock();
  beforeAll(async () => {
    sandbox = await startTestSandbox({
      clock,
      extraClients: [client, { ...testClient("https://localhost:9/other"), clientId: "other-client", clientSecret: "other-secret-0123" }],
      refreshChainMs: 20 * MINUTE,
    });
  });
  afterAll(() => sandbox.close());

  const login = () => sandbox.urls.login;

  /** A fresh code for jansen in bincknlapi through the test client. */
  async function newCode(state = "s1"): Promise<string> {
    const page = await signInByForms(login(), client, { username: "jansen", sms: "123456", consent: "allow", params: { state } });
    const code = redirectQuery(page.location).get("code");
    if (!code) throw new Error(`No code in ${page.location}`);
    return code;
  }

  const exchange = (code: string, overrides: Record<string, string | undefined> = {}, realm = "bincknlapi") =>
    tokenRequest(login(), realm, definedOnly({
      grant_type: "authorization_code", client_id: client.clientId, client_secret: client.clientSecret, redirect_uri: client.redirectUris[0], code, ...overrides,
    }));

  const refresh = (refreshToken: string, overrides: Record<string, string | undefined> = {}, realm = "bincknlapi") =>
    tokenRequest(login(), realm, definedOnly({
      grant_type: "refresh_token", client_id: client.clientId, client_secret: client.clientSecret, refresh_token: refreshToken, ...overrides,
    }));

  function expectError(answer: TokenAnswer, status: number, error: string, description: string): void {
    expect({ status: answer.status, body: answer.body }).toEqual({ status, body: { error, error_description: description } });
    expect(answer.headers.get("cache-control")).toBe("no-store");
  }

  describe("grant_type=authorization_code", () => {
    it("exchanges a code for Bearer tokens, never cached, for a session that may trade", async () => {
      const answer = await exchange(await newCode());
      expect(answer.status).toBe(200);
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(answer.headers.get("pragma")).toBe("no-cache");
      expect(answer.body).toEqual({
        access_token: expect.stringMatching(/^[0-9a-f-]{36}$/), refresh_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
        // This sandbox's refresh chain is 20 minutes, and no token outlives the chain.
        scope: "read write news quotes", token_type: "Bearer", expires_in: 20 * 60 - 1,
      });
      const auth = sandbox.sandbox.ctx.sessions.authenticate(answer.body.access_token as string, false);
      expect(auth).toMatchObject({ ok: true, session: { personId: "p-jansen", realm: "bincknlapi", clientId: client.clientId, readOnly: false } });
    });

    it("accepts the client credentials as HTTP Basic", async () => {
      const code = await newCode();
      const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64");
      const answer = await tokenRequest(login(), "bincknlapi",
        { grant_type: "authorization_code", redirect_uri: client.redirectUris[0], code }, { headers: { Authorization: `Basic ${basic}` } });
      expect(answer.status).toBe(200);
      expect(answer.body.token_type).toBe("Bearer");
    });

    it("refuses a reused code and ends the session issued from it", async () => {
      const code = await newCode();
      const first = await exchange(code);
      expect(first.status).toBe(200);
      expectError(await exchange(code), 400, "invalid_grant", "The authorization code was already used; the session issued from it has ended.");
      expect(sandbox.sandbox.ctx.sessions.authenticate(first.body.access_token as string, false)).toMatchObject({ ok: false, failure: "ended" });
      expectError(await refresh(first.body.refresh_token as string), 400, "invalid_grant", "The session has ended (signedOut); sign in again.");
    });

    it("refuses an expired code", async () => {
      const code = await newCode();
      clock.advance(60_000);
      expectError(await exchange(code), 400, "invalid_grant", "The authorization code has expired: a code must be exchanged within 60 s.");
    });

    it("refuses another redirect_uri, without spending the code", async () => {
      const code = await newCode();
      expectError(await exchange(code, { redirect_uri: "https://localhost:9/callback/" }), 400, "invalid_grant",
        "redirect_uri 'https://localhost:9/callback/' is not the redirect_uri of the authorize request; it must be identical.");
      expect((await exchange(code)).status).toBe(200);
    });

    it("refuses the code in another realm", async () => {
      expectError(await exchange(await newCode(), {}, "binckbeapi"), 400, "invalid_grant", "The authorization code was issued in realm bincknlapi, not binckbeapi.");
    });

    it("answers a code issued to another client exactly as an unknown one, and leaves it usable by its own client", async () => {
      const code = await newCode();
      expectError(await exchange(code, { client_id: "other-client", client_secret: "other-secret-0123", redirect_uri: "https://localhost:9/callback" }),
        400, "invalid_grant", "The authorization code is unknown.");
      expect((await exchange(code)).status).toBe(200);
    });

    it("refuses an unknown code", async () => {
      expectError(await exchange("not-a-code"), 400, "invalid_grant", "The authorization code is unknown.");
    });
  });

  describe("client authentication", () => {
    it("answers a wrong secret with 401 invalid_client and WWW-Authenticate, never echoing the secret", async () => {
      const answer = await exchange(await newCode(), { client_secret: "guessed-secret-42" });
      expectError(answer, 401, "invalid_client", `Client authentication failed: the client_secret is wrong for client_id '${client.clientId}'.`);
      expect(answer.headers.get("www-authenticate")).toBe('Basic realm="bincknlapi"');
      expect(answer.text).not.toContain("guessed-secret-42");
    });

    it.each([
      [{ client_id: "nobody" }, "Client authentication failed: client_id 'nobody' is not registered."],
      [{ client_id: undefined }, "Client authentication failed: client_id is missing."],
      [{ client_secret: undefined }, "Client authentication failed: client_secret is missing for client_id 'oauth-test-client'."],
    ])("answers %j with 401 invalid_client", async (overrides, description) => {
      const answer = await exchange("any-code", overrides);
      expectError(answer, 401, "invalid_client", description);
      expect(answer.headers.get("www-authenticate")).toBe('Basic realm="bincknlapi"');
    });

    it("answers a wrong Basic secret with 401 and refuses Basic plus a body secret", async () => {
      const basic = (secret: string) => ({ headers: { Authorization: `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString("base64")}` } });
      expectError(await tokenRequest(login(), "bincknlapi", { grant_type: "authorization_code", code: "c", redirect_uri: "r" }, basic("wrong-one")),
        401, "invalid_client", `Client authentication failed: the client_secret is wrong for client_id '${client.clientId}'.`);
      expectError(await tokenRequest(login(), "bincknlapi", { grant_type: "authorization_code", client_secret: client.clientSecret, code: "c", redirect_uri: "r" }, basic(client.clientSecret)),
        400, "invalid_request", "Send the client credentials either in the Authorization header or as client_id and client_secret, not both.");
    });
  });

  describe("grant_type=refresh_token", () => {
    it("rotates: new tokens work, the used refresh token is dead and replaying it ends the session", async () => {
      const first = (await exchange(await newCode())).body;
      const second = await refresh(first.refresh_token as string);
      expect(second.status).toBe(200);
      expect(second.body).toEqual({
        access_token: expect.any(String), refresh_token: expect.any(String), scope: "read write news quotes", token_type: "Bearer", expires_in: expect.any(Number),
      });
      expect(second.body.refresh_token).not.toBe(first.refresh_token);
      expectError(await refresh(first.refresh_token as string), 400, "invalid_grant", "The refresh token was already used; the session has ended.");
      expectError(await refresh(second.body.refresh_token as string), 400, "invalid_grant", "The session has ended (signedOut); sign in again.");
    });

    it("refuses another realm than the login's, leaving the token usable", async () => {
      const tokens = (await exchange(await newCode())).body;
      expectError(await refresh(tokens.refresh_token as string, {}, "binckitapi"), 400, "invalid_grant", "The refresh token belongs to realm bincknlapi, not binckitapi.");
      expect((await refresh(tokens.refresh_token as string)).status).toBe(200);
    });

    // RFC 6749 section 6, RFC 9700 4.14: the client binding is checked first, so another client's token tells it nothing.
    it("answers another client's refresh token exactly as an unknown one, with or without scope, and leaves it usable", async () => {
      const tokens = (await exchange(await newCode())).body;
      const other = { client_id: "other-client", client_secret: "other-secret-0123" };
      const unknown = await refresh("3f1c1a55-0000-4000-8000-000000000000", other);
      expectError(unknown, 400, "invalid_grant", "The refresh token is unknown to this client.");
      for (const scope of [undefined, "zzz", "read"]) {
        const answer = await refresh(tokens.refresh_token as string, { ...other, scope });
        expect({ status: answer.status, body: answer.body }).toEqual({ status: unknown.status, body: unknown.body });
      }
      expect((await refresh(tokens.refresh_token as string)).status).toBe(200);
    });

    it("ends the chain when a used refresh token comes back, whatever scope it asks for", async () => {
      const first = (await exchange(await newCode())).body;
      const second = (await refresh(first.refresh_token as string)).body;
      expectError(await refresh(first.refresh_token as string, { scope: "zzz" }), 400, "invalid_grant", "The refresh token was already used; the session has ended.");
      expectError(await refresh(second.refresh_token as string), 400, "invalid_grant", "The session has ended (signedOut); sign in again.");
    });

    it("refuses a scope the login did not grant, before spending the token (RFC 6749 section 6)", async () => {
      const tokens = (await exchange(await newCode())).body;
      expectError(await refresh(tokens.refresh_token as string, { scope: "read internal" }), 400, "invalid_scope",
        `scope internal was not granted at login (granted: ${tokens.scope as string}).`);
      expect((await refresh(tokens.refresh_token as string, { scope: "read" })).status).toBe(200);
    });

    it("refuses refreshes once the chain has ended", async () => {
      const first = (await exchange(await newCode())).body;
      clock.advance(15 * MINUTE);
      const second = await refresh(first.refresh_token as string);
      expect(second.status).toBe(200);
      // Five minutes of the 20-minute chain are left.
      expect(second.body.expires_in).toBe(5 * 60 - 1);
      clock.advance(5 * MINUTE);
      expectError(await refresh(second.body.refresh_token as string), 400, "invalid_grant", "The session has ended (chainEnded); sign in again.");
    });

    it("refuses an unknown refresh token", async () => {
      expectError(await refresh("3f1c1a55-0000-4000-8000-000000000000"), 400, "invalid_grant", "The refresh token is unknown to this client.");
    });
  });

  describe("bad requests", () => {
    it.each([
      [{ grant_type: undefined }, "invalid_request", "grant_type is missing; use authorization_code or refresh_token."],
      [{ code: undefined }, "invalid_request", "code is missing: send the code from the redirect."],
      [{ redirect_uri: undefined }, "invalid_request", "redirect_uri is missing: send the redirect_uri of the authorize request, identical."],
      [{ grant_type: "password" }, "unsupported_grant_type", "grant_type 'password' is not supported; use authorization_code or refresh_token."],
      [{ grant_type: "client_credentials" }, "unsupported_grant_type", "grant_type 'client_credentials' is not supported; use authorization_code or refresh_token."],
    ])("answers %j with 400 %s", async (overrides, error, description) => {
      expectError(await exchange("some-code", overrides), 400, error, description);
    });

    it("answers a missing refresh_token with invalid_request", async () => {
      expectError(await refresh("", { refresh_token: undefined }), 400, "invalid_request", "refresh_token is missing.");
    });

    it("refuses JSON and other content types", async () => {
      const body = JSON.stringify({ grant_type: "authorization_code", client_id: client.clientId, client_secret: client.clientSecret, code: "c" });
      expectError(await tokenRequest(login(), "bincknlapi", {}, { headers: { "Content-Type": "application/json" }, body }),
        400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded; got 'application/json'.");
      expectError(await tokenRequest(login(), "bincknlapi", {}, { headers: { "Content-Type": "application/x-www-form-urlencoded; charset=iso-8859-1" }, body: "grant_type=x" }),
        400, "invalid_request", "The form charset must be utf-8; got 'iso-8859-1'.");
    });

    it("refuses a repeated parameter and an oversized body", async () => {
      expectError(await tokenRequest(login(), "bincknlapi", {}, { body: "grant_type=authorization_code&code=a&code=b" }),
        400, "invalid_request", "Parameter 'code' appears 2 times; send it once.");
      expectError(await tokenRequest(login(), "bincknlapi", {}, { body: `grant_type=authorization_code&code=${"x".repeat(9000)}` }),
        400, "invalid_request", "The form body is 9035 bytes; at most 8192 are accepted.");
    });

    it("refuses an unknown realm and a GET", async () => {
      expectError(await exchange("c", {}, "binckdeapi"), 400, "invalid_request",
        "Realm 'binckdeapi' does not exist; Binck realms are bincknlapi, binckbeapi, binckitapi, binckfrapi.");
      const response = await fetch(`${login()}/am/oauth2/realms/bincknlapi/access_token`);
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect((await response.json()).error).toBe("invalid_request");
    });

    it.each([
      ["/am/oauth2/realms/%zz/access_token", "The realm '%zz' in the path is not valid percent-encoding; Binck realms are bincknlapi, binckbeapi, binckitapi, binckfrapi."],
      ["/am/oauth2/realms/root/realms/%E0%A4%A/access_token", "The realm '%E0%A4%A' in the path is not valid percent-encoding; Binck realms are bincknlapi, binckbeapi, binckitapi, binckfrapi."],
      ["/am/oauth2/access_token", "There is no token endpoint at /am/oauth2/access_token; use /am/oauth2/realms/{realm}/access_token."],
    ])("answers POST %s in the OAuth error shape, as JSON", async (path, description) => {
      const response = await fetch(`${login()}${path}`, {
        method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "grant_type=refresh_token&refresh_token=x",
      });
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: path.includes("%") ? 400 : 404, body: { error: "invalid_request", error_description: description },
      });
    });

    it("answers 503 temporarily_unavailable in maintenance", async () => {
      sandbox.sandbox.ctx.faults.maintenance = true;
      try {
        const answer = await exchange("c");
        expect(answer.status).toBe(503);
        expect(answer.body).toEqual({ error: "temporarily_unavailable", error_description: "Binck is down for planned maintenance. Please try again later." });
      } finally {
        sandbox.sandbox.ctx.faults.maintenance = false;
      }
    });
  });
});

function definedOnly(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
