import { ManualClock } from "../../../src/core/clock";
import { ConnectionStatus } from "../../../src/core/connection/connection-status";
import { BinckRestClient, type FetchLike } from "../../../src/core/rest/client";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import type { TokenSource } from "../../../src/core/session/token-source";

function tokens(renewTo: string | undefined) {
  let current = "old-token";
  const log: string[] = [];
  const source: TokenSource = {
    getAccessToken: () => current,
    renewAfterRejection: async () => {
      log.push("renew");
      if (!renewTo) return false;
      current = renewTo;
      return true;
    },
    noteActivity: () => {
      log.push("activity");
    },
    onTokenRefreshed: () => () => undefined,
  };
  return { source, log };
}

const accounts = { accountsCollection: { accounts: [{ name: "A", number: "123", type: "savings", isReadOnly: true }] }, metadata: { version: "1", timestamp: "t" } };

describe("BinckRestClient", () => {
  it("renews a refused token once and repeats the request with the new one", async () => {
    const seen: string[] = [];
    const fetchFn: FetchLike = async (_url, init) => {
      const auth = new Headers(init?.headers).get("Authorization")!;
      seen.push(auth);
      return auth === "Bearer new-token" ? new Response(JSON.stringify(accounts), { status: 200 }) : new Response("", { status: 401 });
    };
    const { source, log } = tokens("new-token");
    const client = new BinckRestClient("https://api.test/api/v1", source, fetchFn);
    expect(await client.getAccounts()).toEqual(accounts.accountsCollection.accounts);
    expect(seen).toEqual(["Bearer old-token", "Bearer new-token"]);
    expect(log).toEqual(["renew", "activity"]);
  });

  it("gives signInRequired when the session cannot be renewed", async () => {
    const { source } = tokens(undefined);
    const client = new BinckRestClient("https://api.test/api/v1", source, async () => new Response("", { status: 401, statusText: "Unauthorized" }));
    await expect(client.getAccounts()).rejects.toMatchObject({ code: "signInRequired", endUserMessage: "Signed out — sign in again.", status: 401 });
  });

  it("reads the maintenance body's PascalCase keys, and reports maintenance, then unreachable, as the connection status", async () => {
    const { source } = tokens(undefined);
    const body = { DeveloperMessage: "Temporary maintenance mode", EndUserMessage: "Binck is down for planned maintenance.", ErrorCode: "ServiceUnavailable", ErrorId: 503 };
    const connection = new ConnectionStatus({ clock: new ManualClock(42) });
    const client = new BinckRestClient("https://api.test/api/v1", source, async () => new Response(JSON.stringify(body), { status: 503 }), connection);
    await expect(client.getAccounts()).rejects.toMatchObject({
      code: "maintenance",
      endUserMessage: "Binck is down for planned maintenance.",
      developerMessage: "GET /accounts answered 503: Temporary maintenance mode (errorId 503)",
    });
    expect(connection.current()).toMatchObject({ api: "maintenance", apiCheckedAtMs: 42 });
    const unreachable = new BinckRestClient("https://api.test/api/v1", source, async () => {
      throw new TypeError("fetch failed");
    }, connection);
    await expect(unreachable.getAccounts()).rejects.toMatchObject({ code: "network", endUserMessage: "Binck cannot be reached. Check your connection." });
    expect(connection.current()).toMatchObject({ api: "offline", apiCheckedAtMs: 42 });
  });
});

