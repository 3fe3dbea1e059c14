import { FakeMarket } from "../fakes/fake-market";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { closed, connectHub } from "./realtime-helpers";

const SMITH = "190300007";
const ING = "iNg01";

describe("the sandbox control surface (/_sandbox)", () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ market: new FakeMarket() });
  });
  afterAll(() => sandbox.close());

  const status = async () => (await sandbox.api("/_sandbox/status")).json();

  it("turns maintenance on and off for the API and the login pages", async () => {
    expect((await sandbox.control("maintenance", { on: true })).status).toBe(200);
    expect(await status()).toMatchObject({ maintenance: true });
    expect((await sandbox.api("/api/v1/version")).status).toBe(503);
    const login = await fetch(`${sandbox.urls.login}/am/oauth2/realms/bincknlapi/authorize?client_id=binck-excel-local`);
    expect(login.status).toBe(503);
    await sandbox.control("maintenance", { on: false });
    expect((await sandbox.api("/api/v1/version")).status).toBe(200);
  });

  it("closes realtime connections for maintenance and refuses new ones until it is over", async () => {
    const { access_token } = await sandbox.signIn("jansen");
    const hub = await connectHub(sandbox, access_token);
    const closing = closed(hub);
    await sandbox.control("maintenance", { on: true });
    expect((await closing)?.message).toContain("Binck is down for planned maintenance");
    const negotiate = await fetch(`${sandbox.urls.realtime}/stream/v1/negotiate?negotiateVersion=1`, { method: "POST", headers: { Authorization: `Bearer ${access_token}` } });
    expect(negotiate.status).toBe(503);
    expect(await negotiate.json()).toMatchObject({ ErrorCode: "ServiceUnavailable", ErrorId: 503 });
    await sandbox.control("maintenance", { on: false });
    const again = await connectHub(sandbox, access_token);
    expect(await again.invoke("SubscribeNews", "190126781")).toEqual({ isSucceeded: true });
    await again.stop();
  });

  it("executes the next order placement but loses its answer, once", async () => {
    const { access_token } = await sandbox.signIn("smith");
    const order = { type: "market", quantity: 3, duration: "day", cash: { side: "buy", instrumentId: ING }, referenceId: "lost-answer" };
    const preview = await (await sandbox.api(`/api/v1/accounts/${SMITH}/orders/preview`, { method: "POST", token: access_token, body: JSON.stringify(order) })).json();
    await sandbox.control("orders/drop-next-response");
    await expect(sandbox.api(`/api/v1/accounts/${SMITH}/orders`, {
      method: "POST", token: access_token, body: JSON.stringify({ ...order, validationCode: preview.previewOrder.validationCode }),
    })).rejects.toThrow();
    const orders = await (await sandbox.api(`/api/v1/accounts/${SMITH}/orders?status=all`, { token: access_token })).json();
    const lost = orders.ordersCollection.orders.filter((candidate: { referenceId?: string }) => candidate.referenceId === "lost-answer");
    expect(lost).toHaveLength(1);
    expect(lost[0].lastStatus).toBe("executed");
    expect(await status()).toMatchObject({ dropNextOrderResponse: false });
  });

  it("resets all state: orders gone, sessions ended", async () => {
    const { access_token } = await sandbox.signIn("smith");
    const before = await (await sandbox.api(`/api/v1/accounts/${SMITH}/orders?status=all`, { token: access_token })).json();
    expect(before.count).toBeGreaterThan(0);
    expect((await sandbox.control("reset")).status).toBe(200);
    expect((await sandbox.api("/api/v1/accounts", { token: access_token })).status).toBe(401);
    const fresh = (await sandbox.signIn("smith")).access_token;
    const after = await (await sandbox.api(`/api/v1/accounts/${SMITH}/orders?status=all`, { token: fresh })).json();
    expect(after.count).toBe(0);
  });

  it.each([
    ["maintenance", { on: "yes" }, "Body must be {\"on\": true|false}."],
    ["tick-rate", { ticksPerSecond: -1 }, "Body must be {\"ticksPerSecond\": n} with 0 <= n <= 1000."],
    ["sessions", { username: "nobody" }, "username must name a test person (see README)."],
    ["sessions", { username: "jansen", realm: "binckxxapi" }, "realm 'binckxxapi' is not a Binck realm."],
    ["sessions", { username: "jansen", scope: "read trade" }, "scope 'trade' is not a Binck scope."],
  ])("answers bad input to %s with 400 and a message", async (action, body, message) => {
    const response = await sandbox.control(action, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: message });
  });

  it("sets the tick rate", async () => {
    expect(await (await sandbox.control("tick-rate", { ticksPerSecond: 25 })).json()).toEqual({ ticksPerSecond: 25 });
    expect(await status()).toMatchObject({ ticksPerSecond: 25 });
  });

  describe("who may use it", () => {
    const EVIL = "https://evil.example";
    const fromPage = (path: string, headers: Record<string, string>, init: RequestInit = {}) =>
      fetch(`${sandbox.urls.api}/_sandbox/${path}`, { ...init, headers });
    const refusal = (origin: string) =>
      `The control surface answers only tools and the project's own pages, never another web page: Origin '${origin}' is not ` +
      `the add-in's (https://localhost:3000) or the sandbox's own. Call it without an Origin header (curl, a script, a test).`;

    it("refuses a web page's simple POST (text/plain, another origin) with 403, hands out no token and no CORS headers", async () => {
      const before = sandbox.sandbox.ctx.sessions.activeSessions().length;
      const response = await fromPage("sessions", { Origin: EVIL, "Content-Type": "text/plain" }, { method: "POST", body: JSON.stringify({ username: "jansen" }) });
      expect(response.status).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(await response.json()).toEqual({ error: refusal(EVIL) });
      expect(sandbox.sandbox.ctx.sessions.activeSessions()).toHaveLength(before);
    });

    it("refuses another origin's preflight and an opaque origin, though the API itself allows every origin (SANDBOX_CORS_ORIGINS=*)", async () => {
      const preflight = await fromPage("reset", { Origin: EVIL, "Access-Control-Request-Method": "POST" }, { method: "OPTIONS" });
      expect([preflight.status, preflight.headers.get("access-control-allow-origin")]).toEqual([403, null]);
      const opaque = await fromPage("status", { Origin: "null" });
      expect([opaque.status, await opaque.json()]).toEqual([403, { error: refusal("null") }]);
      const api = await fetch(`${sandbox.urls.api}/api/v1/version`, { headers: { Origin: EVIL } });
      expect(api.headers.get("access-control-allow-origin")).toBe(EVIL);
    });

    it("refuses a cross-site request that carries no Origin (an image, a link)", async () => {
      const response = await fromPage("status", { "Sec-Fetch-Site": "cross-site" });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: "The control surface answers only tools and the project's own pages, never another web page: this is a cross-site request (Sec-Fetch-Site: cross-site).",
      });
    });

    it("answers the add-in's origin and the sandbox's own origins, with CORS for them", async () => {
      for (const origin of ["https://localhost:3000", sandbox.urls.api, sandbox.urls.login, sandbox.urls.realtime]) {
        const response = await fromPage("status", { Origin: origin });
        expect([origin, response.status, response.headers.get("access-control-allow-origin")]).toEqual([origin, 200, origin]);
      }
      const preflight = await fromPage("sessions", { Origin: "https://localhost:3000", "Access-Control-Request-Method": "POST" }, { method: "OPTIONS" });
      expect([preflight.status, preflight.headers.get("access-control-allow-origin"), preflight.headers.get("access-control-allow-methods")])
        .toEqual([204, "https://localhost:3000", "GET, POST"]);
      expect((await fromPage("status", { "Sec-Fetch-Site": "none" })).status).toBe(200);
    });
  });
});
