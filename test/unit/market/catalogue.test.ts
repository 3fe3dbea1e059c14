import { INSTRUMENT_LIST_IDS } from "../../../src/core/wire/instruments";
import { buildCatalogue } from "../../../server/sandbox/market/catalogue/build-catalogue";
import { isValidIsin } from "../../../server/sandbox/market/catalogue/isin";
import { INSTRUMENT_ID_PATTERN } from "../../../server/sandbox/market/hashing";
import { isValidPrice } from "../../../server/sandbox/market/tick-sizes";

const SEED = 20210630;
const DAY = Date.UTC(2026, 0, 5, 9);

describe("catalogue", () => {
  const catalogue = buildCatalogue(SEED, DAY);
  const all = catalogue.all();

  it("lists at least 200 listed instruments and well over 3,000 quotable ones", () => {
    const listed = all.filter((entry) => !["option", "future", "optionClass", "futureClass", "srdClass"].includes(entry.model.type));
    expect(listed.length).toBeGreaterThanOrEqual(200);
    expect(all.filter((entry) => entry.quotable).length).toBeGreaterThan(4000);
    expect(all.filter((entry) => entry.model.type === "optionClass").length).toBeGreaterThan(20);
    expect(all.filter((entry) => entry.model.type === "futureClass").length).toBeGreaterThan(5);
    expect(all.filter((entry) => entry.model.type.endsWith("Class")).every((entry) => !entry.quotable)).toBe(true);
  });

  it.each([
    ["NL0010273215", "XAMS", "ASML Holding"], ["NL0011821202", "XAMS", "ING Groep"], ["FR0000120644", "XPAR", "Danone"],
    ["US0378331005", "XNAS", "Apple"], ["BE0974293251", "XBRU", "Anheuser-Busch InBev"], ["DE0007164600", "XETR", "SAP"],
    ["NL0000009538", "XAMS", "Koninklijke Philips"], ["IT0003132476", "XMIL", "Eni"],
  ])("holds %s on %s (%s), a tradable equity, first of its ISIN", (isin, mic, name) => {
    const found = catalogue.byIsin(isin, mic);
    expect(found.filter((entry) => entry.model.type === "equity")).toHaveLength(1);
    const entry = found[0];
    expect(entry.model).toMatchObject({ name, isincode: isin, marketIdentificationCode: mic, type: "equity", isTradable: true });
  });

  it("gives every instrument a unique 5-character id", () => {
    const ids = all.map((entry) => entry.model.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !INSTRUMENT_ID_PATTERN.test(id))).toEqual([]);
  });

  it("makes the same ids for the same seed and others for another seed", () => {
    const again = buildCatalogue(SEED, DAY + 3_600_000).byIsin("NL0010273215", "XAMS")[0].model.id;
    expect(again).toBe(catalogue.byIsin("NL0010273215", "XAMS")[0].model.id);
    expect(buildCatalogue(SEED + 1, DAY).byIsin("NL0010273215", "XAMS")[0].model.id).not.toBe(again);
  });

  it("answers every list id of the swagger enum with members", () => {
    expect(INSTRUMENT_LIST_IDS.filter((listId) => catalogue.list(listId).length === 0)).toEqual([]);
    expect(catalogue.list("amsterdamAEXIndex").map((entry) => entry.model.symbol)).toEqual(expect.arrayContaining(["ASML", "INGA", "PHIA", "AEX"]));
    expect(catalogue.list("internationalIndices").every((entry) => entry.model.type === "index")).toBe(true);
  });

  it("has valid ISIN check digits everywhere", () => {
    expect(all.flatMap((entry) => (entry.model.isincode && !isValidIsin(entry.model.isincode) ? [entry.model.isincode] : []))).toEqual([]);
  });

  it("links option series to their class and underlying, with reference prices on the tick grid", () => {
    const series = all.filter((entry) => entry.model.type === "option");
    const asml = catalogue.byIsin("NL0010273215", "XAMS")[0];
    const asmlSeries = series.filter((entry) => entry.model.derivativesInfo?.underlyingInstrumentId === asml.model.id);
    expect(asmlSeries.length).toBe(6 * 13 * 2);
    expect(new Set(asmlSeries.map((entry) => catalogue.get(entry.classId!)!.model.type))).toEqual(new Set(["optionClass"]));
    expect(asml.model).toMatchObject({ hasOptions: true, hasFutures: true, hasLeveragedProducts: true });
    for (const entry of all) if (entry.pricing.kind === "walk" && entry.quotable && entry.model.type !== "bond") expect(isValidPrice(entry.ticks, entry.pricing.reference)).toBe(true);
  });
});
