import { ManualClock } from "../../src/core/clock";
import { FakeMarket } from "../fakes/fake-market";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

describe("REST accounts, balances, settings, positions, transactions, performances", () => {
  let sandbox: TestSandbox;
  let token: string;
  const clock = new ManualClock();
  const get = async (path: string, accessToken = token) => {
    const response = await sandbox.api(`/api/v1${path}`, { token: accessToken });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clock, market: new FakeMarket(() => clock.now()) });
    token = (await sandbox.signIn("jansen")).access_token;
  });
  afterAll(() => sandbox.close());

  it("lists the person's accounts of the session's realm with isReadOnly per account", async () => {
    const { status, body } = await get("/accounts");
    expect(status).toBe(200);
    expect(body.accountsCollection.accounts).toEqual([
      { name: "A. Jansen — Beleggen", iban: "NL91BICK0190126781", number: "190126781", type: "binckComplete", isReadOnly: false },
      { name: "A. Jansen — Sparen", iban: "NL64BICK0190126799", number: "190126799", type: "savings", isReadOnly: true },
    ]);
    expect(body.metadata).toEqual({ version: expect.any(String), timestamp: expect.any(String) });
  });

  it.each([
    ["a read-only login", { readOnly: true }],
    ["a token without write", { scope: "read" }],
  ])("marks every account read-only for %s", async (_name, options) => {
    const other = (await sandbox.signIn("jansen", options)).access_token;
    const { body } = await get("/accounts/190126781", other);
    expect(body.accountsCollection.accounts).toEqual([expect.objectContaining({ number: "190126781", isReadOnly: true })]);
  });

  it("answers 404 for another person's account and 400 for a malformed number", async () => {
    const foreign = await get("/accounts/190300007/balances");
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ errorId: "noMatchingAccountInfoFound", developerMessage: "Account 190300007 is not an active account of this session." });
    const malformed = await get("/accounts/12/positions");
    expect(malformed.status).toBe(400);
    expect(malformed.body.developerMessage).toBe("accountNumber: '12' is not an account number (3 to 15 letters or digits).");
  });

  it("values the balance at market prices", async () => {
    const { status, body } = await get("/accounts/190126781/balances");
    expect(status).toBe(200);
    expect(body.balancesCollection).toEqual({
      currency: "EUR",
      balances: [{
        assetsTotalValue: 62_290,
        cashBalance: 25_215,
        portfolioValue: 37_075,
        availableSpendingLimit: 25_215,
        cashBalancesCollection: { cashBalances: [{ currency: "EUR", cashBalance: 25_000 }, { currency: "USD", cashBalance: 250 }] },
      }],
    });
  });

  it("lists trading rights, empty for a savings account", async () => {
    const trading = await get("/accounts/190126781/settings");
    expect(trading.body.settingsCollection.settings[0].tradingAllowed[0]).toEqual({ tradingType: "equities" });
    const savings = await get("/accounts/190126799/settings");
    expect(savings.body.settingsCollection).toEqual({ settings: [{ tradingAllowed: [] }] });
  });

  it("pages positions valued at market prices", async () => {
    const { body } = await get("/accounts/190126781/positions?range=1-2");
    expect(body.count).toBe(4);
    expect(body.paging).toEqual({ offset: 1, limit: 2, max: 100, next: "range=3-4", previous: "range=0-0", refresh: "range=1-2" });
    expect(body.positionsCollection.positions[0]).toEqual({
      instrument: { id: "iNg01", name: "ING GROEP" }, quantity: 500, currency: "EUR", value: 6250, valueInEuro: 6250, averageHistoricalPrice: 11.42,
      result: { currency: "EUR", purchaseValue: 5710, realized: 0, total: 540, unrealized: 540, unrealizedPercentage: 9.46 },
      resultInEuro: { currency: "EUR", purchaseValue: 5710, realized: 0, total: 540, unrealized: 540, unrealizedPercentage: 9.46 },
    });
  });

  it("answers one position, or 200 with an empty array when there is none", async () => {
    const held = await get("/accounts/190126781/positions/aPpL1");
    expect(held.body.positionsCollection.positions).toEqual([expect.objectContaining({ quantity: 25, currency: "USD", value: 3750, valueInEuro: 3225 })]);
    expect(held.body).not.toHaveProperty("count");
    const none = await get("/accounts/190126781/positions/sAp01");
    expect(none.status).toBe(200);
    expect(none.body.positionsCollection.positions).toEqual([]);
  });

  it("lists transactions newest first, filtered by group, currency and dates", async () => {
    const all = await get("/accounts/190126781/transactions");
    const numbers = all.body.transactionsCollection.transactions.map((entry: { number: number }) => entry.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(all.body.count).toBe(numbers.length);
    const dividends = await get("/accounts/190126781/transactions?mutationGroup=dividendPayment&currency=usd");
    expect(dividends.body.transactionsCollection.transactions).toEqual([expect.objectContaining({
      mutationType: "dividendPayment", currency: "USD", instrument: { id: "aPpL1", name: "APPLE INC" }, currencyRate: 0.86,
      // 25 × 142.10 × 2.5% = 88.81 gross, 15% withheld.
      totalCosts: 13.32, netAmount: 75.49,
    })]);
    const window = await get("/accounts/190126781/transactions?fromDate=2025-10-01&toDate=2025-10-31&mutationGroup=");
    expect(window.body.transactionsCollection.transactions.map((entry: { transactionDate: string }) => entry.transactionDate))
      .toEqual(["2025-10-29T09:30:00Z", "2025-10-18T09:30:00Z", "2025-10-07T09:30:00Z"]);
  });

  it("refuses bad transaction filters with the field and the rule", async () => {
    expect((await get("/accounts/190126781/transactions?mutationGroup=gifts")).body.developerMessage)
      .toBe("mutationGroup: 'gifts' is not one of buyAndSell, cost, couponPayment, dividendPayment, interestPayment, moneyTransfer, positionMutation.");
    expect((await get("/accounts/190126781/transactions?currency=EURO")).body.developerMessage).toBe("currency: 'EURO' does not match ^[a-zA-Z]{3}$.");
    expect((await get("/accounts/190126781/transactions?fromDate=2025-02-01&toDate=2025-01-01")).status).toBe(400);
  });

  it("reports performances per year and per instrument of one year", async () => {
    const overview = await get("/accounts/190126781/performances");
    expect(overview.body.performancesCollection.performances.map((entry: { year: string }) => entry.year)).toEqual(["2024", "2025", "2026"]);
    expect(overview.body.summary).toEqual(expect.objectContaining({ currency: "EUR", total: expect.any(Number) }));
    const year = await get("/accounts/190126781/performances/2026?onPosition=true");
    expect(year.body.summary.year).toBe("2026");
    expect(year.body.performancesCollection.performances).toContainEqual(expect.objectContaining({ instrument: { id: "iNg01", name: "ING GROEP" }, unrealized: 540 }));
    expect((await get("/accounts/190126781/performances/2019")).status).toBe(404);
    expect((await get("/accounts/190126781/performances/20x6")).body.developerMessage).toBe("year: '20x6' is not a year (4 digits).");
  });
});
