import { ManualClock } from "../../src/core/clock";
import { authorizeUrl, getPage, postForm, redirectQuery, signInByForms, testClient, type LoginPage } from "../support/oauth-login";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const client = testClient();
const named = { ...testClient("https://localhost:9/named"), clientId: "named-client", displayName: "Portfolio Sheet" };
const MINUTE = 60_000;

/** The text of the page's alert message, if any. */
function alertText(page: LoginPage): string | undefined {
  return /role="alert">([^<]*)</.exec(page.html)?.[1];
}

describe("authorize pages (GET/POST /am/oauth2/realms/{realm}/authorize)", () => {
  let sandbox: TestSandbox;
  const clock = new ManualClock();
  beforeAll(async () => {
    sandbox = await startTestSandbox({ clock, extraClients: [client, named] });
  });
  afterAll(() => sandbox.close());
  const origin = () => sandbox.urls.login;
  const lockStatus = async () => (await sandbox.api("/_sandbox/status")).json();
  const open = (params: Parameters<typeof authorizeUrl>[2] = {}) => getPage(authorizeUrl(origin(), client, params));
  const post = (page: LoginPage, fields: Record<string, string>, realm = "bincknlapi") =>
    postForm(origin(), realm, { flow: page.flow!, language: "en", ...fields });

  describe("the request", () => {
    it("shows the login page with ForgeRock's field ids, in the realm's path and in the root-realm path", async () => {
      const page = await open({ state: "abc" });
      expect(page.status).toBe(200);
      expect(page.flow).toMatch(/^[A-Za-z0-9_-]{43}$/);
      for (const id of ['id="idToken2"', 'id="idToken3"', 'id="idToken4_0"', 'for="idToken2"', 'for="idToken3"']) expect(page.html).toContain(id);
      expect(page.html).toContain('<html lang="nl">');
      const root = await getPage(authorizeUrl(origin(), client).replace("/realms/bincknlapi/", "/realms/root/realms/bincknlapi/"));
      expect(root.status).toBe(200);
      expect(root.html).toContain('action="/am/oauth2/realms/root/realms/bincknlapi/authorize"');
    });

    it("names the application by its display name: binck-excel for the local client, the client id when it has none", async () => {
      const local = { clientId: "binck-excel-local", clientSecret: "unused-here", redirectUris: ["https://localhost:3000/auth/callback"], scopes: ["read" as const] };
      const localPage = await getPage(authorizeUrl(origin(), local, { scope: "read" }));
      expect(localPage.html).toContain("<p>De applicatie binck-excel vraagt u in te loggen bij Binck Nederland.</p>");
      expect(localPage.html).not.toContain("binck-excel-local</p>");
      const consent = await signInByForms(origin(), named, { username: "smith", sms: "999000", params: { ui_locales: "en" } });
      expect(consent.html).toContain("<p>The application Portfolio Sheet asks for access to your Binck accounts. It may then:</p>");
      const unnamed = await open({ ui_locales: "en" });
      expect(unnamed.html).toContain("<p>The application oauth-test-client asks you to sign in to Binck Netherlands.</p>");
    });

    it("sends no-store and refuses framing", async () => {
      const response = await fetch(authorizeUrl(origin(), client));
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    });

    it.each([
      [{ client_id: "nobody" }, 400, "client_id &#39;nobody&#39; is not a registered client."],
      [{ redirect_uri: "https://evil.example/steal" }, 400,
        "redirect_uri &#39;https://evil.example/steal&#39; is not registered for client &#39;oauth-test-client&#39;; it must match a registered URI exactly."],
      [{ realm: "binckdeapi" }, 404, "Realm &#39;binckdeapi&#39; does not exist; Binck realms are bincknlapi, binckbeapi, binckitapi, binckfrapi."],
    ])("shows an error page for %j and never redirects", async (params, status, detail) => {
      const page = await open(params);
      expect(page.status).toBe(status);
      expect(page.location).toBeUndefined();
      expect(page.html).toContain(`<p class="details" id="errorDetail">${detail}</p>`);
    });

    it("redirects an unsupported response_type in the fragment, as ForgeRock did", async () => {
      const page = await open({ response_type: "token", state: "st" });
      expect(page.status).toBe(302);
      expect(page.location).toBe("https://localhost:9/callback#error=unsupported_response_type&error_description=response_type%20'token'%20is%20not%20supported%3B%20use%20'code'.&state=st");
    });

    it("redirects an unknown scope and one the client may not ask for with invalid_scope", async () => {
      const unknown = redirectQuery((await open({ scope: "read trade", state: "st" })).location);
      expect(Object.fromEntries(unknown)).toEqual({
        error: "invalid_scope", error_description: "scope 'trade' is unknown; Binck scopes are read write news quotes internal.", state: "st",
      });
      const forbidden = redirectQuery((await open({ scope: "read internal" })).location);
      expect(Object.fromEntries(forbidden)).toEqual({
        error: "invalid_scope", error_description: "client 'oauth-test-client' may not ask for scope 'internal'; it may ask for read write news quotes.",
      });
    });

    it("shows a maintenance page in the asked language while maintenance is on", async () => {
      sandbox.sandbox.ctx.faults.maintenance = true;
      try {
        const page = await open({ ui_locales: "nlBE" });
        expect(page.status).toBe(503);
        expect(page.html).toContain("Binck is tijdelijk niet beschikbaar wegens gepland onderhoud.");
      } finally {
        sandbox.sandbox.ctx.faults.maintenance = false;
      }
    });
  });

  describe("the login step", () => {
    it("refuses a wrong password with attempts left, locks after five, and unlocks after fifteen minutes", async () => {
      let page = await open({ ui_locales: "en" });
      page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: "smith", IDToken3: "wrong" });
      expect(alertText(page)).toBe("The user name or the password is incorrect. 4 attempts left before your login is locked.");
      for (let attempt = 0; attempt < 3; attempt++) page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: "smith", IDToken3: "wrong" });
      expect(alertText(page)).toBe("The user name or the password is incorrect. 1 attempt left before your login is locked.");
      page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: "smith", IDToken3: "wrong" });
      expect(page.status).toBe(403);
      expect(alertText(page)).toBe("Too many wrong passwords: your login is locked for 15 minutes. Try again later.");
      const lockedUntil = new Date(clock.now() + 15 * MINUTE).toISOString();
      expect((await lockStatus()).lockedOut).toEqual({ bincknlapi: [{ username: "smith", lockedUntil }], binckbeapi: [], binckitapi: [], binckfrapi: [] });
      page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: "smith", IDToken3: "Binck-2021!" });
      expect(alertText(page)).toBe("Too many wrong passwords: your login is locked for 15 minutes. Try again later.");
      clock.advance(14.5 * MINUTE);
      page = await open({ ui_locales: "en" });
      page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: "smith", IDToken3: "Binck-2021!" });
      expect(alertText(page)).toBe("Too many wrong passwords: your login is locked for 1 minute. Try again later.");
      clock.advance(0.5 * MINUTE);
      expect((await lockStatus()).lockedOut.bincknlapi).toEqual([]);
      page = await open({ ui_locales: "en" });
      page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: "smith", IDToken3: "Binck-2021!" });
      expect(page.html).toContain('id="idToken1"');
    });

    it("locks a login in one realm only: peeters, locked in binckbeapi, still signs in to bincknlapi", async () => {
      let page = await open({ realm: "binckbeapi", ui_locales: "en" });
      for (let attempt = 0; attempt < 5; attempt++) page = await postForm(origin(), "binckbeapi", { flow: page.flow!, IDToken2: "peeters", IDToken3: "wrong" });
      expect(page.status).toBe(403);
      expect((await lockStatus()).lockedOut.binckbeapi).toEqual([{ username: "peeters", lockedUntil: new Date(clock.now() + 15 * MINUTE).toISOString() }]);
      page = await open({ ui_locales: "en" });
      page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: "peeters", IDToken3: "Binck-2021!" });
      expect(page.html).toContain('id="idToken1"');
      clock.advance(15 * MINUTE);
    });

    it("escapes what the customer typed", async () => {
      const page = await open({ ui_locales: "en" });
      const again = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: '"><script>alert(1)</script>', IDToken3: "x" });
      expect(again.html).not.toContain("<script>");
      expect(again.html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    });

    it("asks for both fields", async () => {
      const page = await open({ ui_locales: "en" });
      const again = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: "jansen" });
      expect(again.status).toBe(400);
      expect(alertText(again)).toBe("Enter your user name and your password.");
    });

    it.each([
      ["en", "rossi has no account at Binck Netherlands. Choose your own country under Country in the oauth-test-client task pane, then sign in again."],
      ["nl", "rossi heeft geen rekening bij Binck Nederland. Kies uw eigen land bij Country in het taakvenster van oauth-test-client en log opnieuw in."],
      ["fr", "rossi n&#39;a pas de compte chez Binck Pays-Bas. Choisissez votre pays sous Country dans le volet des tâches de oauth-test-client, puis reconnectez-vous."],
      ["it", "rossi non ha un conto presso Binck Paesi Bassi. Scegli il tuo paese in Country nel riquadro attività di oauth-test-client, poi accedi di nuovo."],
    ])("tells a person without an account in the realm to choose the country in the task pane (%s)", async (language, text) => {
      const page = await open({ ui_locales: language });
      const again = await postForm(origin(), "bincknlapi", { flow: page.flow!, language, IDToken2: "rossi", IDToken3: "Binck-2021!" });
      expect(again.status).toBe(403);
      expect(alertText(again)).toBe(text);
    });

    it.each([
      ["nl", "jansen", "bincknlapi", "De gebruikersnaam of het wachtwoord is onjuist. Nog 1 poging voordat uw login wordt geblokkeerd."],
      ["fr", "martin", "binckfrapi", "Le nom d&#39;utilisateur ou le mot de passe est incorrect. Encore 1 tentative avant le blocage de votre accès."],
      ["it", "rossi", "binckitapi", "Il nome utente o la password non sono corretti. Ancora 1 tentativo prima del blocco dell&#39;accesso."],
    ])("says the last attempt in the singular (%s)", async (language, username, realm, text) => {
      let page = await open({ realm, ui_locales: language });
      for (let attempt = 0; attempt < 4; attempt++) page = await postForm(origin(), realm, { flow: page.flow!, IDToken2: username, IDToken3: "wrong" });
      expect(alertText(page)).toBe(text);
      page = await postForm(origin(), realm, { flow: page.flow!, IDToken2: username, IDToken3: "Binck-2021!" });
      expect(page.html).toContain('id="idToken1"');
    });

    it("speaks Italian on an Italian page", async () => {
      const page = await open({ realm: "binckitapi", ui_locales: "it" });
      expect(page.html).toContain('<html lang="it">');
      expect(page.html).toContain("<h1>Accedi a Binck</h1>");
      expect(page.html).toContain("Nome utente");
    });
  });

  describe("page state", () => {
    it("works once: a replayed form gets the expired page", async () => {
      const page = await open({ ui_locales: "en" });
      await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: "jansen", IDToken3: "Binck-2021!" });
      const replay = await post(page, { IDToken2: "jansen", IDToken3: "Binck-2021!" });
      expect(replay.status).toBe(400);
      expect(alertText(replay)).toBe("This page has expired or was already used. Go back to the application and sign in again.");
    });

    it("expires ten minutes after the sign-in started", async () => {
      const page = await open({ ui_locales: "en" });
      clock.advance(10 * MINUTE);
      const late = await post(page, { IDToken2: "jansen", IDToken3: "Binck-2021!" });
      expect(late.status).toBe(400);
      expect(alertText(late)).toBe("This page has expired or was already used. Go back to the application and sign in again.");
    });

    it("answers an unknown page state in the realm's language when the form does not say", async () => {
      const unknown = await postForm(origin(), "binckitapi", { flow: "made-up" });
      expect(alertText(unknown)).toBe("Questa pagina è scaduta o è già stata usata. Torna all&#39;applicazione e accedi di nuovo.");
    });

    it("cannot move to another realm", async () => {
      const page = await open({ ui_locales: "en" });
      const moved = await postForm(origin(), "binckbeapi", { flow: page.flow!, IDToken2: "peeters", IDToken3: "Binck-2021!" });
      expect(moved.status).toBe(400);
      expect(moved.html).not.toContain('name="flow"');
    });

    it("refuses a form that is not form-encoded", async () => {
      const response = await fetch(`${origin()}/am/oauth2/realms/bincknlapi/authorize`, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: "{}",
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Content-Type must be application/x-www-form-urlencoded; got &#39;application/json&#39;.");
    });
  });

  describe("the SMS and consent steps", () => {
    it("ends the sign-in after three wrong SMS codes, offering to start again", async () => {
      let page = await open({ ui_locales: "en", state: "st" });
      page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken2: "peeters", IDToken3: "Binck-2021!" });
      page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken1: "000000", action: "confirm" });
      expect(alertText(page)).toBe("The SMS code is incorrect. 2 attempts left.");
      page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken1: "000000", action: "confirm" });
      expect(alertText(page)).toBe("The SMS code is incorrect. 1 attempt left.");
      page = await postForm(origin(), "bincknlapi", { flow: page.flow!, IDToken1: "000000", action: "confirm" });
      expect(page.status).toBe(403);
      expect(alertText(page)).toBe("Too many wrong SMS codes: this sign-in has ended.");
      expect(page.flow).toBeUndefined();
      expect(page.html).toMatch(/<a id="startAgain" href="\/am\/oauth2\/realms\/bincknlapi\/authorize\?client_id=oauth-test-client&amp;[^"]*state=st/);
    });

    it("redirects with code, scope and state after consent, and with access_denied after a refusal", async () => {
      const allowed = await signInByForms(origin(), client, { username: "peeters", sms: "654321", consent: "allow", params: { state: "a b&c" } });
      expect(allowed.location).toMatch(/^https:\/\/localhost:9\/callback\?code=[A-Za-z0-9_-]{32}&scope=read%20write%20news%20quotes&state=a%20b%26c$/);
      const refused = await signInByForms(origin(), client, { username: "jansen", sms: "123456", consent: "deny", params: { state: "xyz" } });
      expect(refused.location).toBe(
        "https://localhost:9/callback?error=access_denied&error_description=Resource%20Owner%20did%20not%20authorize%20the%20request&state=xyz");
    });

    it("lists the requested scopes in words on the consent page", async () => {
      const page = await signInByForms(origin(), client, { username: "smith", sms: "999000", params: { ui_locales: "en", scope: "read quotes" } });
      expect(page.html).toContain('<li data-scope="read">see your accounts, balances, positions, orders and transactions</li><li data-scope="quotes">show you prices</li>');
      expect(page.html).toContain('id="consentAllow"');
      expect(page.html).toContain('id="consentDeny"');
    });

    it("does not let a read-only sign-in grant consent, but offers the SMS step again", async () => {
      let page = await signInByForms(origin(), client, { username: "martin", sms: "skip", params: { realm: "binckfrapi", ui_locales: "en" } });
      expect(page.html).toContain("<h1>SMS code needed</h1>");
      expect(page.html).toContain("You have not given oauth-test-client access yet. To give access you must sign in with the SMS code");
      page = await postForm(origin(), "binckfrapi", { flow: page.flow!, action: "sms" });
      page = await postForm(origin(), "binckfrapi", { flow: page.flow!, IDToken1: "333444", action: "confirm" });
      expect(page.html).toContain("<h1>Give access</h1>");
    });
  });
});
