/**
 * Option and future classes on the main underlyings. The catalogue builder expands each option class into
 * series (expirations x strikes x call/put) and each future class into expirations. Underlyings are named
 * by ISIN + MIC of an equity or index row (index rows without ISIN by symbol).
 */
/** What option and future classes share. */
interface DerivativeClassRow {
  readonly symbol: string;
  readonly name: string;
  /** ISIN of the underlying, or `symbol:<index symbol>` for an index without ISIN. */
  readonly underlying: string;
  readonly underlyingMic: string;
  /** Market of the derivatives: XEUE Euronext Amsterdam, XMON Paris, XBRD Brussels, XEUR Eurex, XDMI Milan, XCBO CBOE. */
  readonly mic: string;
  readonly currency: string;
  readonly contractSize: number;
}

export interface OptionClassRow extends DerivativeClassRow {
  /** Strikes each side of the at-the-money strike. */
  readonly strikesEachSide: number;
  /** Annualised implied volatility used for pricing. */
  readonly volatility: number;
}

const stock = (symbol: string, name: string, underlying: string, underlyingMic: string, mic: string, currency = "EUR", volatility = 0.28): OptionClassRow =>
  ({ symbol, name, underlying, underlyingMic, mic, currency, contractSize: 100, strikesEachSide: 6, volatility });
const index = (symbol: string, name: string, underlying: string, underlyingMic: string, mic: string, contractSize: number, volatility = 0.18): OptionClassRow =>
  ({ symbol, name, underlying, underlyingMic, mic, currency: "EUR", contractSize, strikesEachSide: 10, volatility });

export const OPTION_CLASSES: readonly OptionClassRow[] = [
  index("AEX", "AEX index option", "NL0000000107", "XAMS", "XEUE", 100),
  index("ODAX", "DAX index option", "DE0008469008", "XETR", "XEUR", 5),
  index("PXA", "CAC 40 index option", "FR0003500008", "XPAR", "XMON", 10),
  index("OESX", "Euro Stoxx 50 index option", "EU0009658145", "XSTX", "XEUR", 10),
  stock("ASML", "ASML Holding option", "NL0010273215", "XAMS", "XEUE", "EUR", 0.35),
  stock("INGA", "ING Groep option", "NL0011821202", "XAMS", "XEUE"),
  stock("SHELL", "Shell option", "GB00BP6MXD84", "XAMS", "XEUE", "EUR", 0.24),
  stock("PHIA", "Koninklijke Philips option", "NL0000009538", "XAMS", "XEUE", "EUR", 0.32),
  stock("UNA", "Unilever option", "GB00B10RZP78", "XAMS", "XEUE", "EUR", 0.2),
  stock("AD", "Ahold Delhaize option", "NL0011794037", "XAMS", "XEUE", "EUR", 0.2),
  stock("HEIA", "Heineken option", "NL0000009165", "XAMS", "XEUE", "EUR", 0.22),
  stock("ABN", "ABN AMRO option", "NL0011540547", "XAMS", "XEUE"),
  stock("KPN", "KPN option", "NL0000009082", "XAMS", "XEUE", "EUR", 0.2),
  stock("MT", "ArcelorMittal option", "LU1598757687", "XAMS", "XEUE", "EUR", 0.36),
  stock("PRX", "Prosus option", "NL0013654783", "XAMS", "XEUE", "EUR", 0.34),
  stock("ABI", "AB InBev option", "BE0974293251", "XBRU", "XBRD", "EUR", 0.25),
  stock("KBC", "KBC option", "BE0003565737", "XBRU", "XBRD", "EUR", 0.26),
  stock("BN", "Danone option", "FR0000120644", "XPAR", "XMON", "EUR", 0.2),
  stock("MC", "LVMH option", "FR0000121014", "XPAR", "XMON", "EUR", 0.3),
  stock("TTE", "TotalEnergies option", "FR0000120271", "XPAR", "XMON", "EUR", 0.24),
  stock("SAP", "SAP option", "DE0007164600", "XETR", "XEUR", "EUR", 0.28),
  stock("ALV", "Allianz option", "DE0008404005", "XETR", "XEUR", "EUR", 0.22),
  stock("ENI", "Eni option", "IT0003132476", "XMIL", "XDMI", "EUR", 0.24),
  stock("ISP", "Intesa Sanpaolo option", "IT0000072618", "XMIL", "XDMI", "EUR", 0.3),
  stock("AAPL", "Apple option", "US0378331005", "XNAS", "XCBO", "USD", 0.28),
  stock("MSFT", "Microsoft option", "US5949181045", "XNAS", "XCBO", "USD", 0.26),
  stock("IBM", "IBM option", "US4592001014", "XNYS", "XCBO", "USD", 0.25),
];

