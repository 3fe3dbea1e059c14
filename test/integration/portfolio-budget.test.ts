import { maxInAnyWindow } from "../support/windows";
import { ManualClock } from "../../src/core/clock";
import type { BinckError } from "../../src/core/errors";
import type { WatchUpdate } from "../../src/core/portfolio/data-watch";
import { Portfolio } from "../../src/core/portfolio/portfolio";
import { BinckRestClient, type FetchLike } from "../../src/core/rest/client";
import { RequestBudget } from "../../src/core/rest/request-budget";
import type { TokenSource } from "../../src/core/session/token-source";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const ACCOUNTS = ["190126781", "190126799"];
const STATUSES = ["all", "open", "executed", "canceled"] as const;
const WATCHES = 1_000;

describe("Portfolio under the request budget against the sandbox (50 a minute per session)", () => {
  const clock = new ManualClock();
  let sandbox: TestSandbox;

  beforeAll(async () => {
    // One clock for the sandbox's limit and the budget: their windows move together.
    sandbox = await startTestSandbox({ clock });
  });
  afterAll(() => sandbox.close());

  /** Watches and look-ups of two accounts at once, driven to the end: the shared clock moves a window on whenever the budget holds requests back. */
  async function burst(maxRequestsPerWindow: number) {
    const token = (await sandbox.signIn("jansen")).access_token;
    let renewals = 0;
    const tokens: TokenSource = {
      getAccessToken: () => token, renewAfterRejection: async () => (renewals++, false), noteActivity: () => undefined, onTokenRefreshed: () => () => undefined,
    };
    const starts: number[] = [];
    const counted: FetchLike = (url, init) => {
      starts.push(clock.now());
      return globalThis.fetch(url, init);
    };
    const budget = new RequestBudget(clock, { maxRequestsPerWindow });
    const rest = new BinckRestClient(`${sandbox.urls.api}/api/v1`, tokens, counted, undefined, budget);
    // The burst's own requests only: nothing fetched again when its lifetime ends while the burst lasts.
    const portfolio = new Portfolio({ rest, budget, clock, refetchedOnExpiry: [] });
    const instrumentIds = sandbox.sandbox.ctx.market.catalogue.list("allInstruments").filter((instrument) => instrument.quotable).slice(0, 100).map((instrument) => instrument.model.id);

    const outcomes: Promise<WatchUpdate<unknown> | BinckError | "ok">[] = [];
    const distinct = new Set<string>();
    const watch = <T>(key: string, start: (listener: (update: WatchUpdate<T>) => void) => void) => {
      distinct.add(key);
      outcomes.push(new Promise((resolve) => start((update) => resolve(update as WatchUpdate<unknown>))));
    };
    for (let i = 0; i < WATCHES; i++) {
      const account = ACCOUNTS[Math.floor(i / 5) % 2];
      const fromDate = new Date(Date.UTC(2025, 8, 1) + (Math.floor(i / 5) % 100) * 86_400_000).toISOString().slice(0, 10);
      switch (i % 5) {
        case 0: watch(`positions ${account}`, (listener) => portfolio.watchPositions(account, listener)); break;
        case 1: watch(`balances ${account}`, (listener) => portfolio.watchBalances(account, listener)); break;
        case 2: watch(`orders ${account} ${STATUSES[i % 4]}`, (listener) => portfolio.watchOrders(account, { status: STATUSES[i % 4] }, listener)); break;
        case 3: watch(`transactions ${account} ${fromDate}`, (listener) => portfolio.watchTransactions(account, { fromDate }, listener)); break;
        default: outcomes.push(portfolio.getInstrument(ACCOUNTS[0], instrumentIds[i % 100]).then(() => "ok" as const, (error: BinckError) => error));
      }
    }
    let done = false;
    const all = Promise.all(outcomes).finally(() => {
      done = true;
    });
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      const { inFlight, queued } = budget.figures();
      if (done || inFlight > 0) continue;
      clock.advance(queued > 0 ? 60_000 : 20); // the next window, or the batcher's gathering time
    }
    const results = await all;
    const failures = results.flatMap((result) => {
      if (result === "ok" || ("ok" in result && result.ok)) return [];
      return ["ok" in result ? result.error.developerMessage : result.developerMessage];
    });
    return { failures, renewals, starts, distinct, budget, rest, portfolio };

  }

  it(`serves a burst of ${WATCHES} watches and instrument look-ups across two accounts without sessionMaxActivityExceeded`, async () => {
    const { failures, renewals, starts, distinct, budget, rest, portfolio } = await burst(40);
    expect(failures).toEqual([]);
    expect(renewals).toBe(0);
    // One request per distinct watched question, one for the 100 instrument ids.
    expect(distinct.size + 1).toBe(starts.length);
    expect(budget.figures()).toMatchObject({ sent: starts.length, queued: 0 });
    expect(starts.length).toBeGreaterThan(100);
    expect(maxInAnyWindow(starts, 60_000)).toBe(40);
    // The session lives.
    expect((await rest.getAccounts()).map((account) => account.number)).toEqual(ACCOUNTS);
    portfolio.dispose();
  });

  it("would end the session without the cap (the same burst at 100 a minute)", async () => {
    const { failures, renewals, portfolio } = await burst(100);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.some((message) => message.includes("sessionMaxActivityExceeded"))).toBe(true);
    expect(renewals).toBeGreaterThan(0);
    portfolio.dispose();
  });
});
