import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { SwaggerValidator } from "../support/swagger";

/**
 * Every one of the 33 operations, called for real against the sandbox with the simulated market, answers a body
 * that validates against its response schema in swagger.json (closed objects: no invented or misspelt names).
 */
describe("swagger conformance of all 33 operations", () => {
  const validator = new SwaggerValidator();
  const covered = new Set<string>();
  const account = "190126781";
  let sandbox: TestSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = (await sandbox.signIn("jansen", { scope: "read write news quotes internal" })).access_token;
  });
  afterAll(() => sandbox.close());

  async function call(operationId: string, method: string, path: string, expectedStatus: number, body?: unknown): Promise<any> {
    const response = await sandbox.api(`/api/v1${path}`, { method, token, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (response.status !== expectedStatus) throw new Error(`${operationId} ${method} ${path}: expected ${expectedStatus}, got ${response.status}: ${text.slice(0, 500)}`);
    const parsed = response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    const errors = validator.check(operationId, response.status, parsed);
    expect({ operationId, errors }).toEqual({ operationId, errors: [] });
    covered.add(operationId);
    return parsed;
  }

  it("answers the account operations", async () => {
    await call("Version_GetVersion", "GET", "/version", 200);
    const accounts = await call("Accounts_GetAccounts", "GET", "/accounts", 200);
    expect(accounts.accountsCollection.accounts.map((a: { number: string }) => a.number)).toContain(account);
    await call("Accounts_GetAccount", "GET", `/accounts/${account}`, 200);
    await call("Balances_GetAccountBalances", "GET", `/accounts/${account}/balances`, 200);
    await call("Settings_GetSettings", "GET", `/accounts/${account}/settings`, 200);
    const positions = await call("Positions_GetPositions", "GET", `/accounts/${account}/positions?range=0-9`, 200);
    const instrumentId = positions.positionsCollection.positions[0].instrument.id;
    const position = await call("Positions_GetPosition", "GET", `/accounts/${account}/positions/${instrumentId}`, 200);
    expect(position.positionsCollection.positions).toHaveLength(1);
    await call("Transactions_GetTransactions", "GET", `/accounts/${account}/transactions?range=0-24`, 200);
    const performances = await call("Performances_GetPerformances", "GET", `/accounts/${account}/performances`, 200);
    const year = performances.performancesCollection.performances[0].year;
    await call("Performances_GetPerformance", "GET", `/accounts/${account}/performances/${year}?onPosition=true`, 200);
  });

  it("answers the instrument, quote and news operations", async () => {
    const found = await call("Instruments_GetInstruments", "GET", `/instruments?accountNumber=${account}&searchText=asml&includeTickSizes=true`, 200);
    const asml = found.instrumentsCollection.instruments.find((i: { isincode?: string }) => i.isincode === "NL0010273215");
    expect(asml).toBeDefined();
    const aex = await call("Instruments_GetListContents", "GET", `/instruments/lists/amsterdamAEXIndex?accountNumber=${account}&range=0-49`, 200);
    const ids = aex.instrumentsCollection.instruments.slice(0, 3).map((i: { id: string }) => i.id);
    await call("Instruments_GetInstrument", "GET", `/instruments/${ids.join("%2C")}?accountNumber=${account}`, 200);
    const turbos = await call("Instruments_GetLeveragedProducts", "GET", `/instruments/leveragedproducts?accountNumber=${account}&category=indices&publisher=all`, 200);
    await call("Instruments_GetCertificates", "GET", `/instruments/certificates?accountNumber=${account}&exchange=certificatesEuronext`, 200);
    await call("Instruments_GetBonds", "GET", `/instruments/bonds?accountNumber=${account}&type=bondsAmsterdamGovernment`, 200);
    await call("Instruments_GetDerivatives", "GET", `/instruments/derivatives?accountNumber=${account}&underlyingInstrumentId=${asml.id}&range=0-49`, 200);
    const withKid = turbos.instrumentsCollection.instruments.find((i: { isKidApplicable: boolean }) => i.isKidApplicable);
    expect(withKid).toBeDefined();
    const kids = await call("Instruments_SearchKidDocument", "GET", `/instruments/${withKid.id}/kid?accountNumber=${account}`, 200);
    const kidId = kids.kidCollection.kids[0].kidId;
    const pdf = await sandbox.api(`/api/v1/instruments/${withKid.id}/kid/${encodeURIComponent(kidId)}?accountNumber=${account}`, { token });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toContain("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    covered.add("Instruments_ReadKidDocument");
    await call("Quotes_GetQuotes", "GET", `/quotes?accountNumber=${account}&instrumentIds=${ids.join(",")}&level=fullBook`, 200);
    const from = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const history = await call("Quotes_GetHistoricalQuotes", "GET", `/quotes/${asml.id}/history?accountNumber=${account}&fromDateTime=${from}&interval=oneDay`, 200);
    expect(history.historicalQuotesCollection.historicalQuotes.length).toBeGreaterThan(5);
    await call("News_GetNews", "GET", `/news?accountNumber=${account}&range=0-19`, 200);
  });

  it("answers the order operations through an order's whole life", async () => {
    const found = await call("Instruments_GetInstruments", "GET", `/instruments?accountNumber=${account}&isin=NL0011821202&mic=XAMS`, 200);
    const ing = found.instrumentsCollection.instruments[0];
    const quote = await call("Quotes_GetQuotes", "GET", `/quotes?accountNumber=${account}&instrumentIds=${ing.id}&level=tradesOnly`, 200);
    const last: number = quote.quotesCollection.quotes[0].last.price;
    const limitPrice = Math.round(last * 0.9 * 100) / 100;
    const order = { type: "limit", quantity: 10, duration: "day", limitPrice, cash: { side: "buy", instrumentId: ing.id }, referenceId: "conformance-1" };
    const preview = await call("Orders_PreviewOrder", "POST", `/accounts/${account}/orders/preview`, 200, order);
    expect(preview.previewOrder.orderCanBeRegistered).toBe(true);
    await call("Orders_PreviewOrderCosts", "POST", `/accounts/${account}/orders/costs`, 200, order);
    const placed = await call("Orders_RegisterOrder", "POST", `/accounts/${account}/orders`, 201, { ...order, validationCode: preview.previewOrder.validationCode });
    const number = placed.ordersCollection.orders[0].number;
    await call("Orders_GetOrders", "GET", `/accounts/${account}/orders?status=open`, 200);
    await call("Orders_GetOrder", "GET", `/accounts/${account}/orders/${number}`, 200);
    const now = new Date();
    await call("Orders_GetHistoricalOrders", "GET", `/accounts/${account}/orders/history?year=${now.getUTCFullYear()}&month=${now.getUTCMonth() + 1}`, 200);
    const newLimit = Math.round(last * 0.89 * 100) / 100;
    const modifyPreview = await call("Orders_PreviewModifyOrder", "POST", `/accounts/${account}/orders/${number}/preview`, 200, { orderNumber: number, limitPrice: newLimit });
    await call("Orders_ModifyOrder", "PATCH", `/accounts/${account}/orders/${number}`, 200, { orderNumber: number, limitPrice: newLimit, validationCode: modifyPreview.previewOrder.validationCode });
    await call("Orders_CancelOrder", "DELETE", `/accounts/${account}/orders/${number}`, 200);
  });

  it("answers the session operations", async () => {
    await call("Sessions_GetSessions", "GET", "/sessions", 200);
    await call("Sessions_EndSession", "DELETE", "/sessions", 200);
  });

  it("answers errors with the ErrorMessageModel of the operation", async () => {
    const fresh = (await sandbox.signIn("jansen", { scope: "read write news quotes" })).access_token;
    const positions = await (await sandbox.api(`/api/v1/accounts/${account}/positions`, { token: fresh })).json();
    const positionId: string = positions.positionsCollection.positions[0].instrument.id;
    const cases: Array<[string, string, string, number]> = [
      ["Accounts_GetAccount", "GET", "/accounts/999999999", 404],
      ["Balances_GetAccountBalances", "GET", "/accounts/bad!/balances", 400],
      ["Instruments_GetInstruments", "GET", `/instruments?accountNumber=${account}&searchText=a`, 400],
      ["Quotes_GetHistoricalQuotes", "GET", `/quotes/xxxxx/history?accountNumber=${account}&fromDateTime=2000-01-01&interval=oneMinute`, 404],
      ["Quotes_GetHistoricalQuotes", "GET", `/quotes/${positionId}/history?accountNumber=${account}&fromDateTime=2000-01-01&interval=oneMinute`, 400],
      ["Orders_RegisterOrder", "POST", `/accounts/${account}/orders`, 400],
    ];
    for (const [operationId, method, path, status] of cases) {
      const response = await sandbox.api(`/api/v1${path}`, { method, token: fresh, body: method === "POST" ? JSON.stringify({ type: "nonsense" }) : undefined });
      expect({ operationId, status: response.status }).toEqual({ operationId, status });
      expect({ operationId, errors: validator.check(operationId, status, await response.json()) }).toEqual({ operationId, errors: [] });
    }
  });

  it("covered every operation of swagger.json", () => {
    expect([...covered].sort()).toEqual(validator.operations.map((operation) => operation.operationId).sort());
  });
});
