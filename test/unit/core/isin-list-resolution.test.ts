import { ManualClock } from "../../../src/core/clock";
import type { BinckError } from "../../../src/core/errors";
import { InstrumentResolver } from "../../../src/core/instruments/instrument-resolver";
import { BinckRestClient } from "../../../src/core/rest/client";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import type { TokenSource } from "../../../src/core/session/token-source";
import { synthesizeIsin } from "../../../server/sandbox/market/catalogue/isin";
import { fakeInstrumentApi } from "../../fakes/fake-instrument-api";

const ACCOUNT = "190126781";
const tokens: TokenSource = { getAccessToken: () => "t", renewAfterRejection: async () => false, noteActivity: () => undefined, onTokenRefreshed: () => () => undefined };

function setup(options: { lists?: boolean; listsMissing?: boolean } = {}) {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  const api = fakeInstrumentApi(undefined, { listsMissing: options.listsMissing });
  // A cap that never holds these tests up: the budget has its own tests.
  const budget = new RequestBudget(clock, { maxRequestsPerWindow: 100_000 });
  const client = new BinckRestClient("https://api.test/api/v1", tokens, api.fetchFn, undefined, budget);
  const resolver = new InstrumentResolver({ lookup: client, listLookup: options.lists === false ? undefined : client, clock, timeZone: "Europe/Amsterdam" });
  /** Resolves every argument at once, as cells of a sheet being opened do, moving the clock past the gathering. */
  const resolveAll = async (argumentsAtOnce: string[]) => {
    const settled = Promise.allSettled(argumentsAtOnce.map((argument) => resolver.resolve(argument, { accountNumber: ACCOUNT })));
    let done = false;
    void settled.finally(() => (done = true));
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(30);
    }
    return (await settled).map((outcome) => outcome.status === "fulfilled" ? outcome.value.id : (outcome.reason as BinckError).endUserMessage);
  };
  return { resolver, requests: api.requests, resolveAll };
}

const amsterdam = (count: number) => Array.from({ length: count }, (_, n) => synthesizeIsin("NL", n));
const paths = (requests: string[]) => requests.map((request) => request.replace(/\?.*mic=(\w+).*range=([\d-]+)$/, " $1 $2").replace(/\?.*range=([\d-]+)$/, " $1"));

describe("InstrumentResolver with instrument lists", () => {
  it("resolves 200 ISINs from the pages of allInstruments (19 requests instead of 200) to the ids the search gives", async () => {
    const wanted = [...amsterdam(150), ...Array.from({ length: 50 }, (_, n) => synthesizeIsin("DE", n))];
    const withLists = setup();
    const bySearch = setup({ lists: false });
    const ids = await withLists.resolveAll(wanted);
    expect(ids).toEqual(await bySearch.resolveAll(wanted));
    expect(ids.slice(0, 2)).toEqual(["A0000", "A0001"]);
    expect(bySearch.requests).toHaveLength(200);
    // 250 + 160 + 900 + 500 + 2 listed = 1,812 rows: 19 pages of 100.
    expect(withLists.requests).toHaveLength(19);
    expect(paths(withLists.requests).slice(0, 2)).toEqual(["/api/v1/instruments/lists/allInstruments 0-99", "/api/v1/instruments/lists/allInstruments 100-199"]);
    expect(withLists.resolver.figures()).toEqual({ searches: 0, idLookups: 0, listPages: 19, answeredFromLists: 200 });
  });

  it("searches when the look-ups are fewer than the list's pages", async () => {
    const { resolveAll, requests, resolver } = setup();
    expect(await resolveAll(amsterdam(2))).toEqual(["A0000", "A0001"]);
    expect(requests).toEqual(amsterdam(2).map((isin) => `/api/v1/instruments?accountNumber=190126781&isin=${isin}&range=0-99`));
    // 10 ISINs: the first page says 19 pages in all, so the other 18 are not read and the 10 are searched.
    expect(await resolveAll(amsterdam(12).slice(2))).toEqual(Array.from({ length: 10 }, (_, n) => `A${String(n + 2).padStart(4, "0")}`));
    expect(paths(requests.slice(2, 3))).toEqual(["/api/v1/instruments/lists/allInstruments 0-99"]);
    expect(requests).toHaveLength(2 + 1 + 10);
    expect(resolver.figures()).toMatchObject({ searches: 12, listPages: 1, answeredFromLists: 0 });
  });

  it("reads only the market's list for ISIN:MIC, and searches a market whose list is longer than its look-ups", async () => {
    const { resolveAll, requests } = setup();
    const paris = Array.from({ length: 40 }, (_, n) => `${synthesizeIsin("FR", n)}:XPAR`);
    const big = Array.from({ length: 3 }, (_, n) => `${synthesizeIsin("DE", n)}:XBIG`);
    const ids = await resolveAll([...paris, ...big]);
    // Paris: the equity, not its SRD class of the same ISIN (as the search answers).
    expect(ids).toEqual([...Array.from({ length: 40 }, (_, n) => `P${String(n).padStart(4, "0")}`), "B0000", "B0001", "B0002"]);
    expect(paths(requests).filter((request) => request.includes("/lists/")).sort()).toEqual([
      "/api/v1/instruments/lists/allInstruments XBIG 0-99",
      "/api/v1/instruments/lists/allInstruments XPAR 0-99",
      "/api/v1/instruments/lists/allInstruments XPAR 100-199",
    ]);
    expect(requests.filter((request) => request.includes("isin="))).toHaveLength(3);
  });

  it("keeps the search's answers for ambiguous, unknown and class-only ISINs among many", async () => {
    const { resolveAll, requests } = setup();
    const classOnly = synthesizeIsin("US", 1);
    const unknown = synthesizeIsin("US", 2);
    const answers = await resolveAll([...amsterdam(30), "GB00BP6MXD84", unknown, classOnly, "GB00BP6MXD84:XLON"]);
    expect(answers.slice(30)).toEqual([
      "GB00BP6MXD84 is ambiguous: Shell (XAMS), Shell (XLON) — use GB00BP6MXD84:XAMS.",
      `No instrument has ISIN ${unknown}.`,
      "SxjmV",
      "09l8Q",
    ]);
    // The whole list, then a search for each ISIN it does not hold.
    expect(requests.filter((request) => request.includes("/lists/"))).toHaveLength(19);
    expect(requests.filter((request) => request.includes("isin="))).toEqual([
      `/api/v1/instruments?accountNumber=190126781&isin=${unknown}&range=0-99`,
      `/api/v1/instruments?accountNumber=190126781&isin=${classOnly}&range=0-99`,
    ]);
  });

  it("asks once for many cells wanting the same ISINs, and not again that day", async () => {
    const { resolveAll, requests } = setup();
    const wanted = amsterdam(120);
    const ids = await resolveAll([...wanted, ...wanted, ...wanted.map((isin) => isin.toLowerCase())]);
    expect(new Set(ids).size).toBe(120);
    expect(requests).toHaveLength(19);
    expect(await resolveAll(wanted)).toEqual(ids.slice(0, 120));
    expect(requests).toHaveLength(19);
  });

  it("searches every ISIN where the list does not exist (404)", async () => {
    const { resolveAll, requests } = setup({ listsMissing: true });
    expect(await resolveAll(amsterdam(5))).toEqual(["A0000", "A0001", "A0002", "A0003", "A0004"]);
    expect(requests).toHaveLength(1 + 5);
  });
});
