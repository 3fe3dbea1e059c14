import { ManualClock } from "../../../src/core/clock";
import { BinckError } from "../../../src/core/errors";
import type { HttpRequestInit } from "../../../src/core/http/http";
import { InstrumentResolver } from "../../../src/core/instruments/instrument-resolver";
import { BinckRestClient } from "../../../src/core/rest/client";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import type { TokenSource } from "../../../src/core/session/token-source";
import type { InstrumentModel } from "../../../src/core/wire/models";

const ACCOUNT = "190126781";

function instrument(id: string, name: string, symbol: string, isincode: string | undefined, mic: string | undefined, type: InstrumentModel["type"] = "equity"): InstrumentModel {
  return {
    id, name, symbol, tickerSymbol: symbol, type, currency: "EUR", priceDecimals: 2, isTradable: true, isKidApplicable: false,
    hasOptions: false, hasFutures: false, hasSrd: false, hasLeveragedProducts: false, hasOrderModifications: true,
    ...(isincode ? { isincode } : {}), ...(mic ? { marketIdentificationCode: mic } : {}),
  };
}

const CATALOGUE: InstrumentModel[] = [
  instrument("fApit", "ASML Holding", "ASML", "NL0010273215", "XAMS"),
  instrument("Nq7a2", "ASML Holding", "ASML", "NL0010273215", "XNAS"),
  instrument("SxjmV", "ASML Holding option", "ASML", undefined, "XEUE", "optionClass"),
  instrument("1Hjpw", "Binck Turbo Long ASML 489.9", "TASML", "NL0015802174", "XAMS", "turbo"),
  instrument("viiXY", "Danone", "BN", "FR0000120644", "XPAR"),
  instrument("4mFfd", "Danone SRD", "BN", "FR0000120644", "XPAR", "srdClass"),
  instrument("cgL0Z", "Shell", "SHELL", "GB00BP6MXD84", "XAMS"),
  instrument("09l8Q", "Shell", "SHEL", "GB00BP6MXD84", "XLON"),
  instrument("aaaaa", "Turbo A", "TAEX", "NL0015800012", "XAMS", "turbo"),
  instrument("bbbbb", "Turbo B", "TAEX", "NL0015800020", "XAMS", "turbo"),
  instrument("ADYEN", "Not Adyen (an id in capitals)", "ZZZ", "NL0000000018", "XAMS"),
  instrument("x1y2z", "Adyen", "ADYEN", "NL0012969182", "XAMS"),
];

/** The sandbox's search rules over CATALOGUE, answered through real HTTP shapes; counts every request. */
function fakeApi() {
  const requests: string[] = [];
  const fetchFn = async (url: string, _init?: HttpRequestInit) => {
    const parsed = new URL(url);
    requests.push(`${parsed.pathname}${parsed.search}`);
    const q = parsed.searchParams;
    const ok = (instruments: InstrumentModel[]) => new Response(JSON.stringify({ instrumentsCollection: { instruments }, count: instruments.length, metadata: { version: "1", timestamp: "t" } }), { status: 200 });
    const byId = /^\/api\/v1\/instruments\/([^/]+)$/.exec(parsed.pathname);
    if (byId) {
      const found = CATALOGUE.filter((candidate) => candidate.id === decodeURIComponent(byId[1]));
      return found.length ? ok(found) : new Response(JSON.stringify({ developerMessage: "Instrument not found", endUserMessage: "Not found.", errorCode: "NotFound", errorId: "notFound" }), { status: 404 });
    }
    const isin = q.get("isin");
    if (isin) return ok(CATALOGUE.filter((candidate) => candidate.isincode === isin && (!q.get("mic") || candidate.marketIdentificationCode === q.get("mic"))));
    const text = q.get("searchText")!.toLowerCase();
    return ok(CATALOGUE.filter((candidate) => candidate.name.toLowerCase().includes(text) || candidate.symbol.toLowerCase().includes(text)));
  };
  return { requests, fetchFn };
}

const tokens: TokenSource = { getAccessToken: () => "t", renewAfterRejection: async () => false, noteActivity: () => undefined, onTokenRefreshed: () => () => undefined };

function setup(clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0))) {
  const api = fakeApi();
  const budget = new RequestBudget(clock);
  const client = new BinckRestClient("https://api.test/api/v1", tokens, api.fetchFn, undefined, budget);
  const resolver = new InstrumentResolver({ lookup: client, clock, timeZone: "Europe/Amsterdam", onCacheHit: () => budget.noteCacheHit() });
  return { clock, budget, resolver, requests: api.requests, resolve: (argument: string) => resolver.resolve(argument, { accountNumber: ACCOUNT }) };
}

