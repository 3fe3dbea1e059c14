import { ManualClock } from "../../../src/core/clock";
import { BrokerClient, type FetchLike } from "../../../src/core/session/broker-client";
import type { SignInMessage } from "../../../src/core/wire/broker";
import { SESSION_HANDLE_KEY, SessionManager, type AvailabilitySignal, type SessionState } from "../../../src/core/session/session-manager";
import { MemoryStorage } from "../../../src/core/session/storage";

const HANDLE = "h".repeat(43);

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function setup(answers: Array<() => Response>, idleTimeoutMs = 24 * 3_600_000, availability?: AvailabilitySignal) {
  const clock = new ManualClock(0);
  const storage = new MemoryStorage();
  const calls: string[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    calls.push(`${init?.method ?? "GET"} ${new URL(url).pathname} ${init?.body ?? ""}`);
    const next = answers.shift();
    if (!next) throw new TypeError("fetch failed");
    return next();
  };
  const signedIn: SignInMessage = { kind: "signedIn", accessToken: "token-1", expiresAtMs: 3_600_000, scope: "read write", readOnly: false, realm: "bincknlapi", sessionHandle: HANDLE };
  const dialogUrls: string[] = [];
  let dialogAnswer: () => Promise<SignInMessage> = async () => signedIn;
  const manager = new SessionManager({
    broker: new BrokerClient("https://addin.test", fetchFn),
    dialog: { open: (url) => { dialogUrls.push(url); return dialogAnswer(); } },
    storage,
    clock,
    refreshLeadMs: 60_000,
    retryDelaysMs: [1_000, 5_000],
    idleTimeoutMs,
    availability,
  });
  const states: SessionState["status"][] = [];
  manager.onChange((state) => { states.push(state.status); });
  const refreshed: string[] = [];
  manager.onTokenRefreshed((token) => { refreshed.push(token); });
  return { clock, storage, calls, manager, states, refreshed, dialogUrls, setDialog: (answer: () => Promise<SignInMessage>) => { dialogAnswer = answer; } };
}

