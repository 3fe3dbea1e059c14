import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { signInByForms, redirectQuery, testClient, tokenRequest } from "../support/oauth-login";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

/** Behaviour a client written from swagger.json and the guide relies on, found by review. */
describe("sandbox fidelity", () => {
  const ACCOUNT = "190126781";
  const client = testClient();
  let sandbox: TestSandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ extraClients: [client] });
    token = (await sandbox.signIn("jansen")).access_token;
  });
  afterAll(() => sandbox.close());

  const get = async (path: string, accessToken = token) => {
    const response = await sandbox.api(`/api/v1${path}`, { token: accessToken });
    return { status: response.status, body: await response.json() };
  };

  it.each([
    "/accounts/%E0%A4%A",
    `/instruments/%FF?accountNumber=${ACCOUNT}`,
    `/accounts/${ACCOUNT}/positions/%`,
  ])("answers a broken percent-escape (%s) with 400, not 500", async (path) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body).toMatchObject({ errorCode: "BadRequest", errorId: "validationError", developerMessage: expect.stringContaining("percent-encoding") });
  });

  describe("Content-Encoding of a request body", () => {
    const PREVIEW = `/api/v1/accounts/${ACCOUNT}/orders/preview`;
    const order = () => {
      const ing = sandbox.sandbox.ctx.market.catalogue.byIsin("NL0011821202", "XAMS")[0].model.id;
      return JSON.stringify({ type: "limit", quantity: 1, duration: "day", limitPrice: 1, cash: { side: "buy", instrumentId: ing } });
    };
    const post = async (encoding: string, body: BodyInit) => {
      const response = await sandbox.api(PREVIEW, { method: "POST", token, headers: { "Content-Encoding": encoding }, body });
      return { status: response.status, body: await response.json() };
    };

    it.each(["gzip", "deflate", "br"])("names a plain body sent as %s as undecodable, not as a bad path", async (encoding) => {
      const { status, body } = await post(encoding, order());
      expect(status).toBe(400);
      expect(body).toMatchObject({ errorCode: "BadRequest", errorId: "validationError" });
      expect(body.developerMessage).toMatch(new RegExp(`^The request body says Content-Encoding: ${encoding} but cannot be decoded as ${encoding} \\(.+\\)\\.$`));
    });

    it.each([
      ["gzip", gzipSync], ["deflate", deflateSync], ["br", brotliCompressSync],
    ] as const)("reads a body really compressed with %s", async (encoding, compress) => {
      const { status, body } = await post(encoding, new Blob([new Uint8Array(compress(Buffer.from(order())))]));
      expect(status).toBe(200);
      expect(body.previewOrder.orderCanBeRegistered).toBe(true);
    });

    it("refuses another Content-Encoding with 415, naming it and the ones accepted", async () => {
      const { status, body } = await post("compress", order());
      expect(status).toBe(415);
      expect(body).toEqual({
        developerMessage: "Content-Encoding 'compress' is not supported: send the body uncompressed, or as gzip, deflate or br.",
        endUserMessage: "Het verzoek bevat ongeldige gegevens.",
        errorCode: "UnsupportedMediaType",
        errorId: "validationError",
      });
    });
  });

  it("answers a broken percent-escape on the login origin with 400", async () => {
    expect((await fetch(`${sandbox.urls.login}/am/oauth2/realms/%E0%A4%A/authorize`)).status).toBe(400);
  });

  it.each([
    ["/accounts/999999/positions", 400, "noMatchingAccountInfoFound"],
    ["/accounts/999999/transactions", 400, "noMatchingAccountInfoFound"],
    ["/accounts/999999/balances", 404, "noMatchingAccountInfoFound"],
    [`/accounts/${ACCOUNT}/orders/777777`, 400, "orderNumberIsIncorrect"],
  ])("answers %s with a status swagger declares (%i)", async (path, status, errorId) => {
    const answer = await get(path);
    expect({ status: answer.status, errorId: answer.body.errorId }).toEqual({ status, errorId });
  });

  it("keeps the customer's language in the 401 after the session ended", async () => {
    const own = (await sandbox.signIn("jansen")).access_token;
    expect((await sandbox.api("/api/v1/sessions", { method: "DELETE", token: own })).status).toBe(200);
    const { status, body } = await get("/accounts", own);
    expect(status).toBe(401);
    expect(body.endUserMessage).toBe("Uw sessie is verlopen. Log opnieuw in.");
  });

  it("refuses an impossible calendar date", async () => {
    const { status, body } = await get(`/accounts/${ACCOUNT}/transactions?fromDate=2026-02-30`);
    expect(status).toBe(400);
    expect(body.developerMessage).toBe("fromDate: '2026-02-30' is not a valid date.");
  });

  it("binds list ids and MICs case-insensitively", async () => {
    const exact = await get(`/instruments/lists/allInstruments?accountNumber=${ACCOUNT}&mic=XAMS&range=0-4`);
    const loose = await get(`/instruments/lists/ALLINSTRUMENTS?accountNumber=${ACCOUNT}&mic=xams&range=0-4`);
    expect(loose.status).toBe(200);
    expect(loose.body.instrumentsCollection).toEqual(exact.body.instrumentsCollection);
    expect(exact.body.instrumentsCollection.instruments.length).toBe(5);
  });

  it("answers a malformed instrument id in news with 400", async () => {
    const { status, body } = await get(`/news?accountNumber=${ACCOUNT}&instrumentIds=%FF%FE`);
    expect(status).toBe(400);
    expect(body.developerMessage).toContain("is not an instrument id");
  });

  describe("refresh with a scope (RFC 6749 section 6)", () => {
    async function refreshToken(): Promise<string> {
      const page = await signInByForms(sandbox.urls.login, client, { username: "smith", sms: "999000", consent: "allow" });
      const code = redirectQuery(page.location).get("code")!;
      const tokens = await tokenRequest(sandbox.urls.login, "bincknlapi", {
        grant_type: "authorization_code", code, redirect_uri: client.redirectUris[0], client_id: client.clientId, client_secret: client.clientSecret,
      });
      return tokens.body.refresh_token as string;
    }
    const refresh = (refresh_token: string, scope: string) => tokenRequest(sandbox.urls.login, "bincknlapi", {
      grant_type: "refresh_token", refresh_token, scope, client_id: client.clientId, client_secret: client.clientSecret,
    });

    it("accepts a scope the login granted", async () => {
      const answer = await refresh(await refreshToken(), "read quotes");
      expect(answer.status).toBe(200);
      expect(answer.body.scope).toBe("read write news quotes");
    });

    it("refuses a scope the login did not grant, without using the refresh token up", async () => {
      const token = await refreshToken();
      const refused = await refresh(token, "read internal");
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ error: "invalid_scope", error_description: "scope internal was not granted at login (granted: read write news quotes)." });
      expect((await refresh(token, "read")).status).toBe(200);
    });
  });
});
