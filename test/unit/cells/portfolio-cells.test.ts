import { accountsCell, balanceCell, ordersCell, transactionsCell } from "../../../src/core/cells/account-cells";
import { historyCell, instrumentCell, searchCell } from "../../../src/core/cells/instrument-data-cells";
import { positionsCell } from "../../../src/core/cells/positions-cell";
import { quoteCell } from "../../../src/core/cells/quote-cell";
import type { TableEntry, TableRow } from "../../../src/core/cells/portfolio-cell";
import { QUOTE_FIELDS } from "../../../src/core/quotes/quote-fields";
import type { OrderModel, PositionModel } from "../../../src/core/wire/models";
import { cellHarness, instrument, outputs, settle } from "./cell-harness";

const ASML = instrument("eM1X1", "NL0010273215", "ASML Holding");

function position(id: string, name: string, quantity: number, purchaseValue: number, value: number): PositionModel {
  const result = { currency: "EUR", purchaseValue, realized: 0, total: value - purchaseValue, unrealized: value - purchaseValue };
  return { instrument: { id, name }, quantity, currency: "EUR", value, averageHistoricalPrice: purchaseValue / quantity, result, resultInEuro: result };
}

function order(number: number, status: OrderModel["lastStatus"]): OrderModel {
  return {
    number, instrument: { id: "eM1X1", name: "ASML Holding" }, type: "limit", currency: "EUR", duration: "day", side: "buy", limitPrice: 600,
    quantity: 10, lastStatus: status, lastStatusDateTime: "2026-01-05T09:00:00Z",
  };
}

/** Ready for cells: the fake REST holds one position in account 190126781. */
function portfolioHarness() {
  const h = cellHarness({ instruments: [ASML] });
  h.binck.positions.set("190126781", [position("eM1X1", "ASML Holding", 10, 6_000, 6_100)]);
  h.binck.balances.set("190126781", { currency: "EUR", balances: [{ assetsTotalValue: 16_100, cashBalance: 10_000, portfolioValue: 6_100, availableSpendingLimit: 10_000, cashBalancesCollection: {} }] });
  return h;
}

/** Settles promises and the portfolio's batching and invalidation timers. */
async function flush(h: ReturnType<typeof cellHarness>, ms = 0) {
  await settle();
  h.clock.advance(ms);
  await settle();
}

describe("positionsCell (=BINCK.POSITIONS)", () => {
  it("spills the positions with a header row, ISIN and symbol from the instrument look-up, Binck's valuation until a price arrives", async () => {
    const h = portfolioHarness();
    const out = outputs<TableRow[]>();
    positionsCell(h.services, { headers: true }, out.emit);
    await flush(h);
    expect(out.last()).toEqual({ ok: true, value: [
      ["instrument", "ISIN", "symbol", "quantity", "average price", "last", "value", "result", "result %", "currency"],
      ["ASML Holding", "NL0010273215", "EM1X1", 10, 600, "", 6_100, 100, 1.67, "EUR"],
    ] });
    expect(h.binck.calls).toEqual(["positions 190126781", "instruments eM1X1"]);
  });

  it("prices each position live from the feed, sharing the subscription with BINCK.QUOTE", async () => {
    const h = portfolioHarness();
    const out = outputs<TableRow[]>();
    const quote = outputs<number>();
    quoteCell(h.services, { instrument: "eM1X1", field: QUOTE_FIELDS.get("lst")!, property: "price" }, quote.emit);
    positionsCell(h.services, { headers: false }, out.emit);
    await flush(h);
    h.feed.quote("eM1X1", [{ msg: "qu", typ: "lst", prc: 630.5 }]);
    expect(out.last()).toEqual({ ok: true, value: [["ASML Holding", "NL0010273215", "EM1X1", 10, 600, 630.5, 6_305, 305, 5.08, "EUR"]] });
    expect(quote.last()).toEqual({ ok: true, value: 630.5 });
    expect(h.feed.active()).toEqual(["eM1X1"]);
  });

  it("shows new rows after an OrderExecution of its account, one fetch for a burst of fills, none for another account's", async () => {
    const h = portfolioHarness();
    const out = outputs<TableRow[]>();
    positionsCell(h.services, { headers: false }, out.emit);
    await flush(h);
    h.binck.positions.set("190126781", [position("eM1X1", "ASML Holding", 25, 15_000, 15_250)]);
    h.feed.orderEvent("OrderExecution", "999999999", "executed");
    h.feed.orderEvent("OrderStatus", "190126781", "placed");
    await flush(h, 250);
    expect(h.binck.calls.filter((call) => call.startsWith("positions"))).toHaveLength(1);
    h.feed.orderEvent("OrderExecution", "190126781", "partiallyExecuted");
    h.feed.orderEvent("OrderExecution", "190126781", "executed");
    await flush(h, 250);
    expect(h.binck.calls.filter((call) => call.startsWith("positions"))).toHaveLength(2);
    const last = out.last();
    expect(last.ok && last.value[0].slice(3, 4)).toEqual([25]);
  });

  it("follows the account picked in the taskpane, and an explicit account does not", async () => {
    const h = portfolioHarness();
    h.binck.positions.set("222", [position("eM1X1", "ASML Holding", 1, 600, 610)]);
    const following = outputs<TableRow[]>();
    const fixed = outputs<TableRow[]>();
    positionsCell(h.services, { headers: false }, following.emit);
    positionsCell(h.services, { account: "190126781", headers: false }, fixed.emit);
    await flush(h);
    h.account.set("222");
    await flush(h);
    const quantity = (output: ReturnType<typeof following.last>) => output.ok && output.value[0][3];
    expect([quantity(following.last()), quantity(fixed.last())]).toEqual([1, 10]);
    expect(h.binck.calls.filter((call) => call.startsWith("positions"))).toEqual(["positions 190126781", "positions 222"]);
  });

  it("says so when the account holds nothing and headers are off", async () => {
    const h = cellHarness();
    const out = outputs<TableRow[]>();
    positionsCell(h.services, { headers: false }, out.emit);
    await flush(h);
    expect(out.last()).toEqual({ ok: false, problem: { kind: "notAvailable", message: "no positions in account 190126781" } });
  });
});

