import { ManualClock } from "../../../src/core/clock";
import { SessionStore, type SessionLifetimes } from "../../../server/sandbox/auth/session-store";
import { SandboxEvents } from "../../../server/sandbox/events";

const MINUTE = 60_000;
const lifetimes: SessionLifetimes = { accessTokenLifetimeMs: 60 * MINUTE, idleTimeoutMs: 30 * MINUTE, refreshChainMs: 24 * 60 * MINUTE };

function setup(overrides: Partial<SessionLifetimes> = {}) {
  const clock = new ManualClock();
  const events = new SandboxEvents();
  const ended: Array<{ sessionId: string; reason: string }> = [];
  events.on("sessionEnded", (payload) => ended.push(payload));
  const store = new SessionStore(clock, { ...lifetimes, ...overrides }, events);
  const login = (readOnly = false) =>
    store.createSession({ personId: "p-jansen", realm: "bincknlapi", clientId: "client-a", scopes: ["read", "write"], readOnly });
  return { clock, store, ended, login };
}

describe("SessionStore", () => {
  describe("createSession", () => {
    it("issues opaque UUID tokens, one second short of the hour, with the scope space separated", () => {
      const { login } = setup();
      const { tokens, session } = login(true);
      expect(tokens).toEqual({
        access_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
        refresh_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
        scope: "read write",
        token_type: "Bearer",
        expires_in: 3599,
      });
      expect(session.readOnly).toBe(true);
    });
  });

  describe("access token lifetime", () => {
    it("works until the lifetime ends, then answers 'expired' while the session lives on", () => {
      const { clock, store, login } = setup({ idleTimeoutMs: 120 * MINUTE });
      const { tokens } = login();
      clock.advance(60 * MINUTE - 1);
      expect(store.authenticate(tokens.access_token, false).ok).toBe(true);
      clock.advance(1);
      const result = store.authenticate(tokens.access_token, false);
      expect(result).toMatchObject({ ok: false, failure: "expired" });
      expect(store.activeSessions()).toHaveLength(1);
    });

    it("answers 'missing' and 'unknown' for no token and a made-up one", () => {
      const { store } = setup();
      expect(store.authenticate(undefined, true)).toEqual({ ok: false, failure: "missing" });
      expect(store.authenticate("00000000-0000-0000-0000-000000000000", true)).toEqual({ ok: false, failure: "unknown" });
    });
  });

  describe("idle timeout", () => {
    it("ends the session 30 minutes after the last request", () => {
      const { clock, store, ended, login } = setup();
      const { tokens, session } = login();
      clock.advance(30 * MINUTE);
      expect(store.authenticate(tokens.access_token, true)).toMatchObject({ ok: false, failure: "idle" });
      expect(ended).toEqual([{ sessionId: session.id, reason: "idle" }]);
    });

    it("keeps the session while requests touch it, but not when they only look", () => {
      const { clock, store, login } = setup();
      const { tokens } = login();
      clock.advance(20 * MINUTE);
      expect(store.authenticate(tokens.access_token, true).ok).toBe(true);
      clock.advance(20 * MINUTE);
      expect(store.authenticate(tokens.access_token, false).ok).toBe(true);
      clock.advance(10 * MINUTE);
      expect(store.authenticate(tokens.access_token, true)).toMatchObject({ ok: false, failure: "idle" });
    });

    it("refuses a refresh after the idle timeout", () => {
      const { clock, store, login } = setup();
      const { tokens } = login();
      clock.advance(31 * MINUTE);
      expect(store.refresh(tokens.refresh_token, "client-a", "bincknlapi")).toEqual({
        ok: false, error: "invalid_grant", description: "The session has ended (idle); sign in again.",
      });
    });
  });

  describe("refresh rotation", () => {
    it("issues new tokens; the old refresh token is dead and the old access token keeps its own expiry", () => {
      const { clock, store, login } = setup();
      const first = login().tokens;
      clock.advance(10 * MINUTE);
      const second = store.refresh(first.refresh_token, "client-a", "bincknlapi");
      if (!second.ok) throw new Error(second.description);
      expect(second.tokens.access_token).not.toBe(first.access_token);
      expect(second.tokens.refresh_token).not.toBe(first.refresh_token);
      expect(second.tokens.expires_in).toBe(3599);
      expect(store.authenticate(first.access_token, false).ok).toBe(true);
      expect(store.authenticate(second.tokens.access_token, false).ok).toBe(true);
    });

    it("ends the whole session when a used refresh token comes back", () => {
      const { store, ended, login } = setup();
      const { tokens, session } = login();
      const second = store.refresh(tokens.refresh_token, "client-a", "bincknlapi");
      expect(second.ok).toBe(true);
      expect(store.refresh(tokens.refresh_token, "client-a", "bincknlapi")).toEqual({
        ok: false, error: "invalid_grant", description: "The refresh token was already used; the session has ended.",
      });
      expect(ended).toEqual([{ sessionId: session.id, reason: "signedOut" }]);
      if (second.ok) expect(store.authenticate(second.tokens.access_token, false)).toMatchObject({ ok: false, failure: "ended" });
    });

    it("refuses another realm or client without spending the refresh token", () => {
      const { store, login } = setup();
      const { tokens } = login();
      expect(store.refresh(tokens.refresh_token, "client-a", "binckbeapi")).toEqual({
        ok: false, error: "invalid_grant", description: "The refresh token belongs to realm bincknlapi, not binckbeapi.",
      });
      expect(store.refresh(tokens.refresh_token, "client-b", "bincknlapi")).toEqual({
        ok: false, error: "invalid_grant", description: "The refresh token is unknown to this client.",
      });
      expect(store.refresh(tokens.refresh_token, "client-a", "bincknlapi").ok).toBe(true);
    });

    it("checks the client before the scope, the replay before the scope, and keeps the token after a refused scope", () => {
      const { store, ended, login } = setup();
      const { tokens, session } = login();
      const unknown = { ok: false, error: "invalid_grant", description: "The refresh token is unknown to this client." };
      expect(store.refresh(tokens.refresh_token, "client-b", "bincknlapi", ["zzz"])).toEqual(unknown);
      expect(store.refresh(tokens.refresh_token, "client-a", "bincknlapi", ["zzz"])).toEqual({
        ok: false, error: "invalid_scope", description: "scope zzz was not granted at login (granted: read write).",
      });
      expect(store.refresh(tokens.refresh_token, "client-a", "bincknlapi", ["read"]).ok).toBe(true);
      expect(store.refresh(tokens.refresh_token, "client-a", "bincknlapi", ["zzz"])).toEqual({
        ok: false, error: "invalid_grant", description: "The refresh token was already used; the session has ended.",
      });
      expect(ended).toEqual([{ sessionId: session.id, reason: "signedOut" }]);
    });
  });

  describe("refresh chain", () => {
    it("caps every token at the end of the chain and refuses refreshes after it", () => {
      const { clock, store, ended, login } = setup({ refreshChainMs: 90 * MINUTE, idleTimeoutMs: 120 * MINUTE });
      const { tokens, session } = login();
      clock.advance(60 * MINUTE);
      const second = store.refresh(tokens.refresh_token, "client-a", "bincknlapi");
      if (!second.ok) throw new Error(second.description);
      // 30 minutes of the chain are left: the token lives that long, not an hour.
      expect(second.tokens.expires_in).toBe(30 * 60 - 1);
      clock.advance(30 * MINUTE);
      expect(store.authenticate(second.tokens.access_token, false)).toMatchObject({ ok: false, failure: "ended" });
      expect(store.refresh(second.tokens.refresh_token, "client-a", "bincknlapi")).toEqual({
        ok: false, error: "invalid_grant", description: "The session has ended (chainEnded); sign in again.",
      });
      expect(ended).toEqual([{ sessionId: session.id, reason: "chainEnded" }]);
    });
  });

  describe("endSession", () => {
    it("emits sessionEnded once and kills the tokens", () => {
      const { store, ended, login } = setup();
      const { tokens, session } = login();
      store.endSession(session.id, "signedOut");
      store.endSession(session.id, "signedOut");
      expect(ended).toHaveLength(1);
      expect(store.authenticate(tokens.access_token, true)).toMatchObject({ ok: false, failure: "ended" });
      expect(store.activeSessions()).toEqual([]);
    });
  });
});