describe("BinckRestClient operations", () => {
  const metadata = { version: "1", timestamp: "t" };
  function recording(body: unknown = {}) {
    const urls: string[] = [];
    const fetchFn: FetchLike = async (url) => {
      urls.push(url.replace("https://api.test/api/v1", ""));
      return new Response(JSON.stringify(body), { status: 200 });
    };
    return { urls, fetchFn };
  }

  it("sends each operation with swagger's parameter names and reads its collection", async () => {
    const instruments = [{ id: "viiXY", name: "Danone" }];
    const { urls, fetchFn } = recording({ instrumentsCollection: { instruments }, quotesCollection: { quotes: [{ instrumentId: "viiXY" }] }, newsCollection: { news: [{ headline: "h" }] }, metadata });
    const client = new BinckRestClient("https://api.test/api/v1", tokens(undefined).source, fetchFn, undefined, new RequestBudget(new ManualClock(0)));
    expect(await client.searchInstruments({ accountNumber: "190126781", searchText: "danone", instrumentType: "equity" })).toEqual(instruments);
    await client.searchInstruments({ accountNumber: "190126781", isin: "FR0000120644", mic: "XPAR", includeTickSizes: true, range: "0-9" });
    expect(await client.getInstruments("190126781", ["viiXY", "fApit"])).toEqual(instruments);
    expect(await client.getQuotes({ accountNumber: "190126781", instrumentIds: ["viiXY", "fApit"], level: "tradesBidAsk" })).toEqual([{ instrumentId: "viiXY" }]);
    expect(await client.getNews({ accountNumber: "190126781", count: 20, instrumentIds: ["viiXY"] })).toEqual([{ headline: "h" }]);
    await client.getNews({ accountNumber: "190126781" });
    expect(urls).toEqual([
      "/instruments?accountNumber=190126781&searchText=danone&instrumentType=equity&range=0-99",
      "/instruments?accountNumber=190126781&isin=FR0000120644&mic=XPAR&includeTickSizes=true&range=0-9",
      "/instruments/viiXY,fApit?accountNumber=190126781",
      "/quotes?accountNumber=190126781&instrumentIds=viiXY%2CfApit&level=tradesBidAsk",
      "/news?accountNumber=190126781&instrumentIds=viiXY&range=0-19",
      "/news?accountNumber=190126781",
    ]);
  });

  it.each([
    [{ accountNumber: "1", searchText: "a" }, "searchText 'a': must be 2 to 30 characters."],
    [{ accountNumber: "1", searchText: "danone", isin: "FR0000120644" }, "searchText 'danone': give exactly one of searchText and isin."],
    [{ accountNumber: "1" }, "searchText '': give exactly one of searchText and isin."],
    [{ accountNumber: "1", isin: "fr0000120644" }, "isin 'fr0000120644': must be 5 to 15 capitals and digits starting with two letters."],
    [{ accountNumber: "1", searchText: "danone", mic: "XPAR" }, "mic 'XPAR': may only be used together with isin."],
  ])("refuses the search %p without a request", async (query, message) => {
    const { urls, fetchFn } = recording();
    const client = new BinckRestClient("https://api.test/api/v1", tokens(undefined).source, fetchFn, undefined, new RequestBudget(new ManualClock(0)));
    await expect(client.searchInstruments(query)).rejects.toMatchObject({ code: "invalidInput", endUserMessage: message });
    expect(urls).toEqual([]);
  });

  it("refuses more than 100 quote ids and a news count above 250", async () => {
    const client = new BinckRestClient("https://api.test/api/v1", tokens(undefined).source, recording().fetchFn, undefined, new RequestBudget(new ManualClock(0)));
    const ids = Array.from({ length: 101 }, (_, i) => `id${i}`);
    await expect(client.getQuotes({ accountNumber: "1", instrumentIds: ids })).rejects.toMatchObject({ endUserMessage: "instrumentIds '101 ids': at most 100 per request." });
    await expect(client.getNews({ accountNumber: "1", count: 251 })).rejects.toMatchObject({ endUserMessage: "count '251': must be a whole number from 1 to 250." });
    await expect(client.getInstruments("1", ["a,b"])).rejects.toMatchObject({ endUserMessage: "instrumentIds 'a,b': an instrument id is letters and digits." });
  });

  it("sends identical GETs once, passes the caller's priority to the budget, and counts a renewed request twice", async () => {
    const clock = new ManualClock(0);
    const budget = new RequestBudget(clock, { maxRequestsPerWindow: 2, windowMs: 60_000 });
    const seen: string[] = [];
    const fetchFn: FetchLike = async (url, init) => {
      const auth = new Headers(init?.headers).get("Authorization")!;
      seen.push(`${url.replace("https://api.test/api/v1", "")} ${auth}`);
      return auth === "Bearer new-token" ? new Response(JSON.stringify(accounts), { status: 200 }) : new Response("", { status: 401 });
    };
    const client = new BinckRestClient("https://api.test/api/v1", tokens("new-token").source, fetchFn, undefined, budget);
    const all = await Promise.all(Array.from({ length: 50 }, () => client.getAccounts({ priority: "userAction" })));
    expect(all.every((answer) => answer.length === 1)).toBe(true);
    expect(seen).toEqual(["/accounts Bearer old-token", "/accounts Bearer new-token"]);
    expect(budget.figures()).toMatchObject({ sent: 2, coalesced: 49, requestsInWindow: 2 });
    // The window is full: the next request waits for the clock.
    const later = client.getAccounts();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(2);
    clock.advance(60_000);
    await later;
    expect(seen).toHaveLength(3);
  });

  it("reads a success whose body is not JSON as an api error", async () => {
    const client = new BinckRestClient("https://api.test/api/v1", tokens(undefined).source, async () => new Response("<html>", { status: 200 }), undefined, new RequestBudget(new ManualClock(0)));
    await expect(client.getAccounts()).rejects.toMatchObject({ code: "api", developerMessage: "GET /accounts answered 200 with a body that is not JSON: <html>" });
  });
});
