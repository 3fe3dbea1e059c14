import {
  accountsCell, ADDIN_VERSION, balanceCell, bookCell, historyCell, instrumentCell, newsCell, ordersCell, parseStatusItem, positionsCell,
  quoteCell, quotesCell, searchCell, statusCell, transactionsCell, type Emit,
} from "../core";
import { parseBookDepth, parseInstrumentArgument, parseNewsCount, parseQuoteField, parseQuoteFields, parseQuoteProperty } from "./args";
import {
  parseAccount, parseBalanceField, parseCalendarDate, parseDateMs, parseHeaders, parseInstrumentField, parseInstrumentType, parseInterval,
  parseOrderStatus, parseSearchCount, parseSearchText,
} from "./portfolio-args";
import { instrumentColumn, optionalInstrument } from "./ranges";
import { streamCell } from "./stream-cell";

/*
 * The BINCK functions. Excel's metadata (functions.json) is generated from these doc blocks by the webpack plugin,
 * so the comments are the contract people see in Excel's formula help. Each function only parses its arguments and
 * hands them to core (src/core/cells); streamCell maps what core emits to setResult and CustomFunctions.Error.
 */

/**
 * The add-in's version.
 * @customfunction VERSION
 * @returns The binck-excel version.
 */
export function version(): string {
  return ADDIN_VERSION;
}

/**
 * A live quote of an instrument: last price, bid, ask and the rest, updated as the market moves.
 * @customfunction QUOTE
 * @param instrument The instrument: a Binck id, an ISIN, ISIN:MIC, a symbol or SYMBOL:MIC, e.g. "NL0010273215", "NL0010273215:XAMS", "ASML" or "ASML:XAMS".
 * @param [field] Which price (default "lst"): lst last, bid, ask, hgh high, low, opn open, cls previous close, vol volume, thp theoretical, ivl implied volatility, idv implied dividend, iir implied interest, set settlement, oir open interest, bid2..bid5 and ask2..ask5 deeper book levels, chg change and chgpct change % against cls.
 * @param [property] Which property of the field (default "price", or "volume" for vol and oir): price, volume, orders (book levels), time (an Excel date).
 * @param invocation Excel's streaming invocation.
 */
export function quote(instrument: string, field: string, property: string, invocation: CustomFunctions.StreamingInvocation<number>): void {
  streamCell(invocation, (services, emit) => {
    const fieldSpec = parseQuoteField(field ?? "lst");
    const args = { instrument: referenceText(instrument), field: fieldSpec, property: parseQuoteProperty(fieldSpec, property) };
    return quoteCell(services, args, emit);
  });
}

/**
 * Live quotes of a column of instruments, several fields each, in one formula: the fast way to fill a big sheet.
 * @customfunction QUOTES
 * @param instruments A range with one instrument per row (Binck id, ISIN, ISIN:MIC, symbol or SYMBOL:MIC); blank cells give blank rows.
 * @param [fields] The columns (default "lst"): a text such as "lst,bid,ask,chgpct" or a range of field names; any field of BINCK.QUOTE.
 * @param invocation Excel's streaming invocation.
 * @returns One row per instrument, one column per field.
 */
export function quotes(instruments: string[][], fields: string[][], invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => {
    const args = { instruments: instrumentColumn(instruments), fields: parseQuoteFields(fields ?? "lst"), rebuildIntervalMs: services.resultIntervalMs };
    return quotesCell(services, args, emit);
  });
}

/**
 * The live order book of an instrument, one row per level, best first.
 * @customfunction BOOK
 * @param instrument The instrument: a Binck id, an ISIN, ISIN:MIC, a symbol or SYMBOL:MIC.
 * @param [depth] How many levels, 1 to 5 (default 5).
 * @param invocation Excel's streaming invocation.
 * @returns Bid orders, bid volume, bid, ask, ask volume and ask orders per level.
 */
export function book(instrument: string, depth: number, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => bookCell(services, { instrument: referenceText(instrument), depth: parseBookDepth(depth) }, emit));
}

/**
 * The latest news headlines, newest first, updated as news arrives.
 * @customfunction NEWS
 * @param [count] How many headlines, 1 to 50 (default 10).
 * @param [instrument] Only news about this instrument (Binck id, ISIN, ISIN:MIC, symbol or SYMBOL:MIC); all news when omitted.
 * @param invocation Excel's streaming invocation.
 * @returns Time (an Excel date), headline and the instrument ids of each message.
 */
