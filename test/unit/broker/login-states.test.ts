import { LoginStates } from "../../../server/broker/login-states";

describe("LoginStates", () => {
  let now = 0;
  const states = () => new LoginStates(() => now, 600_000, 3);

  it("takes a state once, only with the browser binding it was given, and only before it expires", () => {
    const logins = states();
    const first = logins.start("bincknlapi", "nl");
    expect(logins.take(first.state, "wrong")).toBeUndefined();
    const second = logins.start("bincknlapi", "nl");
    expect(logins.take(second.state, second.browserBinding)).toMatchObject({ realm: "bincknlapi", locale: "nl" });
    expect(logins.take(second.state, second.browserBinding)).toBeUndefined();
    const third = logins.start("binckitapi", "it");
    now += 600_001;
    expect(logins.take(third.state, third.browserBinding)).toBeUndefined();
  });

  it("lets the oldest pending sign-in give way when full, so a flood cannot block new ones", () => {
    const logins = states();
    const started = [1, 2, 3, 4].map(() => logins.start("bincknlapi", "nl"));
    expect(logins.take(started[0].state, started[0].browserBinding)).toBeUndefined();
    expect(logins.take(started[3].state, started[3].browserBinding)).toBeDefined();
  });
});