export interface FutureClassRow extends DerivativeClassRow {
  readonly tickSize: number;
  /** Months between expirations: 1 monthly, 3 quarterly. */
  readonly cycleMonths: 1 | 3;
  readonly expirations: number;
  /** Codes of the futures lists (hot, nl, fr, it). */
  readonly lists: string;
}

export const FUTURE_CLASSES: readonly FutureClassRow[] = [
  { symbol: "FTI", name: "AEX index future", underlying: "NL0000000107", underlyingMic: "XAMS", mic: "XEUE", currency: "EUR", contractSize: 200, tickSize: 0.05, cycleMonths: 1, expirations: 4, lists: "hotFutures nlFutures" },
  { symbol: "FDAX", name: "DAX index future", underlying: "DE0008469008", underlyingMic: "XETR", mic: "XEUR", currency: "EUR", contractSize: 25, tickSize: 1, cycleMonths: 3, expirations: 3, lists: "hotFutures" },
  { symbol: "FDXM", name: "Mini-DAX future", underlying: "DE0008469008", underlyingMic: "XETR", mic: "XEUR", currency: "EUR", contractSize: 5, tickSize: 1, cycleMonths: 3, expirations: 3, lists: "" },
  { symbol: "FCE", name: "CAC 40 index future", underlying: "FR0003500008", underlyingMic: "XPAR", mic: "XMON", currency: "EUR", contractSize: 10, tickSize: 0.5, cycleMonths: 1, expirations: 4, lists: "hotFutures frFutures" },
  { symbol: "FESX", name: "Euro Stoxx 50 index future", underlying: "EU0009658145", underlyingMic: "XSTX", mic: "XEUR", currency: "EUR", contractSize: 10, tickSize: 1, cycleMonths: 3, expirations: 3, lists: "hotFutures" },
  { symbol: "FIB", name: "FTSE MIB index future", underlying: "IT0003465736", underlyingMic: "XMIL", mic: "XDMI", currency: "EUR", contractSize: 5, tickSize: 5, cycleMonths: 3, expirations: 3, lists: "itFutures" },
  { symbol: "MINI", name: "Mini FTSE MIB future", underlying: "IT0003465736", underlyingMic: "XMIL", mic: "XDMI", currency: "EUR", contractSize: 1, tickSize: 5, cycleMonths: 3, expirations: 3, lists: "itFutures" },
  { symbol: "FBEL", name: "BEL 20 index future", underlying: "BE0389555039", underlyingMic: "XBRU", mic: "XBRD", currency: "EUR", contractSize: 10, tickSize: 0.5, cycleMonths: 1, expirations: 3, lists: "" },
  { symbol: "ASML", name: "ASML Holding stock future", underlying: "NL0010273215", underlyingMic: "XAMS", mic: "XEUE", currency: "EUR", contractSize: 100, tickSize: 0.05, cycleMonths: 3, expirations: 2, lists: "nlFutures" },
  { symbol: "INGA", name: "ING Groep stock future", underlying: "NL0011821202", underlyingMic: "XAMS", mic: "XEUE", currency: "EUR", contractSize: 100, tickSize: 0.005, cycleMonths: 3, expirations: 2, lists: "nlFutures" },
  { symbol: "ENI", name: "Eni stock future", underlying: "IT0003132476", underlyingMic: "XMIL", mic: "XDMI", currency: "EUR", contractSize: 500, tickSize: 0.0025, cycleMonths: 3, expirations: 2, lists: "itFutures" },
];
