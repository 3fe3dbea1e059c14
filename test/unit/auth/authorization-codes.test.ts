import { ManualClock } from "../../../src/core/clock";
import { AuthorizationCodeStore, type CodeGrant } from "../../../server/sandbox/auth/authorization-codes";

const grant: CodeGrant = {
  clientId: "app", redirectUri: "https://app.example/cb", realm: "bincknlapi", personId: "p-jansen", scopes: ["read"], readOnly: false,
};
const check = { clientId: "app", redirectUri: "https://app.example/cb", realm: "bincknlapi" as const };

function setup() {
  const clock = new ManualClock();
  return { clock, codes: new AuthorizationCodeStore(clock, 60_000, 3_600_000) };
}

describe("AuthorizationCodeStore", () => {
  it("issues unguessable codes that redeem once for their grant", () => {
    const { codes } = setup();
    const code = codes.issue(grant);
    expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(codes.issue(grant)).not.toBe(code);
    expect(codes.redeem(code, check)).toEqual({ ok: true, grant });
  });

  it("refuses a spent code and names the session issued from it", () => {
    const { codes } = setup();
    const code = codes.issue(grant);
    codes.redeem(code, check);
    codes.recordSession(code, "session-1");
    expect(codes.redeem(code, check)).toEqual({
      ok: false, description: "The authorization code was already used; the session issued from it has ended.", replayedSessionId: "session-1",
    });
  });

  it("refuses a code at the end of its lifetime", () => {
    const { clock, codes } = setup();
    const code = codes.issue(grant);
    clock.advance(60_000);
    expect(codes.redeem(code, check)).toEqual({ ok: false, description: "The authorization code has expired: a code must be exchanged within 60 s." });
  });

  it("answers another client's spent code as unknown, without naming (or ending) the session issued from it", () => {
    const { codes } = setup();
    const code = codes.issue(grant);
    expect(codes.redeem(code, check).ok).toBe(true);
    codes.recordSession(code, "session-1");
    expect(codes.redeem(code, { ...check, clientId: "other" })).toEqual({ ok: false, description: "The authorization code is unknown." });
    expect(codes.redeem(code, check)).toMatchObject({ ok: false, replayedSessionId: "session-1" });
  });

  it("refuses a mismatch without spending the code", () => {
    const { codes } = setup();
    const code = codes.issue(grant);
    expect(codes.redeem(code, { ...check, clientId: "other" })).toEqual({ ok: false, description: "The authorization code is unknown." });
    expect(codes.redeem(code, { ...check, redirectUri: "https://app.example/cb/" })).toEqual({
      ok: false, description: "redirect_uri 'https://app.example/cb/' is not the redirect_uri of the authorize request; it must be identical.",
    });
    expect(codes.redeem(code, { ...check, realm: "binckitapi" })).toEqual({
      ok: false, description: "The authorization code was issued in realm bincknlapi, not binckitapi.",
    });
    expect(codes.redeem(code, check).ok).toBe(true);
  });

  it("forgets codes once their memory runs out, so they become unknown", () => {
    const { clock, codes } = setup();
    const code = codes.issue(grant);
    clock.advance(60_000 + 3_600_000);
    codes.issue(grant);
    expect(codes.redeem(code, check)).toEqual({ ok: false, description: "The authorization code is unknown." });
  });
});
