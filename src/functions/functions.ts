import { ADDIN_VERSION, bookCell, newsCell, parseStatusItem, quoteCell, quotesCell, statusCell } from "../core";
import { parseBookDepth, parseInstrumentArgument, parseNewsCount, parseQuoteField, parseQuoteFields, parseQuoteProperty } from "./args";
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
  streamCell(invocation, (services, emit) => {
    const chosen = parseStatusItem(item);
    return statusCell(services, chosen, (output) => emit(output.ok && !Array.isArray(output.value) ? { ok: true, value: [[output.value]] } : output));
  });
}

/** The instrument argument as text (a number typed in a cell is an id or a symbol too), checked before anything else. */
function referenceText(instrument: unknown): string {
  parseInstrumentArgument(instrument);
  return String(instrument).trim();
}
