import type { SignInMessage } from "../../src/core/wire/broker";
import { ManualClock } from "../../src/core/clock";
import { FRESH_TOKEN_REUSE_MS } from "../../server/broker/session-refresher";
import { signInResultOf, startBrokerWorld, type BrokerWorld } from "../support/broker";
import { fillLoginPages } from "../support/oauth-login";

/** Everything the broker answered in this file, scanned at the end for the client secret and refresh tokens. */
const seen: string[] = [];

async function brokerFetch(world: BrokerWorld, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${world.broker.url}${path}`, { redirect: "manual", ...init });
  const text = await response.clone().text();
  seen.push(text, JSON.stringify([...response.headers]));
  return response;
}

const postJson = (world: BrokerWorld, path: string, body: unknown, headers: Record<string, string> = {}) =>
  brokerFetch(world, path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

/** Drives the sandbox's pages from the broker's redirect to the callback URL the browser would be sent to. */
async function loginThroughPages(world: BrokerWorld, options: { realm?: string; username?: string; sms?: string; consent?: "allow" | "deny" } = {}) {
  const realm = options.realm ?? "bincknlapi";
  const start = await brokerFetch(world, `/auth/login?realm=${realm}&locale=nl`);
  expect(start.status).toBe(302);
  const authorize = start.headers.get("location")!;
  const cookie = start.headers.get("set-cookie")!.split(";")[0];
  const page = await fillLoginPages(world.sandbox.urls.login, realm, authorize,
    { username: options.username ?? "jansen", sms: options.sms ?? "123456", consent: options.consent ?? "allow" });
  return { authorize, callback: page.location!, cookie };
}

async function callback(world: BrokerWorld, login: { callback: string; cookie?: string }): Promise<{ status: number; message: SignInMessage }> {
  const url = new URL(login.callback);
  const response = await brokerFetch(world, url.pathname + url.search, { headers: login.cookie ? { Cookie: login.cookie } : {} });
  return { status: response.status, message: signInResultOf(await response.text()) as SignInMessage };
}

describe("the token broker", () => {
  let world: BrokerWorld;
  const clock = { nowMs: Date.now(), advance(ms: number) { this.nowMs += ms; } };
  beforeAll(async () => {
    world = await startBrokerWorld({ broker: { now: () => clock.nowMs } });
  });
  afterAll(() => world.close());

  it("publishes its environment without secrets", async () => {
    const response = await brokerFetch(world, "/auth/config");
    expect(await response.json()).toEqual({
      environment: "local",
      environmentDescription: "Local sandbox (practice data)",
      apiBase: `${world.sandbox.urls.api}/api/v1`,
      realtimeUrl: `${world.sandbox.urls.realtime}/stream/v1`,
      defaultRealm: "bincknlapi",
      realms: ["bincknlapi", "binckbeapi", "binckitapi", "binckfrapi"],
      orderRelay: `${world.config.publicOrigin}/auth/orders`,
    });
  });

  it("starts the authorization request with a bound state, the realm, the locale and its own callback", async () => {
    const response = await brokerFetch(world, "/auth/login?realm=binckitapi&locale=it");
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(`${world.sandbox.urls.login}/am/oauth2/realms/binckitapi/authorize`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      ui_locales: "it", client_id: "broker-test-client", scope: "read write news quotes", state: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      response_type: "code", redirect_uri: `${world.broker.url}/auth/callback`,
    });
  });

  it("signs in: exchanges the code, keeps the refresh token, hands over access token, expiry, scope, read-only flag and handle", async () => {
    const { status, message } = await callback(world, await loginThroughPages(world));
    expect(status).toBe(200);
    expect(message).toEqual({
      kind: "signedIn", accessToken: expect.any(String), expiresAtMs: expect.any(Number), scope: "read write news quotes",
      readOnly: false, realm: "bincknlapi", sessionHandle: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(Object.keys(message)).not.toContain("refreshToken");
    if (message.kind !== "signedIn") throw new Error("unreachable");
    const accounts = await fetch(`${world.sandbox.urls.api}/api/v1/accounts`, { headers: { Authorization: `Bearer ${message.accessToken}` } });
    expect(accounts.status).toBe(200);
  });

  it("refuses a replayed callback and a tampered state without exchanging the code", async () => {
    const login = await loginThroughPages(world);
    expect((await callback(world, login)).status).toBe(200);
    const callsBefore = world.upstreamCalls.length;
    const replay = await callback(world, login);
    expect(replay.status).toBe(400);
    expect(replay.message).toMatchObject({ kind: "error", errorCode: "stateMismatch", endUserMessage: "This sign-in could not be verified. Please start the sign-in again." });
    const tampered = new URL(login.callback);
    tampered.searchParams.set("state", "x".repeat(32));
    expect((await callback(world, { ...login, callback: tampered.href })).message).toMatchObject({ errorCode: "stateMismatch" });
    expect(world.upstreamCalls.length).toBe(callsBefore);
  });

  it("refuses a callback that reaches another browser than the one that started (login CSRF)", async () => {
    const login = await loginThroughPages(world);
    const callsBefore = world.upstreamCalls.length;
    const elsewhere = await callback(world, { callback: login.callback });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.message).toMatchObject({ kind: "error", errorCode: "stateMismatch" });
    expect(world.upstreamCalls.length).toBe(callsBefore);
  });

  it("reports a refusal on the consent page", async () => {
    const { status, message } = await callback(world, await loginThroughPages(world, { username: "smith", sms: "999000", consent: "deny" }));
    expect(status).toBe(403);
    expect(message).toMatchObject({ kind: "error", errorCode: "accessDenied", endUserMessage: "You did not allow the add-in to access your Binck account." });
  });

  it("marks a session read-only when the SMS step was skipped", async () => {
    expect((await callback(world, await loginThroughPages(world, { sms: "skip" }))).message).toMatchObject({ kind: "signedIn", readOnly: true });
  });

  it("refreshes by handle, rotating the stored refresh token, with one upstream call for concurrent refreshes", async () => {
    const { message } = await callback(world, await loginThroughPages(world));
    if (message.kind !== "signedIn") throw new Error("sign-in failed");
    clock.advance(FRESH_TOKEN_REUSE_MS);
    const tokenCalls = () => world.upstreamCalls.filter((call) => call.endsWith("/access_token")).length;
    const before = tokenCalls();
    const answers = await Promise.all(Array.from({ length: 5 }, () => postJson(world, "/auth/refresh", { sessionHandle: message.sessionHandle })));
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(tokenCalls() - before).toBe(1);
    expect(new Set(bodies.map((body) => body.accessToken)).size).toBe(1);
    expect(bodies[0]).toEqual({ accessToken: expect.any(String), expiresAtMs: expect.any(Number), scope: "read write news quotes", readOnly: false });
    expect(bodies[0].accessToken).not.toBe(message.accessToken);
  });

  it("signs out upstream and forgets the session", async () => {
    const { message } = await callback(world, await loginThroughPages(world));
    if (message.kind !== "signedIn") throw new Error("sign-in failed");
    expect(await (await postJson(world, "/auth/logout", { sessionHandle: message.sessionHandle })).json()).toEqual({ signedOut: true, upstream: "ended" });
    expect((await fetch(`${world.sandbox.urls.api}/api/v1/accounts`, { headers: { Authorization: `Bearer ${message.accessToken}` } })).status).toBe(401);
    const refresh = await postJson(world, "/auth/refresh", { sessionHandle: message.sessionHandle });
    expect(refresh.status).toBe(401);
    expect(await refresh.json()).toMatchObject({ errorCode: "signInRequired", endUserMessage: "Signed out — sign in again." });
  });

  it.each([
    ["POST", "/auth/refresh", {}, 400, "Body must be {\"sessionHandle\": \"…\"} with the handle given at sign-in."],
    ["POST", "/auth/refresh", { sessionHandle: 42 }, 400, "Body must be {\"sessionHandle\": \"…\"} with the handle given at sign-in."],
    ["POST", "/auth/refresh", "{not json", 400, "The request body is not a valid JSON object: send a JSON object such as {\"sessionHandle\": \"…\"} with Content-Type: application/json."],
    ["POST", "/auth/refresh", { sessionHandle: "a".repeat(3000) }, 413, "The request body (3020 bytes) is larger than the 2048 bytes the broker accepts."],
    ["POST", "/auth/refresh", { sessionHandle: "a".repeat(43), force: "yes" }, 400, "force \"yes\" must be true or false."],
    ["POST", "/auth/refresh", { sessionHandle: "a".repeat(43) }, 401, "The session handle is unknown or has been forgotten."],
    ["POST", "/auth/logout", { sessionHandle: "../../etc" }, 400, "Body must be {\"sessionHandle\": \"…\"} with the handle given at sign-in."],
    ["GET", "/auth/nothing", undefined, 404, "No such broker route: GET /auth/nothing."],
  ])("answers %s %s (case %#) with a status and a clear message", async (method, path, body, status, developerMessage) => {
    const response = method === "GET" ? await brokerFetch(world, path) : await postJson(world, path, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ developerMessage });
  });

  it.each([
    ["application/json; charset=latin1", {}, "The Content-Type charset 'latin1' is not accepted: send the JSON in utf-8 (the default when none is named), utf-16le, utf-16be or another UTF charset spelt with its hyphen."],
    ["application/json; charset=utf8", {}, "The Content-Type charset 'utf8' is not accepted: send the JSON in utf-8 (the default when none is named), utf-16le, utf-16be or another UTF charset spelt with its hyphen."],
    ["application/json", { "Content-Encoding": "compress" }, "The Content-Encoding 'compress' is not accepted: send the body as identity (uncompressed), gzip, deflate or br."],
    ["text/plain", {}, "Content-Type 'text/plain' is not accepted on POST /auth/refresh: send {\"sessionHandle\": \"…\"} as application/json."],
  ])("answers a refresh sent as %s (%j) with 415 and what is accepted", async (contentType, headers, developerMessage) => {
    const response = await postJson(world, "/auth/refresh", { sessionHandle: "a".repeat(43) }, { "Content-Type": contentType, ...headers });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ errorCode: "invalidRequest", endUserMessage: "The request could not be processed.", developerMessage });
  });

  it("reads a refresh body sent as utf-16le, as it says it accepts", async () => {
    const response = await brokerFetch(world, "/auth/refresh", {
      method: "POST", headers: { "Content-Type": "application/json; charset=utf-16le" }, body: Buffer.from(JSON.stringify({ sessionHandle: "a".repeat(43) }), "utf16le"),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errorCode: "signInRequired", developerMessage: "The session handle is unknown or has been forgotten." });
  });

  it.each([
    ["/auth/login?realm=binckxxapi", "realm 'binckxxapi' is not one of bincknlapi, binckbeapi, binckitapi, binckfrapi."],
    ["/auth/login?locale=%3Cscript%3E", "locale '<script>' is not a language code such as nl, fr, it, en or nlBE."],
  ])("answers a bad sign-in start (%s) with a dialog page that tells the add-in", async (path, developerMessage) => {
    const { status, message } = await callback(world, { callback: `${world.broker.url}${path}` });
    expect(status).toBe(400);
    expect(message).toMatchObject({ kind: "error", errorCode: "invalidRequest", developerMessage });
  });

  it("refuses refresh and sign-out from another site's page", async () => {
    const { message } = await callback(world, await loginThroughPages(world));
    if (message.kind !== "signedIn") throw new Error("sign-in failed");
    const foreign: Array<Record<string, string>> = [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }];
    for (const headers of foreign) {
      const response = await postJson(world, "/auth/refresh", { sessionHandle: message.sessionHandle }, headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ errorCode: "forbiddenOrigin" });
    }
    expect((await postJson(world, "/auth/refresh", { sessionHandle: message.sessionHandle }, { Origin: world.broker.url })).status).toBe(200);
  });

  it("refreshes at once when forced (the API refused the token), even inside the reuse window", async () => {
    const { message } = await callback(world, await loginThroughPages(world));
    if (message.kind !== "signedIn") throw new Error("sign-in failed");
    const reused = await (await postJson(world, "/auth/refresh", { sessionHandle: message.sessionHandle })).json();
    expect(reused.accessToken).toBe(message.accessToken);
    const forced = await (await postJson(world, "/auth/refresh", { sessionHandle: message.sessionHandle, force: true })).json();
    expect(forced.accessToken).not.toBe(message.accessToken);
  });

  it("keeps the session through a maintenance window: 503 while it lasts, a new token after", async () => {
    const { message } = await callback(world, await loginThroughPages(world));
    if (message.kind !== "signedIn") throw new Error("sign-in failed");
    await world.sandbox.control("maintenance", { on: true });
    const during = await postJson(world, "/auth/refresh", { sessionHandle: message.sessionHandle, force: true });
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({ errorCode: "upstreamUnavailable", endUserMessage: "Binck is down for maintenance. The add-in keeps trying." });
    await world.sandbox.control("maintenance", { on: false });
    const after = await postJson(world, "/auth/refresh", { sessionHandle: message.sessionHandle, force: true });
    expect(after.status).toBe(200);
  });

  it("stores nothing for a session signed out while its refresh was in flight", async () => {
    const { message } = await callback(world, await loginThroughPages(world));
    if (message.kind !== "signedIn") throw new Error("sign-in failed");
    const refreshing = postJson(world, "/auth/refresh", { sessionHandle: message.sessionHandle, force: true });
    const signingOut = postJson(world, "/auth/logout", { sessionHandle: message.sessionHandle });
    await refreshing;
    expect(await (await signingOut).json()).toEqual({ signedOut: true, upstream: "ended" });
    expect(await world.broker.sessions.get(message.sessionHandle)).toBeUndefined();
  });

  it("allows CORS only for the add-in origin and sends security headers", async () => {
    const own = await brokerFetch(world, "/auth/config", { headers: { Origin: world.broker.url } });
    expect(own.headers.get("access-control-allow-origin")).toBe(world.broker.url);
    const other = await brokerFetch(world, "/auth/config", { headers: { Origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
    expect(own.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(own.headers.get("x-content-type-options")).toBe("nosniff");
    expect(own.headers.get("cache-control")).toBe("no-store");
  });

  it("never sent the client secret or a refresh token in any answer or log line", () => {
    expect(world.logLines.length).toBeGreaterThan(3);
    const everything = [...seen, ...world.logLines].join("\n");
    expect(everything).not.toContain(world.config.clientSecret);
    expect(world.refreshTokens.length).toBeGreaterThan(0);
    for (const token of world.refreshTokens) expect(everything).not.toContain(token);
  });
});

describe("the token broker's rate limit", () => {
  let world: BrokerWorld;
  beforeAll(async () => {
    world = await startBrokerWorld({ config: { requestsPerMinute: 3 } });
  });
  afterAll(() => world.close());

  it("answers 429 past the per-client limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await brokerFetch(world, "/auth/config")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // In the dialog, the same refusal is a page that tells the add-in.
    const dialog = await brokerFetch(world, "/auth/login");
    expect(dialog.status).toBe(429);
    expect(signInResultOf(await dialog.text())).toMatchObject({ kind: "error", errorCode: "tooManyRequests" });
  });
});

describe("the token broker when the upstream session ends", () => {
  const sandboxClock = new ManualClock(Date.now());
  let world: BrokerWorld;
  beforeAll(async () => {
    world = await startBrokerWorld({ sandbox: { clock: sandboxClock }, broker: { now: () => sandboxClock.now() } });
  });
  afterAll(() => world.close());

  async function signIn(): Promise<string> {
    const { message } = await callback(world, await loginThroughPages(world));
    if (message.kind !== "signedIn") throw new Error("sign-in failed");
    return message.sessionHandle;
  }

  it.each([
    ["the 24-hour refresh chain", 24 * 3_600_000],
    ["30 minutes without requests", 30 * 60_000],
  ])("answers 'sign in again' once %s ended", async (_what, elapsedMs) => {
    const handle = await signIn();
    sandboxClock.advance(elapsedMs);
    const response = await postJson(world, "/auth/refresh", { sessionHandle: handle });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errorCode: "signInRequired", endUserMessage: "Signed out — sign in again." });
    // The broker forgot the session: asking again does not reach Binck.
    const calls = world.upstreamCalls.length;
    expect((await postJson(world, "/auth/refresh", { sessionHandle: handle })).status).toBe(401);
    expect(world.upstreamCalls.length).toBe(calls);
  });
});

describe("the token broker's sign-out with an expired access token", () => {
  const clock = new ManualClock(Date.now());
  let world: BrokerWorld;
  beforeAll(async () => {
    world = await startBrokerWorld({ sandbox: { clock }, broker: { now: () => clock.now() } });
  });
  afterAll(() => world.close());

  it("refreshes first, so that Binck really ends the session", async () => {
    const { message } = await callback(world, await loginThroughPages(world));
    if (message.kind !== "signedIn") throw new Error("sign-in failed");
    // Requests keep the session from idling out while the access token nears its end.
    for (const step of [1_200_000, 1_200_000, 1_199_000]) {
      clock.advance(step);
      const accounts = await fetch(`${world.sandbox.urls.api}/api/v1/accounts`, { headers: { Authorization: `Bearer ${message.accessToken}` } });
      expect(accounts.status).toBe(200);
    }
    expect(await (await postJson(world, "/auth/logout", { sessionHandle: message.sessionHandle })).json()).toEqual({ signedOut: true, upstream: "ended" });
    expect(world.sandbox.sandbox.ctx.sessions.activeSessions()).toHaveLength(0);
  });
});
