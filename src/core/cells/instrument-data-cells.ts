import { earliestHistoryStart } from "../rest/account-queries";
import type { HistoryInterval } from "../wire/instruments";
import type { InstrumentModel, InstrumentType } from "../wire/models";
import type { CellServices } from "./cell-services";
import { invalidValue, problemOf, value, type Emit, type Stop } from "./cell-output";
import { withInstrument } from "./instrument-cell";
import { orBlank, table, type TableEntry, type TableRow } from "./portfolio-cell";
import { whileSignedIn } from "./signed-in-gate";

/** The fields of =BINCK.INSTRUMENT, in spill order (InstrumentModel of #21). */
export const INSTRUMENT_FIELDS = [
  "id", "name", "isin", "symbol", "tickerSymbol", "mic", "currency", "type", "priceDecimals", "tickSize", "isTradable", "isKidApplicable",
  "hasOptions", "hasFutures", "hasSrd", "hasLeveragedProducts", "hasOrderModifications", "underlyingInstrumentId", "strike", "optionType",
  "contractSize", "expirationDate",
] as const;
export type InstrumentField = (typeof INSTRUMENT_FIELDS)[number];

/** =BINCK.INSTRUMENT: one field of an instrument, or a two-column spill of all; looked up once, cached until midnight. */
export function instrumentCell(services: CellServices, args: { instrument: string; field?: InstrumentField; headers: boolean }, emit: Emit<TableEntry | TableRow[]>): Stop {
  return whileSignedIn(services, emit, (ready) =>
    withInstrument(services.clock, ready, args.instrument, emit, (found) => {
      let stopped = false;
      const show = (model: InstrumentModel) => {
        const values = instrumentValues(services, model);
        if (args.field === undefined) return emit(table(["field", "value"], INSTRUMENT_FIELDS.map((field) => [field, values[field]]), args.headers, ""));
        const entry = values[args.field];
        emit(entry === "" ? invalidValue(`instrument ${model.id} (${model.name}) has no ${args.field}`) : value(entry));
      };
      if (found.model?.tickSizeCollection) show(found.model);
      else ready.streaming.portfolio.getInstrument(ready.accountNumber, found.id).then(
        (fetched) => !stopped && show(fetched.value),
        (error: unknown) => !stopped && emit(problemOf(error)),
      );
      return () => {
        stopped = true;
      };
    }));
}

function instrumentValues(services: CellServices, model: InstrumentModel): Record<InstrumentField, TableEntry> {
  const derivative = model.derivativesInfo;
  const expiry = derivative?.expirationDate;
  return {
    id: model.id, name: model.name, isin: orBlank(model.isincode), symbol: model.symbol, tickerSymbol: model.tickerSymbol,
    mic: orBlank(model.marketIdentificationCode), currency: model.currency, type: model.type, priceDecimals: model.priceDecimals,
    tickSize: orBlank(model.tickSizeCollection?.tickSizes?.[0]?.size), isTradable: model.isTradable, isKidApplicable: model.isKidApplicable,
    hasOptions: model.hasOptions, hasFutures: model.hasFutures, hasSrd: model.hasSrd, hasLeveragedProducts: model.hasLeveragedProducts,
    hasOrderModifications: model.hasOrderModifications, underlyingInstrumentId: orBlank(derivative?.underlyingInstrumentId ?? model.srdInfo?.underlyingInstrumentId),
    strike: orBlank(derivative?.strike), optionType: orBlank(derivative?.optionType), contractSize: orBlank(derivative?.contractSize),
    expirationDate: expiry === undefined ? "" : services.toExcelDate(Date.parse(expiry)),
  };
}

export const SEARCH_COLUMNS = ["id", "name", "symbol", "ISIN", "MIC", "currency", "type"] as const;

/** =BINCK.SEARCH: instruments whose name matches (#20), one request per argument set. */
export function searchCell(services: CellServices, args: { text: string; type?: InstrumentType; count: number; headers: boolean }, emit: Emit<TableRow[]>): Stop {
  return whileSignedIn(services, emit, (ready) => {
    let stopped = false;
    ready.streaming.rest.searchInstruments({ accountNumber: ready.accountNumber, searchText: args.text, instrumentType: args.type, range: `0-${args.count - 1}` }, { priority: "visibleCell" }).then(
      (found) => {
        if (stopped) return;
        const rows = found.slice(0, args.count).map((model): TableRow => [model.id, model.name, model.symbol, orBlank(model.isincode), orBlank(model.marketIdentificationCode), model.currency, model.type]);
        emit(table(SEARCH_COLUMNS, rows, args.headers, `no instruments match '${args.text}'`));
      },
      (error: unknown) => !stopped && emit(problemOf(error)),
    );
    return () => {
      stopped = true;
    };
  });
}

export const HISTORY_COLUMNS = ["time", "open", "high", "low", "close", "volume"] as const;
/** Bars shown when `from` is omitted (fewer when Binck's span for the interval is shorter). */
export const DEFAULT_HISTORY_BARS = 100;
const BAR_DAYS: Readonly<Record<HistoryInterval, number>> = {
  oneMinute: 1 / 1440, fiveMinutes: 5 / 1440, tenMinutes: 10 / 1440, fifteenMinutes: 15 / 1440, oneHour: 1 / 24, oneDay: 1, oneWeek: 7, oneMonth: 31,
};

/** =BINCK.HISTORY: bars of an instrument (#30), oldest first; cached until the next bar begins. */
export function historyCell(services: CellServices, args: { instrument: string; fromMs?: number; toMs?: number; interval: HistoryInterval; headers: boolean }, emit: Emit<TableRow[]>): Stop {
  return whileSignedIn(services, emit, (ready) =>
    withInstrument(services.clock, ready, args.instrument, emit, (found) => {
      let stopped = false;
      const toMs = args.toMs ?? services.clock.now();
      const fromMs = args.fromMs ?? Math.max(earliestHistoryStart(args.interval, toMs), toMs - DEFAULT_HISTORY_BARS * BAR_DAYS[args.interval] * 86_400_000);
      const query = {
        accountNumber: ready.accountNumber, instrumentId: found.id, interval: args.interval,
        fromDateTime: new Date(fromMs).toISOString(), toDateTime: args.toMs === undefined ? undefined : new Date(args.toMs).toISOString(),
      };
      ready.streaming.portfolio.getHistory(query).then(
        (fetched) => {
          if (stopped) return;
          const rows = fetched.value.map((bar): TableRow => [services.toExcelDate(Date.parse(bar.dateTime)), bar.first, bar.high, bar.low, bar.last, bar.cumVol]);
          emit(table(HISTORY_COLUMNS, rows, args.headers, `no ${args.interval} bars in this period`));
        },
        (error: unknown) => !stopped && emit(problemOf(error)),
      );
      return () => {
        stopped = true;
      };
    }));
}
