import type { HttpRequestInit } from "../../src/core/http/http";
import type { InstrumentModel } from "../../src/core/wire/models";
import { synthesizeIsin } from "../../server/sandbox/market/catalogue/isin";

export function fakeInstrument(id: string, name: string, isincode: string | undefined, mic: string, type: InstrumentModel["type"] = "equity"): InstrumentModel {
  return {
    id, name, symbol: name.toUpperCase().slice(0, 6), tickerSymbol: name.toUpperCase().slice(0, 6), type, currency: "EUR", priceDecimals: 2,
    isTradable: true, isKidApplicable: false, hasOptions: false, hasFutures: false, hasSrd: false, hasLeveragedProducts: false,
    hasOrderModifications: true, ...(isincode ? { isincode } : {}), marketIdentificationCode: mic,
  };
}

/**
 * A catalogue shaped like the sandbox's: 250 instruments on XAMS, 80 on XPAR (each with an SRD class of the same
 * ISIN), 900 without ISIN on XEUE, 500 on XBIG, one ISIN listed on XAMS and XLON, and an
 * option class (not in the lists) with an ISIN of its own.
 */
export function fakeCatalogue(): InstrumentModel[] {
  const catalogue: InstrumentModel[] = [];
  for (let n = 0; n < 250; n++) catalogue.push(fakeInstrument(`A${String(n).padStart(4, "0")}`, `Amsterdam ${n}`, synthesizeIsin("NL", n), "XAMS"));
  for (let n = 0; n < 80; n++) {
    const isin = synthesizeIsin("FR", n);
    catalogue.push(fakeInstrument(`P${String(n).padStart(4, "0")}`, `Paris ${n}`, isin, "XPAR"));
    catalogue.push(fakeInstrument(`S${String(n).padStart(4, "0")}`, `Paris ${n} SRD`, isin, "XPAR", "srdClass"));
  }
  for (let n = 0; n < 900; n++) catalogue.push(fakeInstrument(`O${String(n).padStart(4, "0")}`, `Option ${n}`, undefined, "XEUE", "option"));
  for (let n = 0; n < 500; n++) catalogue.push(fakeInstrument(`B${String(n).padStart(4, "0")}`, `Big ${n}`, synthesizeIsin("DE", n), "XBIG"));
  catalogue.push(fakeInstrument("cgL0Z", "Shell", "GB00BP6MXD84", "XAMS"), fakeInstrument("09l8Q", "Shell", "GB00BP6MXD84", "XLON"));
  catalogue.push(fakeInstrument("SxjmV", "Class", synthesizeIsin("US", 1), "XEUE", "optionClass"));
  return catalogue;
}

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

/**
 * GET /instruments?isin=, GET /instruments/{id} and GET /instruments/lists/allInstruments (every instrument but
 * the option and future classes, `mic` filter, `range` pages with `count` and `paging.next`), as the sandbox
 * answers them; every request is recorded.
 */
export function fakeInstrumentApi(catalogue = fakeCatalogue(), options: { listsMissing?: boolean } = {}) {
  const requests: string[] = [];
  const fetchFn = async (url: string, _init?: HttpRequestInit) => {
    const parsed = new URL(url);
    requests.push(`${parsed.pathname}${parsed.search}`);
    const q = parsed.searchParams;
    const metadata = { version: "1", timestamp: "t" };
    if (parsed.pathname === "/api/v1/instruments/lists/allInstruments") {
      if (options.listsMissing) return new Response(JSON.stringify({ developerMessage: "List not found", endUserMessage: "Not found.", errorCode: "NotFound", errorId: "notFound" }), { status: 404 });
      const members = catalogue.filter((instrument) => instrument.type !== "optionClass" && instrument.type !== "futureClass" && (!q.get("mic") || instrument.marketIdentificationCode === q.get("mic")));
      const [first, last] = q.get("range")!.split("-").map(Number);
      const items = members.slice(first, Math.min(last, first + 99) + 1);
      const end = first + items.length;
      const paging = { offset: first, limit: end - 1, max: 100, refresh: `range=${first}-${last}`, ...(end < members.length ? { next: `range=${end}-${end + 99}` } : {}) };
      return ok({ instrumentsCollection: { instruments: items }, count: members.length, paging, metadata });
    }
    const byId = /^\/api\/v1\/instruments\/([^/]+)$/.exec(parsed.pathname);
    if (byId) return ok({ instrumentsCollection: { instruments: catalogue.filter((instrument) => instrument.id === byId[1]) }, count: 1, metadata });
    const isin = q.get("isin")!;
    const found = catalogue.filter((instrument) => instrument.isincode === isin && (!q.get("mic") || instrument.marketIdentificationCode === q.get("mic")));
    return ok({ instrumentsCollection: { instruments: found }, count: found.length, metadata });
  };
  return { requests, fetchFn, catalogue };
}
