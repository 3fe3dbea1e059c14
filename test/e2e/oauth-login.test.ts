import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { loadTlsMaterial } from "../../server/shared/tls";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { authorizeUrl, testClient, tokenRequest, type AuthorizeParams } from "../support/oauth-login";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

/** The client's redirect target: a local HTTPS server that records each query it receives. */
interface RedirectTarget {
  origin: string;
  /** Resolves with the query of the next request. Call before the click that causes it. */
  nextQuery(): Promise<URLSearchParams>;
  close(): Promise<void>;
}

async function startRedirectTarget(): Promise<RedirectTarget> {
  const waiting: Array<(query: URLSearchParams) => void> = [];
  const server: Server = createServer(loadTlsMaterial(), (request, response) => {
    const url = new URL(request.url ?? "/", "https://localhost");
    waiting.shift()?.(url.searchParams);
    response.writeHead(200, { "Content-Type": "text/plain" }).end("received");
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  return {
    origin: `https://localhost:${(server.address() as AddressInfo).port}`,
    nextQuery: () => new Promise((resolve) => waiting.push(resolve)),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe("sign-in through the real pages in headless Chromium", () => {
  let target: RedirectTarget;
  let sandbox: TestSandbox;
  let browser: TestBrowser;
  let client: ReturnType<typeof testClient>;
  beforeAll(async () => {
    target = await startRedirectTarget();
    client = testClient(`${target.origin}/callback`);
    sandbox = await startTestSandbox({ extraClients: [client] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await sandbox.close();
    await target.close();
  });

  async function openLogin(params: AuthorizeParams): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(authorizeUrl(sandbox.urls.login, client, params));
    return page;
  }

  async function logIn(page: Page, username: string): Promise<void> {
    await page.fill("#idToken2", username);
    await page.fill("#idToken3", "Binck-2021!");
    await page.click("#idToken4_0");
    await page.waitForSelector("#idToken1");
  }

  /** Clicks, then waits for the redirect target to record the browser's arrival. */
  async function clickToRedirect(page: Page, selector: string): Promise<URLSearchParams> {
    const query = target.nextQuery();
    await page.click(selector);
    const received = await query;
    await page.waitForURL(`${target.origin}/callback?**`);
    await page.close();
    return received;
  }

  async function exchange(code: string, realm = "bincknlapi") {
    return tokenRequest(sandbox.urls.login, realm, {
      grant_type: "authorization_code", client_id: client.clientId, client_secret: client.clientSecret, redirect_uri: client.redirectUris[0], code,
    });
  }

  it("signs in with password, SMS code and consent, and redirects with code, scope and state", async () => {
    const page = await openLogin({ ui_locales: "nl", state: "csrf-1" });
    expect(await page.locator("h1").innerText()).toBe("Inloggen bij Binck");
    expect(await page.locator("label[for=idToken2]").innerText()).toBe("Gebruikersnaam");
    await page.fill("#idToken2", "jansen");
    await page.fill("#idToken3", "Binck-2021!");
    // The keyboard is enough: Enter in the password field submits.
    await page.press("#idToken3", "Enter");
    await page.waitForSelector("#idToken1");
    expect(await page.locator("h1").innerText()).toBe("Sms-code");
    await page.fill("#idToken1", "123456");
    await page.click("#idToken2_0");
    await page.waitForSelector("#consentAllow");
    expect(await page.locator("h1").innerText()).toBe("Toegang geven");
    expect(await page.locator("#scopes li").allInnerTexts()).toEqual([
      "uw rekeningen, saldi, posities, orders en transacties inzien",
      "namens u orders plaatsen, wijzigen en annuleren",
      "u nieuws tonen",
      "u koersen tonen",
    ]);
    const query = await clickToRedirect(page, "#consentAllow");
    expect([...query.keys()]).toEqual(["code", "scope", "state"]);
    expect(query.get("scope")).toBe("read write news quotes");
    expect(query.get("state")).toBe("csrf-1");

    const answer = await exchange(query.get("code")!);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ scope: "read write news quotes", token_type: "Bearer", expires_in: 3599 });
    const auth = sandbox.sandbox.ctx.sessions.authenticate(answer.body.access_token as string, false);
    expect(auth).toMatchObject({ ok: true, session: { personId: "p-jansen", readOnly: false } });
  });

  it("remembers the consent: the second sign-in goes from the SMS code straight back", async () => {
    const page = await openLogin({ ui_locales: "nl", state: "csrf-2" });
    await logIn(page, "jansen");
    await page.fill("#idToken1", "123456");
    const query = await clickToRedirect(page, "#idToken2_0");
    expect(query.get("state")).toBe("csrf-2");
    expect((await exchange(query.get("code")!)).status).toBe(200);
  });

  it("gives a read-only session when the SMS code is skipped", async () => {
    const page = await openLogin({ ui_locales: "en", state: "csrf-3" });
    await logIn(page, "jansen");
    expect(await page.locator("#idToken2_1").innerText()).toBe("Skip: continue read-only");
    const query = await clickToRedirect(page, "#idToken2_1");
    const answer = await exchange(query.get("code")!);
    expect(answer.status).toBe(200);
    const auth = sandbox.sandbox.ctx.sessions.authenticate(answer.body.access_token as string, false);
    expect(auth).toMatchObject({ ok: true, session: { personId: "p-jansen", readOnly: true } });
  });

  it("redirects with access_denied when the customer refuses", async () => {
    const page = await openLogin({ ui_locales: "en", state: "csrf-4" });
    await logIn(page, "smith");
    await page.fill("#idToken1", "999000");
    await page.click("#idToken2_0");
    await page.waitForSelector("#consentDeny");
    const query = await clickToRedirect(page, "#consentDeny");
    expect(Object.fromEntries(query)).toEqual({
      error: "access_denied", error_description: "Resource Owner did not authorize the request", state: "csrf-4",
    });
  });

  it("speaks Italian from login to consent", async () => {
    const page = await openLogin({ realm: "binckitapi", ui_locales: "it", scope: "read quotes" });
    expect(await page.locator("h1").innerText()).toBe("Accedi a Binck");
    expect(await page.locator("#idToken4_0").innerText()).toBe("Accedi");
    await logIn(page, "rossi");
    expect(await page.locator("h1").innerText()).toBe("Codice SMS");
    await page.fill("#idToken1", "111222");
    await page.click("#idToken2_0");
    await page.waitForSelector("#consentAllow");
    expect(await page.locator("#scopes li").allInnerTexts()).toEqual(["vedere i tuoi conti, saldi, posizioni, ordini e movimenti", "mostrarti le quotazioni"]);
    expect(await page.locator("#consentAllow").innerText()).toBe("Consenti");
    const query = await clickToRedirect(page, "#consentAllow");
    expect(query.get("scope")).toBe("read quotes");
    const answer = await exchange(query.get("code")!, "binckitapi");
    expect(answer.body).toMatchObject({ scope: "read quotes", token_type: "Bearer" });
  });

  it("asks a read-only first sign-in for the SMS code before consent can be given", async () => {
    const page = await openLogin({ realm: "binckbeapi", ui_locales: "frBE" });
    await logIn(page, "peeters");
    await page.click("#idToken2_1");
    await page.waitForSelector("#backToSms");
    expect(await page.locator("h1").innerText()).toBe("Code SMS nécessaire");
    await page.click("#backToSms");
    await page.waitForSelector("#idToken1");
    await page.fill("#idToken1", "654321");
    await page.click("#idToken2_0");
    await page.waitForSelector("#consentAllow");
    expect(await page.locator("h1").innerText()).toBe("Autoriser l'accès");
    const query = await clickToRedirect(page, "#consentAllow");
    const answer = await exchange(query.get("code")!, "binckbeapi");
    expect(sandbox.sandbox.ctx.sessions.authenticate(answer.body.access_token as string, false))
      .toMatchObject({ ok: true, session: { personId: "p-peeters", realm: "binckbeapi", readOnly: false } });
  });
});