describe("balanceCell (=BINCK.BALANCE)", () => {
  it("gives one field, or every field in two columns", async () => {
    const h = portfolioHarness();
    const one = outputs<TableEntry | TableRow[]>();
    const all = outputs<TableEntry | TableRow[]>();
    balanceCell(h.services, { field: "cashBalance", headers: true }, one.emit);
    balanceCell(h.services, { headers: false }, all.emit);
    await flush(h);
    expect(one.last()).toEqual({ ok: true, value: 10_000 });
    expect(all.last()).toEqual({ ok: true, value: [
      ["assetsTotalValue", 16_100], ["cashBalance", 10_000], ["portfolioValue", 6_100], ["availableSpendingLimit", 10_000], ["availableSpendingLimitSrd", ""], ["currency", "EUR"],
    ] });
    expect(h.binck.calls).toEqual(["balances 190126781"]);
  });

  it("shows Binck's maintenance message as #N/A and recovers by itself when Binck is back", async () => {
    const h = portfolioHarness();
    h.binck.down = "Binck is being maintained until 10:30.";
    const out = outputs<TableEntry | TableRow[]>();
    balanceCell(h.services, { field: "cashBalance", headers: true }, out.emit);
    await flush(h);
    expect(out.last()).toEqual({ ok: false, problem: { kind: "notAvailable", message: "Binck is being maintained until 10:30." } });
    h.binck.down = undefined;
    h.binckIsBack();
    await flush(h);
    expect(out.last()).toEqual({ ok: true, value: 10_000 });
  });

  it("is #VALUE! naming the field when the account has no such balance", async () => {
    const h = portfolioHarness();
    const out = outputs<TableEntry | TableRow[]>();
    balanceCell(h.services, { field: "availableSpendingLimitSrd", headers: true }, out.emit);
    await flush(h);
    expect(out.last()).toEqual({ ok: false, problem: { kind: "invalidValue", message: "account 190126781 has no availableSpendingLimitSrd" } });
  });
});

