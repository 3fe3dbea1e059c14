import { ManualClock } from "../../src/core/clock";
import { BinckError } from "../../src/core/errors";
import { InstrumentResolver } from "../../src/core/instruments/instrument-resolver";
import { BinckRestClient } from "../../src/core/rest/client";
import { RequestBudget } from "../../src/core/rest/request-budget";
import type { TokenSource } from "../../src/core/session/token-source";
import { EQUITIES } from "../../server/sandbox/seed/instruments/equities";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const ACCOUNT = "190126781";

/** Equity symbols that name one listing in the seed: a burst of different look-ups. */
const SYMBOLS = EQUITIES.map((row) => row[1])
  .filter((symbol, _, all) => symbol.length >= 2 && all.filter((other) => other === symbol).length === 1)
  .slice(0, 120);

function tokenSource(accessToken: string): TokenSource & { renewals: number } {
  return {
    renewals: 0,
    getAccessToken: () => accessToken,
    async renewAfterRejection() {
      this.renewals++;
      return false;
    },
    noteActivity: () => undefined,
    onTokenRefreshed: () => () => undefined,
  };
}

/** Resolves once nothing is in flight (requests held back by the cap may still be queued). */
function whenNothingInFlight(budget: RequestBudget): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (budget.figures().inFlight > 0) return;
      stop();
      resolve();
    };
    const stop = budget.onChange(check);
    check();
  });
}

describe("BinckRestClient and InstrumentResolver against the sandbox", () => {
  let sandbox: TestSandbox;
  const clock = new ManualClock();

  beforeAll(async () => {
    // One clock for the sandbox's rate limit and the client's budget: the windows move together.
    sandbox = await startTestSandbox({ clock });
  });
  afterAll(() => sandbox.close());

  async function client(maxRequestsPerWindow = 40) {
    const tokens = tokenSource((await sandbox.signIn("jansen")).access_token);
    const budget = new RequestBudget(clock, { maxRequestsPerWindow });
    const rest = new BinckRestClient(`${sandbox.urls.api}/api/v1`, tokens, undefined, undefined, budget);
    const resolver = new InstrumentResolver({ lookup: rest, clock, timeZone: "Europe/Amsterdam", onCacheHit: () => budget.noteCacheHit() });
    return { tokens, budget, rest, resolver, resolve: (argument: string) => resolver.resolve(argument, { accountNumber: ACCOUNT, priority: "visibleCell" }) };
  }

  /** Runs look-ups to the end, moving the shared clock a window on whenever the budget holds requests back. */
  async function drive(budget: RequestBudget, lookups: Promise<unknown>[]) {
    const outcomes = lookups.map((lookup) => lookup.then((value) => ({ value }), (error: unknown) => ({ error })));
    let done = false;
    const all = Promise.all(outcomes).finally(() => {
      done = true;
    });
    while (!done) {
      await whenNothingInFlight(budget);
      await new Promise((resolve) => setImmediate(resolve));
      if (!done && budget.figures().queued > 0) clock.advance(60_000);
    }
    return all;
  }

  it("resolves an ISIN, ISIN:MIC, a symbol, SYMBOL:MIC and an id, and names ambiguous and unknown ones", async () => {
    const { resolve, rest } = await client();
    const asml = await resolve("NL0010273215");
    expect(asml).toMatchObject({ name: "ASML Holding", symbol: "ASML", marketIdentificationCode: "XAMS", type: "equity" });
    expect(await resolve("gb00bp6mxd84:xlon")).toMatchObject({ name: "Shell", marketIdentificationCode: "XLON", isincode: "GB00BP6MXD84" });
    expect(await resolve("FR0000120644")).toMatchObject({ name: "Danone", type: "equity" }); // not its SRD class
    expect(await resolve("asml")).toMatchObject({ id: asml.id });
    expect(await resolve("SAN:XMAD")).toMatchObject({ name: "Banco Santander", marketIdentificationCode: "XMAD" });
    await expect(resolve("SAN")).rejects.toMatchObject({ code: "invalidInput", endUserMessage: "SAN is ambiguous: Banco Santander (XMAD), Sanofi (XPAR) — use SAN:XMAD." });
    await expect(resolve("GB00BP6MXD84")).rejects.toMatchObject({ endUserMessage: "GB00BP6MXD84 is ambiguous: Shell (XAMS), Shell (XLON) — use GB00BP6MXD84:XAMS." });
    await expect(resolve("NL0000000016")).rejects.toMatchObject({ code: "invalidInput", endUserMessage: "No instrument has ISIN NL0000000016." });
    await expect(resolve("ASML:XNYS")).rejects.toMatchObject({ endUserMessage: "ASML is not listed on XNYS; it is on XAMS." });

    const fresh = await client();
    expect(await fresh.resolve(asml.id)).toMatchObject({ name: "ASML Holding", isincode: "NL0010273215" });
    expect(await rest.getInstruments(ACCOUNT, [asml.id])).toEqual([asml]);
  });

  it("reads quotes and news through the same client", async () => {
    const { rest, resolve } = await client();
    const asml = await resolve("ASML:XAMS");
    const [quote] = await rest.getQuotes({ accountNumber: ACCOUNT, instrumentIds: [asml.id], level: "tradesBidAsk" });
    expect(quote.instrumentId).toBe(asml.id);
    expect(quote.bid.length).toBeLessThanOrEqual(1);
    expect(typeof (quote.last ?? quote.close)?.price).toBe("number");
    const news = await rest.getNews({ accountNumber: ACCOUNT, count: 3 });
    expect(news.length).toBeLessThanOrEqual(3);
    expect(await rest.getAccounts()).toEqual(expect.arrayContaining([expect.objectContaining({ number: ACCOUNT })]));
  });

  it(`keeps a burst of ${SYMBOLS.length} different look-ups and 1,000 identical ones under the limit: the session lives`, async () => {
    const { budget, resolve, tokens, rest } = await client();
    const lookups = [...SYMBOLS.map(resolve), ...Array.from({ length: 1_000 }, () => resolve("NL0010273215:XAMS"))];
    const outcomes = await drive(budget, lookups);
    const failures = outcomes.filter((outcome) => "error" in outcome);
    expect(failures).toEqual([]);
    expect(tokens.renewals).toBe(0);
    expect(budget.figures()).toMatchObject({ sent: SYMBOLS.length + 1, queued: 0 });
    expect(await rest.getAccounts()).not.toHaveLength(0);
  });

  it("would end the session without the cap (the same burst at 100 a minute)", async () => {
    const { budget, resolve, tokens } = await client(100);
    const outcomes = await drive(budget, SYMBOLS.map(resolve));
    const codes = outcomes.map((outcome) => ("error" in outcome ? (outcome.error as BinckError).developerMessage : "ok"));
    expect(codes.filter((code) => code === "ok")).toHaveLength(50);
    expect(codes.find((code) => code !== "ok")).toContain("sessionMaxActivityExceeded");
    expect(tokens.renewals).toBeGreaterThan(0);
  });
});
