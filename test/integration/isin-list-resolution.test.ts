import { systemClock } from "../../src/core/clock";
import type { BinckError } from "../../src/core/errors";
import { InstrumentResolver } from "../../src/core/instruments/instrument-resolver";
import { BinckRestClient, type FetchLike } from "../../src/core/rest/client";
import { RequestBudget } from "../../src/core/rest/request-budget";
import type { TokenSource } from "../../src/core/session/token-source";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const ACCOUNT = "190126781";

describe("ISIN resolution through the instrument lists, against the sandbox", () => {
  let sandbox: TestSandbox;
  let isins: string[];
  let listings: string[];

  beforeAll(async () => {
    // The search-only resolver below needs more than 50 requests a minute; the list one is counted instead.
    sandbox = await startTestSandbox({ requestsPerWindow: 100_000 });
    const listed = sandbox.sandbox.ctx.market.catalogue.list("allInstruments").filter((entry) => entry.quotable && entry.model.isincode);
    isins = [...new Set(listed.map((entry) => entry.model.isincode!))].slice(0, 300);
    listings = [...new Set(listed.map((entry) => `${entry.model.isincode}:${entry.model.marketIdentificationCode}`))].slice(0, 300);
  });
  afterAll(() => sandbox.close());

  async function resolver(withLists: boolean) {
    const token = (await sandbox.signIn("jansen")).access_token;
    const tokens: TokenSource = { getAccessToken: () => token, renewAfterRejection: async () => false, noteActivity: () => undefined, onTokenRefreshed: () => () => undefined };
    const requests: string[] = [];
    const counted: FetchLike = (url, init) => {
      requests.push(new URL(url).pathname);
      return globalThis.fetch(url, init);
    };
    const client = new BinckRestClient(`${sandbox.urls.api}/api/v1`, tokens, counted, undefined, new RequestBudget(systemClock, { maxRequestsPerWindow: 100_000 }));
    const instance = new InstrumentResolver({ lookup: client, listLookup: withLists ? client : undefined, clock: systemClock });
    const resolveAll = async (wanted: string[]) => (await Promise.allSettled(wanted.map((argument) => instance.resolve(argument, { accountNumber: ACCOUNT }))))
      .map((outcome) => outcome.status === "fulfilled" ? outcome.value.id : (outcome.reason as BinckError).endUserMessage);
    return { resolveAll, requests, figures: () => instance.figures() };
  }

  it("resolves 300 ISINs with the pages of allInstruments, to the answers of 300 searches", async () => {
    const lists = await resolver(true);
    const searches = await resolver(false);
    const answers = await lists.resolveAll(isins);
    expect(answers).toEqual(await searches.resolveAll(isins));
    expect(answers.filter((answer) => /^[A-Za-z0-9]{5}$/.test(answer)).length).toBeGreaterThanOrEqual(298);
    expect(searches.requests).toHaveLength(300);
    // Every page of the list (5,691 rows in the seeded catalogue) and no search: all 300 are listed.
    const pages = Math.ceil(sandbox.sandbox.ctx.market.catalogue.list("allInstruments").length / 100);
    expect(lists.requests).toEqual(Array.from({ length: pages }, () => "/api/v1/instruments/lists/allInstruments"));
    expect(lists.figures()).toEqual({ searches: 0, idLookups: 0, listPages: pages, answeredFromLists: 300 });
  });

  it("resolves 300 ISIN:MIC listings with their markets' lists, to the answers of 300 searches", async () => {
    const lists = await resolver(true);
    const searches = await resolver(false);
    const answers = await lists.resolveAll(listings);
    expect(answers).toEqual(await searches.resolveAll(listings));
    expect(new Set(answers).size).toBe(300);
    const figures = lists.figures();
    expect(figures.listPages + figures.searches).toBe(lists.requests.length);
    expect(lists.requests.length).toBeLessThanOrEqual(30); // a tenth of a request per ISIN at most (21 with the seeded catalogue)
    expect(figures.answeredFromLists + figures.searches).toBe(300);
  });
});