/** Lets the promise chains started by a timer settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("SessionManager", () => {
  it("signs in through the dialog, keeps only the handle in storage and the token in memory", async () => {
    const { manager, storage, states, dialogUrls } = setup([]);
    await manager.signIn("binckitapi", "it");
    expect(dialogUrls).toEqual(["https://addin.test/auth/login?realm=binckitapi&locale=it"]);
    expect(states).toEqual(["signingIn", "signedIn"]);
    expect(manager.getAccessToken()).toBe("token-1");
    expect(await storage.getItem(SESSION_HANDLE_KEY)).toBe(HANDLE);
    expect(JSON.stringify([...(storage as unknown as { items: Map<string, string> }).items.values()])).not.toContain("token-1");
  });

  it("refreshes a minute before expiry and announces the new token", async () => {
    const { manager, clock, calls, refreshed } = setup([() => json(200, { accessToken: "token-2", expiresAtMs: 7_200_000, scope: "read write", readOnly: false })]);
    await manager.signIn("bincknlapi", "nl");
    clock.advance(3_539_999);
    expect(calls).toEqual([]);
    clock.advance(1);
    await settle();
    expect(calls).toEqual([`POST /auth/refresh {"sessionHandle":"${HANDLE}"}`]);
    expect(refreshed).toEqual(["token-2"]);
    expect(manager.getAccessToken()).toBe("token-2");
  });

  it("refreshes a short-lived token half-way through its life, not at once", async () => {
    const { manager, clock, calls, setDialog } = setup([() => json(200, { accessToken: "token-2", expiresAtMs: 24_000, scope: "read", readOnly: false })]);
    setDialog(async () => ({ kind: "signedIn", accessToken: "token-1", expiresAtMs: 20_000, scope: "read", readOnly: false, realm: "bincknlapi", sessionHandle: HANDLE }));
    await manager.signIn("bincknlapi", "nl");
    clock.advance(9_999);
    expect(calls).toEqual([]);
    clock.advance(1);
    await settle();
    expect(calls).toHaveLength(1);
    expect(manager.getAccessToken()).toBe("token-2");
  });

  it("ends in a clear signed-out state when the broker says the chain has ended", async () => {
    const { manager, clock, storage } = setup([() => json(401, { errorCode: "signInRequired", endUserMessage: "Signed out — sign in again.", developerMessage: "invalid_grant" })]);
    await manager.signIn("bincknlapi", "nl");
    clock.advance(3_540_000);
    await settle();
    await settle();
    expect(manager.current()).toEqual({ status: "signedOut", endUserMessage: "Signed out — sign in again." });
    expect(() => manager.getAccessToken()).toThrow(expect.objectContaining({ code: "signInRequired" }));
    expect(await storage.getItem(SESSION_HANDLE_KEY)).toBeNull();
  });

  it("retries with the configured delays while the broker is unreachable and the token still works", async () => {
    const { manager, clock, calls } = setup([
      () => { throw new TypeError("fetch failed"); },
      () => json(200, { accessToken: "token-2", expiresAtMs: 7_200_000, scope: "read", readOnly: false }),
    ]);
    await manager.signIn("bincknlapi", "nl");
    clock.advance(3_540_000);
    await settle();
    expect(calls).toHaveLength(1);
    clock.advance(999);
    expect(calls).toHaveLength(1);
    clock.advance(1);
    await settle();
    expect(calls).toHaveLength(2);
    expect(manager.getAccessToken()).toBe("token-2");
  });

  it("never says a token is valid until a moment that has passed: at expiry without a new one, the session is renewing", async () => {
    const maintenance = () => json(503, { errorCode: "upstreamUnavailable", endUserMessage: "Binck is down for maintenance. The add-in keeps trying.", developerMessage: "temporarily_unavailable" });
    const { manager, clock } = setup([maintenance, maintenance, maintenance, maintenance]);
    await manager.signIn("bincknlapi", "nl");
    clock.advance(3_540_000);
    await settle();
    expect(manager.current()).toMatchObject({ status: "signedIn", expiresAtMs: 3_600_000 });
    clock.advance(60_000);
    await settle();
    expect(manager.current()).toEqual({ status: "resuming", endUserMessage: "Your Binck token expired and is being renewed. Binck is down for maintenance. The add-in keeps trying." });
    expect(() => manager.getAccessToken()).toThrow(expect.objectContaining({ code: "signInRequired" }));
  });

  it("asks whether Binck is down when a refresh fails, and renews at once when it is back instead of waiting out the backoff", async () => {
    let checks = 0;
    const backListeners: Array<() => void> = [];
    const availability: AvailabilitySignal = { check: () => { checks++; }, onBack: (listener) => { backListeners.push(listener); return () => undefined; } };
    const maintenance = () => json(503, { errorCode: "upstreamUnavailable", endUserMessage: "Binck is down for maintenance.", developerMessage: "temporarily_unavailable" });
    const { manager, clock, calls } = setup([maintenance, () => json(200, { accessToken: "token-2", expiresAtMs: 7_200_000, scope: "read", readOnly: false })], undefined, availability);
    await manager.signIn("bincknlapi", "nl");
    clock.advance(3_540_000);
    await settle();
    expect(calls).toHaveLength(1);
    expect(checks).toBe(1);
    for (const listener of backListeners) listener();
    await settle();
    expect(calls).toHaveLength(2);
    expect(manager.getAccessToken()).toBe("token-2");
    // The retry that was scheduled is gone: no extra refresh when its time comes.
    clock.advance(1_000);
    await settle();
    expect(calls).toHaveLength(2);
  });

  it("reports a refused consent with the dialog's end-user message", async () => {
    const { manager, setDialog } = setup([]);
    setDialog(async () => ({ kind: "error", errorCode: "accessDenied", endUserMessage: "You did not allow access.", developerMessage: "access_denied" }));
    await expect(manager.signIn("bincknlapi", "en")).rejects.toMatchObject({ code: "accessDenied", endUserMessage: "You did not allow access." });
    expect(manager.current()).toEqual({ status: "signedOut", endUserMessage: "You did not allow access." });
  });

  it("resumes a stored session without a dialog", async () => {
    const first = setup([() => json(200, { accessToken: "token-9", expiresAtMs: 3_600_000, scope: "read", readOnly: true })]);
    await first.storage.setItem(SESSION_HANDLE_KEY, HANDLE);
    await first.storage.setItem("binck.realm", "bincknlapi");
    expect(await first.manager.resume()).toBe(true);
    expect(first.manager.current()).toMatchObject({ status: "signedIn", readOnly: true });
    expect(first.dialogUrls).toEqual([]);
  });

  it("keeps resuming while Binck is in maintenance, with its message, and succeeds once it is back", async () => {
    const down = setup([
      () => json(503, { errorCode: "upstreamUnavailable", endUserMessage: "Binck is down for maintenance. The add-in keeps trying.", developerMessage: "503" }),
      () => json(200, { accessToken: "token-3", expiresAtMs: 3_600_000, scope: "read", readOnly: false }),
    ]);
    await down.storage.setItem(SESSION_HANDLE_KEY, HANDLE);
    await down.storage.setItem("binck.realm", "bincknlapi");
    expect(await down.manager.resume()).toBe(false);
    expect(down.manager.current()).toEqual({ status: "resuming", endUserMessage: "Binck is down for maintenance. The add-in keeps trying." });
    expect(await down.storage.getItem(SESSION_HANDLE_KEY)).toBe(HANDLE);
    down.clock.advance(1_000);
    await settle();
    expect(down.manager.current()).toMatchObject({ status: "signedIn" });
    expect(down.manager.getAccessToken()).toBe("token-3");
  });

  it("renews a refused token once for many callers, forcing the broker past its reuse window", async () => {
    const { manager, calls } = setup([() => json(200, { accessToken: "token-2", expiresAtMs: 3_600_000, scope: "read", readOnly: false })]);
    await manager.signIn("bincknlapi", "nl");
    const results = await Promise.all([manager.renewAfterRejection(), manager.renewAfterRejection(), manager.renewAfterRejection()]);
    expect(results).toEqual([true, true, true]);
    expect(calls).toEqual([`POST /auth/refresh {"sessionHandle":"${HANDLE}","force":true}`]);
    expect(manager.getAccessToken()).toBe("token-2");
  });

  it("checks after the idle time without requests, and shows the end when Binck ended the session", async () => {
    const { manager, clock, calls } = setup([() => json(401, { errorCode: "signInRequired", endUserMessage: "Signed out — sign in again.", developerMessage: "invalid_grant: idle" })], 30 * 60_000);
    await manager.signIn("bincknlapi", "nl");
    clock.advance(20 * 60_000);
    manager.noteActivity();
    clock.advance(30 * 60_000);
    expect(calls).toEqual([]);
    clock.advance(5_000);
    await settle();
    await settle();
    expect(calls).toEqual([`POST /auth/refresh {"sessionHandle":"${HANDLE}","force":true}`]);
    expect(manager.current()).toEqual({ status: "signedOut", endUserMessage: "Signed out — sign in again." });
  });

  it("signs out at the broker and forgets everything", async () => {
    const { manager, calls, storage } = setup([() => json(200, { signedOut: true })]);
    await manager.signIn("bincknlapi", "nl");
    await manager.signOut();
    expect(calls).toEqual([`POST /auth/logout {"sessionHandle":"${HANDLE}"}`]);
    expect(await storage.getItem(SESSION_HANDLE_KEY)).toBeNull();
    expect(manager.current()).toEqual({ status: "signedOut" });
  });
});
