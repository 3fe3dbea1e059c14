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
});
