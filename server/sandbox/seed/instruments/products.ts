/**
 * Exchange traded funds, investment funds, currencies, commodities, structured products and warrants:
 * [name, symbol, ISIN (or ""), MIC (or ""), currency, reference price, list codes]. ETFs are real
 * listings; the funds, structured products and warrants are illustrative.
 */
import type { InstrumentType } from "../../../../src/core/wire/models";

export type ProductRow = readonly [name: string, symbol: string, isin: string, mic: string, currency: string, price: number, lists: string];

export const TRACKERS: readonly ProductRow[] = [
  ["iShares Core MSCI World UCITS ETF", "IWDA", "IE00B4L5Y983", "XAMS", "EUR", 104.2, "trackers"],
  ["VanEck AEX UCITS ETF", "TDT", "NL0009272749", "XAMS", "EUR", 94.5, "trackers"],
  ["iShares AEX UCITS ETF", "IAEX", "IE00B0M62Y33", "XAMS", "EUR", 98.6, "trackers"],
  ["Vanguard FTSE All-World UCITS ETF", "VWRL", "IE00B3RBWM25", "XAMS", "EUR", 135.4, "trackers"],
  ["iShares Core S&P 500 UCITS ETF", "CSPX", "IE00B5BMR087", "XAMS", "EUR", 580.0, "trackers"],
  ["Amundi CAC 40 UCITS ETF", "C40", "FR0007052782", "XPAR", "EUR", 79.0, "trackers"],
  ["iShares Core DAX UCITS ETF", "EXS1", "DE0005933931", "XETR", "EUR", 205.0, "trackers"],
  ["Xtrackers MSCI World UCITS ETF", "XDWD", "IE00BJ0KDQ92", "XETR", "EUR", 120.5, "trackers"],
  ["SPDR S&P 500 ETF Trust", "SPY", "US78462F1030", "XNYS", "USD", 635.0, "trackers"],
  ["Invesco QQQ Trust", "QQQ", "US46090E1038", "XNAS", "USD", 565.0, "trackers"],
];

export const FUNDS: readonly ProductRow[] = [
  ["Robeco Global Stars Equities", "RGSE", "NL0000289783", "XAMS", "EUR", 62.3, "funds"],
  ["Rolinco", "ROLI", "NL0000289817", "XAMS", "EUR", 51.7, "funds"],
  ["Binck Sandbox Wereld Aandelenfonds", "BSWA", "NL0015099987", "XAMS", "EUR", 18.4, "funds"],
  ["Binck Sandbox Obligatiefonds", "BSOF", "NL0015099995", "XAMS", "EUR", 10.9, "funds"],
];

/** Not tradable price series: foreign exchange rates and commodity prices. */
export const REFERENCE_RATES: readonly ProductRow[] = [
  ["EUR/USD", "EURUSD", "", "", "USD", 1.165, "currencies"],
  ["EUR/GBP", "EURGBP", "", "", "GBP", 0.866, "currencies"],
  ["EUR/CHF", "EURCHF", "", "", "CHF", 0.935, "currencies"],
  ["EUR/JPY", "EURJPY", "", "", "JPY", 171.5, "currencies"],
  ["USD/JPY", "USDJPY", "", "", "JPY", 147.2, "currencies"],
  ["Gold (USD/oz)", "XAUUSD", "", "", "USD", 3350.0, "commodities"],
  ["Silver (USD/oz)", "XAGUSD", "", "", "USD", 38.1, "commodities"],
  ["Brent crude oil (USD/bbl)", "BRENT", "", "", "USD", 67.5, "commodities"],
  ["WTI crude oil (USD/bbl)", "WTI", "", "", "USD", 64.2, "commodities"],
];

export type TypedProductRow = readonly [type: InstrumentType, ...row: ProductRow];

export const STRUCTURED_AND_WARRANTS: readonly TypedProductRow[] = [
  ["structuredProduct", "BNP Paribas Capital Protected Note AEX 2028", "BNPAEX28", "XS2303070945", "XAMS", "EUR", 98.4, "structured"],
  ["structuredProduct", "SG Autocall Euro Stoxx 50 2027", "SGSX5E27", "XS2437454957", "XPAR", "EUR", 101.2, "structured"],
  ["structuredProduct", "Vontobel Express Certificate ASML 2026", "VTASML26", "DE000VU5XQ56", "ETLX", "EUR", 97.1, "structured"],
  ["warrant", "SG Call Warrant ASML 700 12/2026", "SGASML7C", "FR0014011AA1", "XPAR", "EUR", 0.42, "warrants"],
  ["warrant", "SG Put Warrant AEX 850 12/2026", "SGAEX85P", "FR0014011AB9", "XPAR", "EUR", 0.36, "warrants"],
  ["warrant", "BNP Call Warrant Eni 14 06/2026", "BNPENI14", "NL0015BNP0X3", "SEDX", "EUR", 0.18, "warrants"],
];
