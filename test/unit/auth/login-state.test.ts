import { ManualClock } from "../../../src/core/clock";
import type { AuthorizeRequest } from "../../../server/sandbox/auth/authorize-request";
import { ConsentStore } from "../../../server/sandbox/auth/consent-store";
import { LoginFlowStore } from "../../../server/sandbox/auth/login-flows";
import { PasswordLockout } from "../../../server/sandbox/auth/password-lockout";

const request: AuthorizeRequest = {
  realm: "bincknlapi", clientId: "app", clientName: "app", redirectUri: "https://app.example/cb", scopes: ["read"], language: "en", restartUrl: "/am/oauth2/realms/bincknlapi/authorize?x=1",
};

describe("LoginFlowStore", () => {
  it("gives each page a new id that works once", () => {
    const flows = new LoginFlowStore(new ManualClock(), 600_000, 100);
    const first = flows.open(request);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const flow = flows.take(first);
    expect(flow).toMatchObject({ request, step: "login", readOnly: false, smsFailures: 0 });
    expect(flows.take(first)).toBeUndefined();
    const second = flows.put(flow!);
    expect(second).not.toBe(first);
    expect(flows.take(second)).toBe(flow);
    expect(flows.take(undefined)).toBeUndefined();
  });

  it("lets a sign-in expire a lifetime after it started, however many pages it saw", () => {
    const clock = new ManualClock();
    const flows = new LoginFlowStore(clock, 600_000, 100);
    let id = flows.open(request);
    clock.advance(599_000);
    id = flows.put(flows.take(id)!);
    clock.advance(1_000);
    expect(flows.take(id)).toBeUndefined();
  });

  it("drops the oldest sign-ins past the cap", () => {
    const flows = new LoginFlowStore(new ManualClock(), 600_000, 3);
    const ids = [1, 2, 3, 4].map(() => flows.open(request));
    expect(flows.size).toBe(3);
    expect(flows.take(ids[0])).toBeUndefined();
    expect(flows.take(ids[3])).toBeDefined();
  });
});

describe("PasswordLockout", () => {
  it("counts down, locks at the limit, and unlocks when the lockout ends", () => {
    const clock = new ManualClock();
    const lockout = new PasswordLockout(clock, 3, 900_000);
    expect(lockout.recordFailure("bincknlapi", "p")).toEqual({ locked: false, attemptsLeft: 2 });
    expect(lockout.recordFailure("bincknlapi", "p")).toEqual({ locked: false, attemptsLeft: 1 });
    expect(lockout.recordFailure("bincknlapi", "p")).toEqual({ locked: true, lockedUntilMs: clock.now() + 900_000 });
    expect(lockout.lockedUntilMs("bincknlapi", "p")).toBe(clock.now() + 900_000);
    expect(lockout.lockedUntilMs("bincknlapi", "q")).toBeUndefined();
    clock.advance(900_000);
    expect(lockout.lockedUntilMs("bincknlapi", "p")).toBeUndefined();
    expect(lockout.recordFailure("bincknlapi", "p")).toEqual({ locked: false, attemptsLeft: 2 });
  });

  it("starts counting again after a right password", () => {
    const lockout = new PasswordLockout(new ManualClock(), 3, 900_000);
    lockout.recordFailure("bincknlapi", "p");
    lockout.recordFailure("bincknlapi", "p");
    lockout.recordSuccess("bincknlapi", "p");
    expect(lockout.recordFailure("bincknlapi", "p")).toEqual({ locked: false, attemptsLeft: 2 });
  });

  it("locks per realm, as ForgeRock's realms each keep their own users, and lists the locks still running", () => {
    const clock = new ManualClock();
    const lockout = new PasswordLockout(clock, 2, 900_000);
    lockout.recordFailure("binckbeapi", "p");
    lockout.recordFailure("binckbeapi", "p");
    clock.advance(60_000);
    lockout.recordFailure("bincknlapi", "q");
    lockout.recordFailure("bincknlapi", "q");
    lockout.recordFailure("bincknlapi", "p");
    expect(lockout.lockedUntilMs("bincknlapi", "p")).toBeUndefined();
    const start = clock.now() - 60_000;
    expect(lockout.lockedOut()).toEqual([
      { realm: "binckbeapi", personId: "p", lockedUntilMs: start + 900_000 },
      { realm: "bincknlapi", personId: "q", lockedUntilMs: start + 960_000 },
    ]);
    clock.advance(840_000);
    expect(lockout.lockedOut()).toEqual([{ realm: "bincknlapi", personId: "q", lockedUntilMs: start + 960_000 }]);
  });
});

describe("ConsentStore", () => {
  it("covers what was granted to this client by this person, and nothing more", () => {
    const consents = new ConsentStore();
    expect(consents.covers("p", "app", ["read"])).toBe(false);
    consents.grant("p", "app", ["read", "quotes"]);
    expect(consents.covers("p", "app", ["quotes", "read"])).toBe(true);
    expect(consents.covers("p", "app", ["read", "write"])).toBe(false);
    expect(consents.covers("p", "other", ["read"])).toBe(false);
    expect(consents.covers("q", "app", ["read"])).toBe(false);
    consents.grant("p", "app", ["write"]);
    expect(consents.covers("p", "app", ["read", "write", "quotes"])).toBe(true);
  });
});