export function news(count: number, instrument: string, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => newsCell(services, { count: parseNewsCount(count), instrument: optionalInstrument(instrument) }, emit));
}

/**
 * The add-in's connection to Binck, live: for diagnostics and for a status corner of a sheet.
 * @customfunction STATUS
 * @param [item] One item: connection, signedIn, account, readOnly, tokenExpiry, subscriptions, requests, queued, cacheHits, lastMessageAge, lastError. Omitted: every item with its label, in two columns.
 * @param invocation Excel's streaming invocation.
 * @returns The item's value, or a two-column list of every item.
 */
export function status(item: string, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => statusCell(services, parseStatusItem(item), asMatrix(emit)));
}

/** Functions that give one value or a spill are declared as matrices (Excel spills only those): one value is [[value]]. */
function asMatrix(emit: Emit<unknown>): Emit<unknown> {
  return (output) => emit(output.ok && !Array.isArray(output.value) ? { ok: true, value: [[output.value]] } : output);
}

/*
 * The portfolio functions. Each is called once per argument set and keeps itself current: the data comes through
 * the runtime's Portfolio (caches, one request for all cells asking the same, new rows after order events), so
 * an inserted row, a full recalculation or a reopened workbook sends no request for data still fresh. The
 * account argument defaults to the account picked in the taskpane; spills start with a header row unless
 * headers is FALSE.
 */

/**
 * Your Binck accounts.
 * @customfunction ACCOUNTS
 * @param [headers] TRUE (default) for a first row of column names, FALSE for none.
 * @param invocation Excel's streaming invocation.
 * @returns Number, name, type, read-only (TRUE/FALSE) and IBAN of each account.
 */
export function accounts(headers: boolean, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => accountsCell(services, { headers: parseHeaders(headers) }, emit));
}

/**
 * The positions of an account, priced live: new rows after each execution, last price, value and result as the market moves.
 * @customfunction POSITIONS
 * @param [account] An account number from BINCK.ACCOUNTS(); omitted: the account picked in the taskpane (the cell follows when you pick another).
 * @param [headers] TRUE (default) for a first row of column names, FALSE for none.
 * @param invocation Excel's streaming invocation.
 * @returns Instrument, ISIN, symbol, quantity, average price, last price, value (quantity × last), result (value − purchase value), result % (12.5 means 12.5%) and currency of each position.
 */
export function positions(account: any, headers: boolean, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => positionsCell(services, { account: parseAccount(account), headers: parseHeaders(headers) }, emit));
}

/**
 * The balances of an account, refreshed after each execution.
 * @customfunction BALANCE
 * @param [account] An account number from BINCK.ACCOUNTS(); omitted: the account picked in the taskpane.
 * @param [field] One value: assetsTotalValue, cashBalance, portfolioValue, availableSpendingLimit, availableSpendingLimitSrd or currency. Omitted: every field with its name, in two columns.
 * @param [headers] TRUE (default) for a first row of column names when every field spills, FALSE for none.
 * @param invocation Excel's streaming invocation.
 * @returns One value, or a two-column list of fields and values.
 */
export function balance(account: any, field: string, headers: boolean, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => {
    const args = { account: parseAccount(account), field: parseBalanceField(field), headers: parseHeaders(headers) };
    return balanceCell(services, args, asMatrix(emit));
  });
}

/**
 * The orders of an account, updated as orders are placed, modified, executed or canceled.
 * @customfunction ORDERS
 * @param [account] An account number from BINCK.ACCOUNTS(); omitted: the account picked in the taskpane.
 * @param [status] all (default), open, executed or canceled.
 * @param [headers] TRUE (default) for a first row of column names, FALSE for none.
 * @param invocation Excel's streaming invocation.
 * @returns Number, instrument, side, type, quantity, executed quantity, limit price, stop price, average price, status, status time (an Excel date), duration and currency of each order.
 */
export function orders(account: any, status: string, headers: boolean, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => {
    const args = { account: parseAccount(account), status: parseOrderStatus(status), headers: parseHeaders(headers) };
    return ordersCell(services, args, emit);
  });
}