describe("ordersCell, accountsCell and transactionsCell", () => {
  it("lists the orders with the status filter, fetched again after an order event", async () => {
    const h = portfolioHarness();
    h.binck.orders.set("190126781", [order(7, "placed")]);
    const out = outputs<TableRow[]>();
    ordersCell(h.services, { status: "open", headers: false }, out.emit);
    await flush(h);
    expect(out.last()).toEqual({ ok: true, value: [[7, "ASML Holding", "buy", "limit", 10, "", 600, "", "", "placed", Date.UTC(2026, 0, 5, 9) / 86_400_000 + 25_569, "day", "EUR"]] });
    h.binck.orders.set("190126781", []);
    h.feed.orderEvent("OrderStatus", "190126781", "canceled");
    await flush(h, 250);
    expect(out.last()).toEqual({ ok: false, problem: { kind: "notAvailable", message: "no open orders" } });
    expect(h.binck.calls).toEqual(["orders 190126781 open", "orders 190126781 open"]);
  });

  it("lists the accounts, and the transactions of a period with Excel dates", async () => {
    const h = portfolioHarness();
    h.binck.transactions.set("190126781", [{ accountCurrency: "EUR", number: 3, transactionDate: "2026-01-02T12:00:00Z", mutationType: "buy", currency: "EUR", instrument: { id: "eM1X1", name: "ASML Holding" }, quantity: 10, price: 600, netAmount: -6_004.5 }]);
    const accounts = outputs<TableRow[]>();
    const transactions = outputs<TableRow[]>();
    accountsCell(h.services, { headers: true }, accounts.emit);
    transactionsCell(h.services, { fromDate: "2026-01-01", toDate: "2026-01-05", headers: false }, transactions.emit);
    await flush(h);
    expect(accounts.last()).toEqual({ ok: true, value: [["number", "name", "type", "read-only", "iban"], ["190126781", "Jan Jansen", "binckComplete", false, "NL01BINK0190126781"]] });
    expect(transactions.last()).toEqual({ ok: true, value: [[46_024.5, 3, "buy", "ASML Holding", 10, 600, -6_004.5, "EUR", "", ""]] });
    expect(h.binck.calls).toEqual(["accounts", "transactions 190126781 2026-01-01..2026-01-05"]);
  });
});

describe("instrumentCell, searchCell and historyCell", () => {
  it("gives one field of an instrument by ISIN, or all of them", async () => {
    const h = portfolioHarness();
    const one = outputs<TableEntry | TableRow[]>();
    const all = outputs<TableEntry | TableRow[]>();
    instrumentCell(h.services, { instrument: "NL0010273215", field: "mic", headers: true }, one.emit);
    instrumentCell(h.services, { instrument: "eM1X1", headers: false }, all.emit);
    await flush(h);
    expect(one.last()).toEqual({ ok: true, value: "XAMS" });
    const rows = all.last();
    expect(rows.ok && (rows.value as TableRow[]).slice(0, 4)).toEqual([["id", "eM1X1"], ["name", "ASML Holding"], ["isin", "NL0010273215"], ["symbol", "EM1X1"]]);
  });

  it("searches by name and spills the matches", async () => {
    const h = portfolioHarness();
    const out = outputs<TableRow[]>();
    searchCell(h.services, { text: "asml", count: 5, headers: false, type: "equity" }, out.emit);
    await flush(h);
    expect(out.last()).toEqual({ ok: true, value: [["eM1X1", "ASML Holding", "EM1X1", "NL0010273215", "XAMS", "EUR", "equity"]] });
    expect(h.binck.calls).toEqual(["search asml equity 0-4"]);
  });

  it("spills history bars with Excel dates, and a second cell with the same arguments costs no request", async () => {
    const h = portfolioHarness();
    h.binck.history = [{ dateTime: "2026-01-02T00:00:00Z", first: 600, high: 612, low: 598, last: 610, cumVol: 12_000 }];
    const a = outputs<TableRow[]>();
    const b = outputs<TableRow[]>();
    const args = { instrument: "eM1X1", fromMs: Date.UTC(2025, 11, 1), toMs: Date.UTC(2026, 0, 3), interval: "oneDay" as const, headers: true };
    historyCell(h.services, args, a.emit);
    await flush(h);
    historyCell(h.services, args, b.emit);
    await flush(h);
    const expected = { ok: true, value: [["time", "open", "high", "low", "close", "volume"], [46_024, 600, 612, 598, 610, 12_000]] };
    expect([a.last(), b.last()]).toEqual([expected, expected]);
    expect(h.binck.calls).toEqual(["history eM1X1 oneDay"]);
  });
});
