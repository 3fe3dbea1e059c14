import { ManualClock } from "../../src/core/clock";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const ACCOUNT = "190126781";

describe("REST quotes (#29, #30)", () => {
  let sandbox: TestSandbox;
  let token: string;
  let clock: ManualClock;
  let asml: string;
  let aex: string;
  const get = async (path: string) => {
    const response = await sandbox.api(`/api/v1${path}`, { token });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    clock = new ManualClock();
    sandbox = await startTestSandbox({ clock, requestsPerWindow: 10_000 });
    token = (await sandbox.signIn("jansen")).access_token;
    asml = sandbox.sandbox.ctx.market.catalogue.byIsin("NL0010273215", "XAMS")[0].model.id;
    aex = sandbox.sandbox.ctx.market.catalogue.byIsin("NL0000000107", "XAMS")[0].model.id;
  });
  afterAll(() => sandbox.close());

  describe("GET /quotes", () => {
    it("gives the full book by default, the market's own state", async () => {
      const { status, body } = await get(`/quotes?accountNumber=${ACCOUNT}&instrumentIds=${asml}`);
      expect(status).toBe(200);
      const [quote] = body.quotesCollection.quotes;
      const state = sandbox.sandbox.ctx.market.quote(asml)!;
      expect(quote).toMatchObject({ instrumentId: asml, subscriptionLevel: "realtime", last: { price: state.last!.price, volume: state.last!.volume } });
      expect(quote.bid).toHaveLength(5);
      expect(quote.ask).toHaveLength(5);
      expect(quote.bid[0]).toEqual({ price: state.bid[0].price, volume: state.bid[0].volume, orderCount: state.bid[0].orderCount, priceDateTime: expect.any(String) });
      expect(quote.cumVol).toEqual({ volume: state.cumVol });
      expect(body.count).toBe(1);
    });

    it.each([
      ["none", 0, false],
      ["tradesOnly", 0, true],
      ["tradesBidAsk", 1, true],
      ["FULLBOOK", 5, true],
    ])("limits level %s to %i book levels", async (level, depth, hasLast) => {
      const { body } = await get(`/quotes?accountNumber=${ACCOUNT}&instrumentIds=${asml}&level=${level}`);
      const [quote] = body.quotesCollection.quotes;
      expect(quote.bid).toHaveLength(depth);
      expect(quote.ask).toHaveLength(depth);
      expect("last" in quote).toBe(hasLast);
    });

    it("answers indices without a book, US stocks as delayed, and pages long id lists", async () => {
      const apple = sandbox.sandbox.ctx.market.catalogue.byIsin("US0378331005", "XNAS")[0].model.id;
      const { body } = await get(`/quotes?accountNumber=${ACCOUNT}&instrumentIds=${aex}%2C${apple}`);
      expect(body.quotesCollection.quotes[0]).toMatchObject({ instrumentId: aex, bid: [], ask: [] });
      expect(body.quotesCollection.quotes[0].cumVol).toBeUndefined();
      expect(body.quotesCollection.quotes[1].subscriptionLevel).toBe("delayed");
      const ids = sandbox.sandbox.ctx.market.catalogue.all().filter((entry) => entry.quotable).slice(0, 150).map((entry) => entry.model.id);
      const paged = await get(`/quotes?accountNumber=${ACCOUNT}&instrumentIds=${ids.join(",")}&level=tradesOnly&range=100-149`);
      expect(paged.body.count).toBe(150);
      expect(paged.body.quotesCollection.quotes.map((quote: { instrumentId: string }) => quote.instrumentId)).toEqual(ids.slice(100));
    });

    it("refuses missing ids, unknown ids, classes and bad levels", async () => {
      expect((await get(`/quotes?accountNumber=${ACCOUNT}`)).body.developerMessage).toBe("instrumentIds: is required.");
      const unknown = await get(`/quotes?accountNumber=${ACCOUNT}&instrumentIds=${asml},zzzzz`);
      expect([unknown.status, unknown.body.developerMessage]).toEqual([404, "Instrument zzzzz was not found."]);
      const optionClass = sandbox.sandbox.ctx.market.catalogue.all().find((entry) => entry.model.type === "optionClass")!.model.id;
      const refused = await get(`/quotes?accountNumber=${ACCOUNT}&instrumentIds=${optionClass}`);
      expect([refused.status, refused.body.developerMessage]).toEqual([400, `instrumentIds: instrument ${optionClass} is a optionClass, which has no quotes.`]);
      expect((await get(`/quotes?accountNumber=${ACCOUNT}&instrumentIds=${asml}&level=book`)).status).toBe(400);
    });
  });

  describe("GET /quotes/{id}/history", () => {
    beforeAll(async () => {
      // Later in the day, with a fresh session (the old one idles out).
      clock.advance(3 * 3_600_000 + 15_000);
      token = (await sandbox.signIn("jansen")).access_token;
    });

    it("gives minute bars whose last bar ends at the current price", async () => {
      const now = clock.now();
      const from = new Date(now - 30 * 60_000).toISOString();
      const { status, body } = await get(`/quotes/${asml}/history?accountNumber=${ACCOUNT}&fromDateTime=${from}&interval=oneMinute`);
      expect(status).toBe(200);
      const bars = body.historicalQuotesCollection.historicalQuotes;
      expect(bars).toHaveLength(31);
      // Bars are aligned to whole minutes: the first one starts at the minute holding fromDateTime.
      expect(bars[0].dateTime).toBe(new Date(Math.floor((now - 30 * 60_000) / 60_000) * 60_000).toISOString());
      const last = bars[bars.length - 1];
      expect(last.last).toBe(sandbox.sandbox.ctx.market.quote(asml)!.last!.price);
      for (const bar of bars) {
        expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.first, bar.last));
        expect(bar.low).toBeLessThanOrEqual(Math.min(bar.first, bar.last));
        expect(bar.cumVol).toBeGreaterThan(0);
      }
    });

    it("gives ten years of daily bars and refuses a longer span", async () => {
      const now = clock.now();
      const from = new Date(now - 3650 * 86_400_000).toISOString().slice(0, 10);
      const daily = await get(`/quotes/${aex}/history?accountNumber=${ACCOUNT}&fromDateTime=${from}&interval=oneDay`);
      expect(daily.status).toBe(200);
      expect(daily.body.historicalQuotesCollection.historicalQuotes).toHaveLength(3651);
      const elevenYears = await get(`/quotes/${aex}/history?accountNumber=${ACCOUNT}&fromDateTime=2015-01-01&interval=oneWeek`);
      expect(elevenYears.body.developerMessage).toMatch(/^fromDateTime: the span of \d+\.\d days is longer than the 10 years allowed for interval oneWeek\.$/);
      const tooLong = await get(`/quotes/${aex}/history?accountNumber=${ACCOUNT}&fromDateTime=${new Date(now - 6 * 86_400_000).toISOString()}&interval=oneMinute`);
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.developerMessage).toBe("fromDateTime: the span of 6.0 days is longer than the 5 days allowed for interval oneMinute.");
    });

    it("refuses missing or bad parameters and unknown instruments", async () => {
      const from = new Date(clock.now() - 3_600_000).toISOString();
      expect((await get(`/quotes/${asml}/history?accountNumber=${ACCOUNT}&fromDateTime=${from}`)).body.developerMessage).toMatch(/^interval: is required/);
      expect((await get(`/quotes/${asml}/history?accountNumber=${ACCOUNT}&interval=oneHour`)).body.developerMessage).toBe("fromDateTime: is required.");
      expect((await get(`/quotes/${asml}/history?accountNumber=${ACCOUNT}&interval=oneHour&fromDateTime=yesterday`)).status).toBe(400);
      expect((await get(`/quotes/${asml}/history?accountNumber=${ACCOUNT}&interval=oneHour&fromDateTime=${from}&toDateTime=2020-01-01`)).body.developerMessage).toContain("is after toDateTime");
      expect((await get(`/quotes/zzzzz/history?accountNumber=${ACCOUNT}&interval=oneHour&fromDateTime=${from}`)).status).toBe(404);
    });
  });
});
