/**
 * Indices: [name, symbol, ISIN ("" when unsure: isincode is optional on the wire), MIC, currency, level, list codes].
 * Every index is in `internationalIndices` (the Excel sample's default sheet).
 */
export type IndexRow = readonly [name: string, symbol: string, isin: string, mic: string, currency: string, level: number, lists: string];

export const INDICES: readonly IndexRow[] = [
  ["AEX", "AEX", "NL0000000107", "XAMS", "EUR", 905.0, "aex"],
  ["AMX", "AMX", "NL0000249274", "XAMS", "EUR", 880.0, "amx"],
  ["AScX", "ASCX", "NL0000249142", "XAMS", "EUR", 1230.0, "ascx"],
  ["BEL 20", "BEL20", "BE0389555039", "XBRU", "EUR", 4420.0, "bel"],
  ["CAC 40", "PX1", "FR0003500008", "XPAR", "EUR", 7720.0, "cac"],
  ["CAC Next 20", "CN20", "QS0010989109", "XPAR", "EUR", 11900.0, "n20"],
  ["SBF 120", "PX4", "FR0003999481", "XPAR", "EUR", 5840.0, ""],
  ["DAX", "DAX", "DE0008469008", "XETR", "EUR", 23800.0, "dax"],
  ["MDAX", "MDAX", "DE0008467416", "XETR", "EUR", 30500.0, ""],
  ["FTSE MIB", "FTSEMIB", "IT0003465736", "XMIL", "EUR", 41200.0, "mib"],
  ["Dow Jones Industrial Average", "DJI", "", "XNYS", "USD", 44500.0, "dj"],
  ["Nasdaq 100", "NDX", "", "XNAS", "USD", 23200.0, "nq"],
  ["Nasdaq Composite", "COMP", "", "XNAS", "USD", 21000.0, ""],
  ["S&P 500", "SPX", "US78378X1072", "XNYS", "USD", 6350.0, ""],
  ["Euro Stoxx 50", "SX5E", "EU0009658145", "XSTX", "EUR", 5350.0, ""],
  ["FTSE 100", "UKX", "GB0001383545", "XLON", "GBP", 9100.0, "lse"],
  ["IBEX 35", "IBEX", "ES0SI0000005", "XMAD", "EUR", 14200.0, "ibex"],
  ["SMI", "SMI", "CH0009980894", "XSWX", "CHF", 11900.0, "smi"],
  ["OMX Stockholm 30", "OMXS30", "SE0000337842", "XSTO", "SEK", 2600.0, "omxs"],
  ["OMX Copenhagen 20", "OMXC20", "", "XCSE", "DKK", 1650.0, "omxc"],
  ["OMX Helsinki 25", "OMXH25", "", "XHEL", "EUR", 4900.0, "hex"],
  ["OBX", "OBX", "", "XOSL", "NOK", 1450.0, "obx"],
  ["PSI", "PSI", "PTING0200002", "XLIS", "EUR", 7600.0, "psi"],
  ["ISEQ 20", "ISEQ20", "", "XDUB", "EUR", 1900.0, "iseq"],
  ["ATX", "ATX", "AT0000999982", "XWBO", "EUR", 4400.0, "atx"],
  ["S&P/TSX 60", "TX60", "", "XTSE", "CAD", 1620.0, "tsx"],
  ["S&P/TSX Venture Composite", "JX", "", "XTSX", "CAD", 760.0, "tsxv"],
  ["NYSE American Composite", "XAX", "", "XASE", "USD", 5300.0, "amex"],
  ["Nikkei 225", "N225", "", "XJPX", "JPY", 41000.0, ""],
  ["Hang Seng", "HSI", "", "XHKG", "HKD", 24800.0, ""],
];
