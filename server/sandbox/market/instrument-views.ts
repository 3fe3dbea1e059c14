import type { DerivativeClass, InstrumentModel } from "../../../src/core/wire/models";
import type { SandboxInstrument } from "./market";

/** The wire model, without the tick table unless asked for (includeTickSizes, default false). */
export function wireInstrument(instrument: SandboxInstrument, includeTickSizes: boolean): InstrumentModel {
  if (includeTickSizes) return instrument.model;
  const { tickSizeCollection: _dropped, ...rest } = instrument.model;
  return rest;
}

/** Search ranking: exact symbol first, then names that start with the text, then the rest by name. */
export function searchRank(instrument: SandboxInstrument, lowerText: string): number {
  const model = instrument.model;
  if (model.symbol.toLowerCase() === lowerText || model.tickerSymbol.toLowerCase() === lowerText) return 0;
  if (model.name.toLowerCase().startsWith(lowerText)) return 1;
  return 2;
}

export function matchesSearch(instrument: SandboxInstrument, lowerText: string): boolean {
  const model = instrument.model;
  return model.name.toLowerCase().includes(lowerText) || model.symbol.toLowerCase().includes(lowerText) || model.tickerSymbol.toLowerCase().includes(lowerText);
}

/** Series order of an option / future sheet: expiration, then strike, calls before puts. */
export function compareSeries(a: SandboxInstrument, b: SandboxInstrument): number {
  const left = a.model.derivativesInfo ?? {};
  const right = b.model.derivativesInfo ?? {};
  return (left.expirationDate ?? "").localeCompare(right.expirationDate ?? "")
    || (left.strike ?? 0) - (right.strike ?? 0)
    || (left.optionType === right.optionType ? 0 : left.optionType === "call" ? -1 : 1);
}

/** A derivative class of the sheet with the given (already paged) series. */
export function derivativeClass(classEntry: SandboxInstrument, series: readonly SandboxInstrument[], underlying?: SandboxInstrument): DerivativeClass {
  const model = classEntry.model;
  const info = model.derivativesInfo ?? {};
  return {
    ...(info.underlyingInstrumentId ? { underlyingInstrumentId: info.underlyingInstrumentId } : {}),
    name: model.name,
    symbol: model.symbol,
    ...(underlying?.model.isincode ? { isincode: underlying.model.isincode } : {}),
    ...(model.marketIdentificationCode ? { marketIdentificationCode: model.marketIdentificationCode } : {}),
    currency: model.currency,
    type: model.type,
    ...(info.contractSize !== undefined ? { contractSize: info.contractSize } : {}),
    series: series.map((entry) => {
      const seriesInfo = entry.model.derivativesInfo ?? {};
      return {
        instrumentId: entry.model.id,
        ...(seriesInfo.strike !== undefined ? { strike: seriesInfo.strike, strikeDecimals: seriesInfo.strikeDecimals } : {}),
        ...(seriesInfo.optionType ? { optionType: seriesInfo.optionType } : {}),
        ...(seriesInfo.contractSize !== undefined ? { contractSize: seriesInfo.contractSize } : {}),
        ...(seriesInfo.expirationDate ? { expirationDate: seriesInfo.expirationDate } : {}),
      };
    }),
  };
}
