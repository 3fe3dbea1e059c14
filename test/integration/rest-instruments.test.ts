import { ManualClock } from "../../src/core/clock";
import { INSTRUMENT_LIST_IDS } from "../../src/core/wire/instruments";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const ACCOUNT = "190126781";

describe("REST instruments (#20-#28)", () => {
  let sandbox: TestSandbox;
  let token: string;
  const get = async (path: string) => {
    const response = await sandbox.api(`/api/v1${path}`, { token });
    const isJson = (response.headers.get("content-type") ?? "").includes("json");
    return { status: response.status, response, body: isJson ? await response.json() : undefined };
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clock: new ManualClock(), requestsPerWindow: 10_000 });
    token = (await sandbox.signIn("jansen")).access_token;
  });
  afterAll(() => sandbox.close());

  describe("GET /instruments", () => {
    it("finds Danone by ISIN, with tick sizes only when asked", async () => {
      const plain = await get(`/instruments?accountNumber=${ACCOUNT}&isin=FR0000120644&range=0-10`);
      expect(plain.status).toBe(200);
      expect(plain.body.count).toBe(2);
      const danone = plain.body.instrumentsCollection.instruments[0];
      expect(danone).toMatchObject({ name: "Danone", isincode: "FR0000120644", marketIdentificationCode: "XPAR", type: "equity", currency: "EUR" });
      expect(danone.tickSizeCollection).toBeUndefined();
      expect(plain.body.paging).toEqual({ offset: 0, limit: 1, max: 100, refresh: "range=0-10" });
      const ticks = await get(`/instruments?accountNumber=${ACCOUNT}&isin=FR0000120644&includeTickSizes=true&instrumentType=equity`);
      expect(ticks.body.instrumentsCollection.instruments).toHaveLength(1);
      expect(ticks.body.instrumentsCollection.instruments[0].tickSizeCollection.tickSizes[0]).toEqual({ from: 0, size: 0.0001 });
      expect(ticks.body.metadata).toEqual({ version: expect.any(String), timestamp: expect.any(String) });
    });

    it("searches text case-insensitively, exact symbols first, without option series", async () => {
      const { body } = await get(`/instruments?accountNumber=${ACCOUNT}&searchText=asml`);
      expect(body.instrumentsCollection.instruments[0]).toMatchObject({ symbol: "ASML", type: "equity" });
      expect(body.instrumentsCollection.instruments.some((instrument: { type: string }) => instrument.type === "option")).toBe(false);
      const options = await get(`/instruments?accountNumber=${ACCOUNT}&searchText=asml&instrumentType=option&range=0-4`);
      expect(options.body.count).toBe(156);
      expect(options.body.paging.next).toBe("range=5-9");
      const srd = await get(`/instruments?accountNumber=${ACCOUNT}&searchText=danone&instrumentType=srd`);
      expect(srd.body.instrumentsCollection.instruments.map((instrument: { type: string }) => instrument.type)).toEqual(["srdClass"]);
    });

    it.each([
      ["", 400, "searchText: searchText or isin is required."],
      ["&searchText=a", 400, "searchText: 'a' is shorter than 2 characters."],
      ["&isin=fr0000120644", 400, "isin: 'fr0000120644' does not match ^([A-Z]{2})([A-Z0-9]{5,})$."],
      ["&searchText=danone&isin=FR0000120644", 400, "isin: cannot be combined with searchText; give one of them."],
      ["&searchText=danone&mic=XPAR", 400, "mic: may only be used together with isin."],
      ["&searchText=danone&instrumentType=share", 400, "instrumentType: 'share' is not one of"],
    ])("refuses bad input %s", async (extra, status, message) => {
      const { status: actual, body } = await get(`/instruments?accountNumber=${ACCOUNT}${extra}`);
      expect(actual).toBe(status);
      expect(body.errorId).toBe("validationError");
      expect(body.developerMessage).toContain(message);
    });

    it("requires the caller's own account number", async () => {
      expect((await get("/instruments?searchText=danone")).body.developerMessage).toBe("accountNumber: is required.");
      // Another person's account is never visible; this operation declares no 404, so it is a 400.
      const foreign = await get("/instruments?searchText=danone&accountNumber=270055410");
      expect({ status: foreign.status, errorId: foreign.body.errorId }).toEqual({ status: 400, errorId: "noMatchingAccountInfoFound" });
    });
  });

  describe("GET /instruments/{id}", () => {
    it("answers a comma list, %2C encoded too, in the order asked", async () => {
      const ids = (await get(`/instruments?accountNumber=${ACCOUNT}&searchText=philips`)).body.instrumentsCollection.instruments[0].id;
      const asml = (await get(`/instruments?accountNumber=${ACCOUNT}&isin=NL0010273215&mic=XAMS`)).body.instrumentsCollection.instruments[0].id;
      const { status, body } = await get(`/instruments/${asml}%2C${ids}?accountNumber=${ACCOUNT}`);
      expect(status).toBe(200);
      expect(body.instrumentsCollection.instruments.map((instrument: { id: string }) => instrument.id)).toEqual([asml, ids]);
      expect(body.count).toBe(2);
    });

    it("answers 404 naming unknown ids and 400 for malformed ones", async () => {
      const missing = await get(`/instruments/zzzzz?accountNumber=${ACCOUNT}`);
      expect(missing.status).toBe(404);
      expect(missing.body.developerMessage).toBe("Instrument zzzzz was not found.");
      expect((await get(`/instruments/ab-cd?accountNumber=${ACCOUNT}`)).status).toBe(400);
    });
  });

  describe("GET /instruments/lists/{id}", () => {
    it("answers every list id of the swagger enum with members", async () => {
      for (const listId of INSTRUMENT_LIST_IDS) {
        const { status, body } = await get(`/instruments/lists/${listId}?accountNumber=${ACCOUNT}&range=0-0`);
        expect([listId, status, body.count > 0]).toEqual([listId, 200, true]);
      }
    });

    it("filters allInstruments by market and answers 404 for unknown lists", async () => {
      const { body } = await get(`/instruments/lists/allInstruments?accountNumber=${ACCOUNT}&mic=XBRU&range=0-99`);
      expect(body.count).toBeGreaterThan(15);
      expect(body.instrumentsCollection.instruments.every((instrument: { marketIdentificationCode: string }) => instrument.marketIdentificationCode === "XBRU")).toBe(true);
      const unknown = await get(`/instruments/lists/bogus?accountNumber=${ACCOUNT}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.developerMessage).toContain("List 'bogus' was not found");
    });
  });

  describe("product sheets", () => {
    it("filters turbos with stoplossMin/Max and with the demo's stopLossRange the same way", async () => {
      const base = `/instruments/leveragedproducts?accountNumber=${ACCOUNT}&category=indices&publisher=all&longShort=long&type=regular`;
      const all = await get(base);
      expect(all.body.count).toBeGreaterThan(0);
      for (const turbo of all.body.instrumentsCollection.instruments) expect(turbo).toMatchObject({ type: "turbo", leveragedProduct: { stopLossLevel: expect.any(Number) } });
      const swagger = await get(`${base}&stoplossMin=700&stoplossMax=900`);
      const demo = await get(`${base}&stopLossRange=700-900`);
      expect(demo.body.instrumentsCollection).toEqual(swagger.body.instrumentsCollection);
      expect(swagger.body.count).toBeLessThan(all.body.count);
      expect((await get(`${base}&stopLossRange=9-1`)).body.developerMessage).toBe("stopLossRange: '9-1': the minimum is above the maximum.");
      expect((await get(`${base}&stopLossRange=1-9&stoplossMin=1`)).status).toBe(400);
      expect((await get(`${base.replace("publisher=all", "publisher=lehman")}`)).status).toBe(400);
    });

    it("lists certificates per exchange and bonds per type (required)", async () => {
      const sedex = await get(`/instruments/certificates?accountNumber=${ACCOUNT}`);
      expect(sedex.body.instrumentsCollection.instruments.every((instrument: { marketIdentificationCode: string; type: string }) => instrument.type === "certificate" && instrument.marketIdentificationCode === "SEDX")).toBe(true);
      expect((await get(`/instruments/certificates?accountNumber=${ACCOUNT}&exchange=certificatesEuronext`)).body.count).toBe(3);
      const bonds = await get(`/instruments/bonds?accountNumber=${ACCOUNT}&type=bondsAmsterdamGovernment`);
      expect(bonds.body.count).toBe(3);
      expect(bonds.body.instrumentsCollection.instruments[0]).toMatchObject({ type: "bond", bondInfo: {} });
      const missing = await get(`/instruments/bonds?accountNumber=${ACCOUNT}`);
      expect(missing.status).toBe(400);
      expect(missing.body.developerMessage).toMatch(/^type: is required: one of bondsAmsterdamConvertible/);
    });
  });

  describe("GET /instruments/derivatives", () => {
    it("gives the option sheet of a symbol ordered by expiration then strike, paging over series", async () => {
      const first = await get(`/instruments/derivatives?accountNumber=${ACCOUNT}&symbol=ASML&marketIdentificationCode=XEUE&range=0-49`);
      expect(first.status).toBe(200);
      // ASML has 156 option series and (same symbol and market) 2 stock futures.
      expect(first.body.count).toBe(158);
      const [sheet, ...others] = first.body.derivativesCollection.classes;
      expect(others).toEqual([]);
      expect(sheet).toMatchObject({ symbol: "ASML", type: "optionClass", marketIdentificationCode: "XEUE", currency: "EUR", contractSize: 100, isincode: "NL0010273215" });
      const keys = sheet.series.map((series: { expirationDate: string; strike: number; optionType: string }) => `${series.expirationDate}|${String(series.strike).padStart(8, "0")}|${series.optionType}`);
      expect(keys).toEqual([...keys].sort());
      expect(sheet.series).toHaveLength(50);
      expect(first.body.paging.next).toBe("range=50-99");
    });

    it("gives options and futures by underlying id; refuses both selectors or none", async () => {
      const aex = (await get(`/instruments?accountNumber=${ACCOUNT}&searchText=AEX&instrumentType=index`)).body.instrumentsCollection.instruments[0];
      const { body } = await get(`/instruments/derivatives?accountNumber=${ACCOUNT}&underlyingInstrumentId=${aex.id}&range=250-299`);
      expect(body.count).toBe(21 * 2 * 6 + 4);
      expect(body.derivativesCollection.classes.map((entry: { type: string; symbol: string; series: unknown[] }) => `${entry.type}:${entry.symbol}:${entry.series.length}`))
        .toEqual(["optionClass:AEX:2", "futureClass:FTI:4"]);
      expect(body.derivativesCollection.classes[1].series[0]).toEqual({ instrumentId: expect.any(String), contractSize: 200, expirationDate: "2026-01-16T00:00:00Z" });
      expect((await get(`/instruments/derivatives?accountNumber=${ACCOUNT}`)).body.developerMessage).toBe("symbol: symbol or underlyingInstrumentId is required.");
      expect((await get(`/instruments/derivatives?accountNumber=${ACCOUNT}&symbol=AEX&underlyingInstrumentId=${aex.id}`)).status).toBe(400);
    });
  });

  describe("KIDs", () => {
    it("lists the documents of a turbo and serves a valid PDF attachment", async () => {
      const turbo = (await get(`/instruments/leveragedproducts?accountNumber=${ACCOUNT}&range=0-0`)).body.instrumentsCollection.instruments[0];
      expect(turbo.isKidApplicable).toBe(true);
      const kids = await get(`/instruments/${turbo.id}/kid?accountNumber=${ACCOUNT}`);
      expect(kids.body.kidCollection.kids).toEqual([
        { name: `Essentiële-informatiedocument ${turbo.name}`, kidId: `${turbo.id}-NL` },
        { name: `Key information document ${turbo.name}`, kidId: `${turbo.id}-EN` },
      ]);
      const pdf = await sandbox.api(`/api/v1/instruments/${turbo.id}/kid/${encodeURIComponent(`${turbo.id}-NL`)}?accountNumber=${ACCOUNT}`, { token });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="Essentiele-informatiedocument ${turbo.name}.pdf"`);
      const bytes = Buffer.from(await pdf.arrayBuffer()).toString("latin1");
      expect(bytes.startsWith("%PDF-1.4\n")).toBe(true);
      expect(bytes.trimEnd().endsWith("%%EOF")).toBe(true);
      const startxref = Number(/startxref\n(\d+)/.exec(bytes)![1]);
      expect(bytes.slice(startxref, startxref + 4)).toBe("xref");
    });

    it("answers an equity with no documents, unknown KIDs with 404, and needs the write scope", async () => {
      const asml = (await get(`/instruments?accountNumber=${ACCOUNT}&isin=NL0010273215`)).body.instrumentsCollection.instruments[0];
      expect((await get(`/instruments/${asml.id}/kid?accountNumber=${ACCOUNT}`)).body.kidCollection.kids).toEqual([]);
      expect((await get(`/instruments/${asml.id}/kid/nope?accountNumber=${ACCOUNT}`)).status).toBe(404);
      const readOnly = (await sandbox.signIn("jansen", { scope: "read" })).access_token;
      const refused = await sandbox.api(`/api/v1/instruments/${asml.id}/kid?accountNumber=${ACCOUNT}`, { token: readOnly });
      expect(refused.status).toBe(401);
    });
  });
});