/**
 * The transactions of an account in a period, newest first; new rows after each execution.
 * @customfunction TRANSACTIONS
 * @param [account] An account number from BINCK.ACCOUNTS(); omitted: the account picked in the taskpane.
 * @param [from] First day: an Excel date or a text YYYY-MM-DD; omitted: Binck's default period.
 * @param [to] Last day (included): an Excel date or a text YYYY-MM-DD; omitted: today.
 * @param [headers] TRUE (default) for a first row of column names, FALSE for none.
 * @param invocation Excel's streaming invocation.
 * @returns Date (an Excel date), number, type, instrument, quantity, price, net amount, currency, balance change and balance after of each transaction.
 */
export function transactions(account: any, from: any, to: any, headers: boolean, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => {
    const fromDate = parseCalendarDate(from, "from");
    const toDate = parseCalendarDate(to, "to");
    const args = { account: parseAccount(account), fromDate, toDate, headers: parseHeaders(headers) };
    return transactionsCell(services, args, emit);
  });
}

/**
 * The data of an instrument: name, ISIN, symbol, MIC, currency, type, tick size, KID and the rest.
 * @customfunction INSTRUMENT
 * @param instrument The instrument: a Binck id, an ISIN, ISIN:MIC, a symbol or SYMBOL:MIC.
 * @param [field] One value: id, name, isin, symbol, tickerSymbol, mic, currency, type, priceDecimals, tickSize, isTradable, isKidApplicable, hasOptions, hasFutures, hasSrd, hasLeveragedProducts, hasOrderModifications, underlyingInstrumentId, strike, optionType, contractSize or expirationDate (an Excel date). Omitted: every field with its name, in two columns.
 * @param [headers] TRUE (default) for a first row of column names when every field spills, FALSE for none.
 * @param invocation Excel's streaming invocation.
 * @returns One value, or a two-column list of fields and values.
 */
export function instrument(instrument: string, field: string, headers: boolean, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => {
    const args = { instrument: referenceText(instrument), field: parseInstrumentField(field), headers: parseHeaders(headers) };
    return instrumentCell(services, args, asMatrix(emit));
  });
}

/**
 * Instruments whose name matches a text.
 * @customfunction SEARCH
 * @param text 2 to 30 characters of the instrument's name.
 * @param [type] Only this type: equity, bond, tracker, option, future, index, investmentFund, turbo, warrant, certificate and the other Binck instrument types.
 * @param [count] How many matches, 1 to 100 (default 10).
 * @param [headers] TRUE (default) for a first row of column names, FALSE for none.
 * @param invocation Excel's streaming invocation.
 * @returns Id, name, symbol, ISIN, MIC, currency and type of each match.
 */
export function search(text: string, type: string, count: number, headers: boolean, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => {
    const args = { text: parseSearchText(text), type: parseInstrumentType(type), count: parseSearchCount(count), headers: parseHeaders(headers) };
    return searchCell(services, args, emit);
  });
}

/**
 * Price history of an instrument, oldest bar first.
 * @customfunction HISTORY
 * @param instrument The instrument: a Binck id, an ISIN, ISIN:MIC, a symbol or SYMBOL:MIC.
 * @param [from] Start: an Excel date (with a time if you like) or a text YYYY-MM-DD; omitted: 100 bars back (or as far as Binck allows for the interval).
 * @param [to] End: an Excel date or a text YYYY-MM-DD; omitted: now.
 * @param [interval] Bar length: oneMinute, fiveMinutes, tenMinutes, fifteenMinutes, oneHour, oneDay (default), oneWeek or oneMonth. Binck allows at most 5 days of oneMinute, 20 of fiveMinutes and tenMinutes, 60 of fifteenMinutes, 120 of oneHour and 10 years of the others.
 * @param [headers] TRUE (default) for a first row of column names, FALSE for none.
 * @param invocation Excel's streaming invocation.
 * @returns Time (an Excel date), open, high, low, close and volume of each bar.
 */
export function history(instrument: string, from: any, to: any, interval: string, headers: boolean, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  streamCell(invocation, (services, emit) => {
    const args = {
      instrument: referenceText(instrument), fromMs: parseDateMs(from, "from"), toMs: parseDateMs(to, "to"), interval: parseInterval(interval), headers: parseHeaders(headers),
    };
    return historyCell(services, args, emit);
  });
}

/** The instrument argument as text (a number typed in a cell is an id or a symbol too), checked before anything else. */
function referenceText(instrument: unknown): string {
  parseInstrumentArgument(instrument);
  return String(instrument).trim();
}
