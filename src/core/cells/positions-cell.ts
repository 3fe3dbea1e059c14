import type { InstrumentModel, PositionModel } from "../wire/models";
import type { CellServices } from "./cell-services";
import { problemOf, type Emit, type Stop } from "./cell-output";
import { forAccount, orBlank, table, type AccountArgs, type TableRow } from "./portfolio-cell";

export const POSITION_COLUMNS = ["instrument", "ISIN", "symbol", "quantity", "average price", "last", "value", "result", "result %", "currency"] as const;

/**
 * =BINCK.POSITIONS: the account's positions (#6), fetched again after each execution (order events), priced live:
 * each instrument's last price comes from the QuoteStore (the subscription BINCK.QUOTE shares), and value, result
 * and result % follow it. Until a price arrives, Binck's own valuation is shown. ISIN and symbol come from the
 * instrument look-up (batched, cached until midnight).
 */
export function positionsCell(services: CellServices, args: AccountArgs, emit: Emit<TableRow[]>): Stop {
  return forAccount(services, args.account, emit, (ready, account) => {
    const { portfolio, quotes } = ready.streaming;
    let positions: PositionModel[] | undefined;
    const lastPrices = new Map<string, number>();
    const instruments = new Map<string, InstrumentModel>();
    const priceWatches = new Map<string, Stop>();
    let stopped = false;
    const show = () => {
      if (positions) emit(table(POSITION_COLUMNS, positions.map((position) => positionRow(position, lastPrices.get(position.instrument.id), instruments.get(position.instrument.id))), args.headers, `no positions in account ${account}`));
    };
    const follow = (ids: Set<string>) => {
      for (const [id, stop] of priceWatches) if (!ids.has(id)) {
        stop();
        priceWatches.delete(id);
        lastPrices.delete(id);
      }
      for (const id of ids) {
        if (priceWatches.has(id)) continue;
        priceWatches.set(id, quotes.watch(id, "Trades", (update) => {
          const last = update.kind === "quote" ? update.quote.values.get("lst")?.price : undefined;
          if (last === undefined || last === lastPrices.get(id)) return;
          lastPrices.set(id, last);
          show();
        }));
        if (!instruments.has(id)) {
          portfolio.getInstrument(account, id).then((found) => {
            if (stopped) return;
            instruments.set(id, found.value);
            show();
          }, (error: unknown) => services.logger.log("warn", `No instrument data for position ${id}: ${String(error)}`));
        }
      }
    };
    const stopWatch = portfolio.watchPositions(account, (update) => {
      if (!update.ok) return emit(problemOf(update.error));
      positions = update.value;
      follow(new Set(positions.map((position) => position.instrument.id)));
      show();
    });
    return () => {
      stopped = true;
      stopWatch();
      for (const stop of priceWatches.values()) stop();
    };
  });
}

/** One row; with a live last price, value = quantity × last and result = value − purchase value. */
export function positionRow(position: PositionModel, last: number | undefined, instrument: InstrumentModel | undefined): TableRow {
  const purchaseValue = position.result.purchaseValue;
  const value = last === undefined ? position.value : position.quantity * last;
  const result = last === undefined ? position.result.unrealized ?? value - purchaseValue : value - purchaseValue;
  const resultPercent = purchaseValue > 0 ? Math.round((result / purchaseValue) * 10_000) / 100 : "";
  return [
    position.instrument.name, orBlank(instrument?.isincode), orBlank(instrument?.symbol), position.quantity,
    orBlank(position.averageHistoricalPrice), orBlank(last), clean(value), clean(result), resultPercent, position.currency,
  ];
}

/** Products of prices and quantities without binary noise (0.1 × 3 is 0.30000000000000004). */
function clean(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}
