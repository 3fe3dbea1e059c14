import type { InstrumentModel } from "../../../src/core/wire/models";
import type { SandboxInstrument } from "../../../server/sandbox/market/market";
import type { FakeMarket } from "../../fakes/fake-market";

/** ING options on Euronext derivatives (XEUE, trading right optionsNl), 100 per contract. */
export const ING_CALL_12 = "oIc12";
export const ING_CALL_13 = "oIc13";
export const ING_PUT_12 = "oIp12";
/** An option on another underlying (ASML): it does not combine with the ING options. */
export const ASML_CALL_600 = "oAc600";
/** A series that cannot be traded. */
export const ING_CALL_20_UNTRADABLE = "oIc20";

const OPTIONS: Array<[string, string, string, number, "call" | "put", number, boolean]> = [
  [ING_CALL_12, "ING C 12.00 MAR26", "iNg01", 12, "call", 0.8, true],
  [ING_CALL_13, "ING C 13.00 MAR26", "iNg01", 13, "call", 0.3, true],
  [ING_PUT_12, "ING P 12.00 MAR26", "iNg01", 12, "put", 0.25, true],
  [ASML_CALL_600, "ASML C 600.00 MAR26", "aSm1L", 600, "call", 20, true],
  [ING_CALL_20_UNTRADABLE, "ING C 20.00 MAR26", "iNg01", 20, "call", 0.01, false],
];

/**
 * Adds option series to a FakeMarket (whose own list has only cash instruments) and resets its quotes:
 * each option's book is its price ± 0.01 per level, 100 × level contracts deep, like the fake's shares.
 */
export function addOptions(market: FakeMarket): void {
  for (const [id, name, underlyingInstrumentId, strike, optionType, price, isTradable] of OPTIONS) {
    const model: InstrumentModel = {
      id, name, symbol: name.split(" ")[0], tickerSymbol: name.split(" ")[0], type: "option",
      marketIdentificationCode: "XEUE", currency: "EUR", priceDecimals: 2, isTradable, isKidApplicable: false,
      hasOptions: false, hasFutures: false, hasSrd: false, hasLeveragedProducts: false, hasOrderModifications: true,
      tickSizeCollection: { tickSizes: [{ from: 0, size: 0.01 }] },
      derivativesInfo: { underlyingInstrumentId, strike, strikeDecimals: 2, optionType, contractSize: 100, expirationDate: "2026-03-20T00:00:00Z" },
    };
    market.instruments.push({ model, lists: [], quotable: true, referencePrice: price } as SandboxInstrument);
  }
  market.reset();
}