async function refusal(promise: Promise<unknown>): Promise<Pick<BinckError, "code" | "endUserMessage">> {
  try {
    await promise;
  } catch (error) {
    const { code, endUserMessage } = error as BinckError;
    return { code, endUserMessage };
  }
  throw new Error("resolved, but a refusal was expected");
}

describe("InstrumentResolver", () => {
  it.each([
    ["NL0010273215:XAMS", "fApit", "/api/v1/instruments?accountNumber=190126781&isin=NL0010273215&mic=XAMS&range=0-99"],
    [" fr0000120644 ", "viiXY", "/api/v1/instruments?accountNumber=190126781&isin=FR0000120644&range=0-99"],
    ["bn", "viiXY", "/api/v1/instruments?accountNumber=190126781&searchText=BN&range=0-99"],
    ["asml:xnas", "Nq7a2", "/api/v1/instruments?accountNumber=190126781&searchText=ASML&range=0-99"],
    ["SHEL", "09l8Q", "/api/v1/instruments?accountNumber=190126781&searchText=SHEL&range=0-99"],
    ["viiXY", "viiXY", "/api/v1/instruments/viiXY?accountNumber=190126781"],
  ])("resolves %p to %s", async (argument, id, request) => {
    const { resolve, requests } = setup();
    expect((await resolve(argument)).id).toBe(id);
    expect(requests).toEqual([request]);
  });

  it("reads a 5-character word in capitals as a symbol first, and one with a small letter as an id first", async () => {
    const { resolve, requests } = setup();
    expect((await resolve("ADYEN")).name).toBe("Adyen");
    expect(requests).toEqual(["/api/v1/instruments?accountNumber=190126781&searchText=ADYEN&range=0-99"]);
    expect((await resolve("x1y2z")).name).toBe("Adyen");
    expect(requests).toHaveLength(1); // the id of a found instrument is cached too
    expect((await resolve("shell")).id).toBe("cgL0Z");
    expect(requests.slice(1)).toEqual(["/api/v1/instruments/shell?accountNumber=190126781", "/api/v1/instruments?accountNumber=190126781&searchText=SHELL&range=0-99"]);
  });

  it.each([
    ["ASML", "ASML is ambiguous: ASML Holding (XAMS), ASML Holding (XNAS) — use ASML:XAMS."],
    ["GB00BP6MXD84", "GB00BP6MXD84 is ambiguous: Shell (XAMS), Shell (XLON) — use GB00BP6MXD84:XAMS."],
    ["TAEX", "TAEX is ambiguous: Turbo A (XAMS, id aaaaa), Turbo B (XAMS, id bbbbb) — use the instrument id, e.g. aaaaa."],
    ["NL0010273215:XPAR", "No instrument with ISIN NL0010273215 is listed on XPAR."],
    ["US0378331005", "No instrument has ISIN US0378331005."],
    ["ASML:XPAR", "ASML is not listed on XPAR; it is on XAMS, XNAS."],
    ["NOPE", "No instrument has the symbol NOPE."],
    ["QQQQQ", "No instrument has the symbol or id QQQQQ."],
    ["qqqqq", "No instrument has the id or symbol qqqqq."],
    ["F", "F: Binck's search needs at least 2 characters, so a one-letter symbol cannot be looked up; use its ISIN or id."],
    ["NL0010273216", "Instrument 'NL0010273216': NL0010273216 has the shape of an ISIN but its check digit is wrong; give a Binck instrument id, an ISIN, ISIN:MIC, a symbol or SYMBOL:MIC (e.g. NL0010273215, NL0010273215:XAMS, ASML, ASML:XAMS)."],
    ["ASML:XA", "Instrument 'ASML:XA': 'XA' after ':' is not a market identification code (4 letters or digits, such as XAMS); give a Binck instrument id, an ISIN, ISIN:MIC, a symbol or SYMBOL:MIC (e.g. NL0010273215, NL0010273215:XAMS, ASML, ASML:XAMS)."],
    ["  ", "Instrument '  ': it is empty; give a Binck instrument id, an ISIN, ISIN:MIC, a symbol or SYMBOL:MIC (e.g. NL0010273215, NL0010273215:XAMS, ASML, ASML:XAMS)."],
    ["AS*ML", "Instrument 'AS*ML': a symbol is 1 to 20 letters, digits, spaces or . & / -; give a Binck instrument id, an ISIN, ISIN:MIC, a symbol or SYMBOL:MIC (e.g. NL0010273215, NL0010273215:XAMS, ASML, ASML:XAMS)."],
  ])("refuses %p: %s", async (argument, message) => {
    const { resolve } = setup();
    expect(await refusal(resolve(argument))).toEqual({ code: "invalidInput", endUserMessage: message });
  });

  it("sends one request for 1,000 cells asking for the same ISIN at once, and none for them later that day", async () => {
    const { resolve, requests, budget, clock } = setup();
    const answers = await Promise.all(Array.from({ length: 1_000 }, () => resolve("NL0010273215:XAMS")));
    expect(new Set(answers.map((answer) => answer.id))).toEqual(new Set(["fApit"]));
    expect(requests).toHaveLength(1);
    clock.advance(13 * 3_600_000); // 22:00 in Amsterdam
    await resolve("nl0010273215:xams");
    expect(requests).toHaveLength(1);
    expect(budget.figures()).toMatchObject({ sent: 1, cacheHits: 1 });
  });

  it("forgets every answer at the next local midnight, unknown ones included", async () => {
    // 22:59:59 in Amsterdam (UTC+1): one second before midnight.
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 22, 59, 59));
    const { resolve, requests } = setup(clock);
    await resolve("BN");
    await refusal(resolve("NOPE"));
    await resolve("BN");
    await refusal(resolve("NOPE"));
    expect(requests).toHaveLength(2);
    clock.advance(1_000);
    await resolve("BN");
    await refusal(resolve("NOPE"));
    expect(requests).toHaveLength(4);
  });

  it("explains a malformed argument as an unknown instrument (the order check's field problem), and a failed request stays an error", async () => {
    const { resolver } = setup();
    await expect(resolver.explain("Zzyzx Nonexistent Holding Company", { accountNumber: ACCOUNT })).resolves.toMatchObject({
      kind: "unknown",
      endUserMessage: expect.stringContaining("Instrument 'Zzyzx Nonexistent Holding Company': a symbol is 1 to 20 letters"),
    });
    await expect(resolver.explain("ASML", { accountNumber: ACCOUNT })).resolves.toMatchObject({ kind: "ambiguous" });
    const offline = new InstrumentResolver({
      clock: new ManualClock(0),
      lookup: {
        searchInstruments: async () => {
          throw new BinckError("network", "Binck cannot be reached. Check your connection.", "GET /instruments failed: offline");
        },
        getInstruments: async () => [],
      },
    });
    await expect(offline.explain("ASML", { accountNumber: ACCOUNT })).rejects.toMatchObject({ code: "network" });
  });

  it("does not cache a look-up that failed to reach Binck", async () => {
    const clock = new ManualClock(0);
    let calls = 0;
    const resolver = new InstrumentResolver({
      clock,
      lookup: {
        searchInstruments: async () => {
          calls++;
          throw new BinckError("network", "Binck cannot be reached. Check your connection.", "GET /instruments failed: offline");
        },
        getInstruments: async () => [],
      },
    });
    await expect(resolver.resolve("ASML", { accountNumber: ACCOUNT })).rejects.toMatchObject({ code: "network" });
    await expect(resolver.resolve("ASML", { accountNumber: ACCOUNT })).rejects.toMatchObject({ code: "network" });
    expect(calls).toBe(2);
  });

  it("hands its answers to a new resolver through a snapshot the same day, and not the next day", async () => {
    const first = setup();
    await first.resolve("BN");
    await refusal(first.resolve("ASML"));
    const snapshot = JSON.parse(JSON.stringify(first.resolver.snapshot()));
    expect(snapshot.expiresAtMs).toBe(Date.UTC(2026, 0, 5, 23, 0, 0));

    const reopened = setup(new ManualClock(Date.UTC(2026, 0, 5, 15, 0, 0)));
    expect(reopened.resolver.restore(snapshot)).toBe(true);
    expect((await reopened.resolve("BN")).id).toBe("viiXY");
    expect((await reopened.resolve("viiXY")).id).toBe("viiXY");
    expect((await refusal(reopened.resolve("ASML"))).endUserMessage).toContain("ASML is ambiguous");
    expect(reopened.requests).toEqual([]);

    const nextDay = setup(new ManualClock(Date.UTC(2026, 0, 5, 23, 0, 0)));
    expect(nextDay.resolver.restore(snapshot)).toBe(false);
    await nextDay.resolve("BN");
    expect(nextDay.requests).toHaveLength(1);
  });
});
