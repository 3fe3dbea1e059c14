/**
 * Leveraged products (turbos), certificates and bonds. Their ISINs follow the issuers' formats with a
 * valid check digit but are illustrative: the builder derives them from these rows (isin-synth.ts).
 */
export type LeveragedCategory = "bonds" | "commodities" | "currencies" | "equities" | "indices";
export type Publisher = "binckBank" | "bnpParibas" | "citigroup" | "commerzBank" | "goldmanSachs" | "ing" | "unicredit" | "vontobelFinancialProducts" | "socGen";

/** Underlyings of turbos: ISIN or `symbol:<symbol>` of a catalogue row, with its category. */
export const TURBO_UNDERLYINGS: ReadonlyArray<readonly [underlying: string, mic: string, label: string, category: LeveragedCategory]> = [
  ["NL0000000107", "XAMS", "AEX", "indices"],
  ["DE0008469008", "XETR", "DAX", "indices"],
  ["FR0003500008", "XPAR", "CAC 40", "indices"],
  ["symbol:NDX", "XNAS", "Nasdaq 100", "indices"],
  ["NL0010273215", "XAMS", "ASML", "equities"],
  ["NL0011821202", "XAMS", "ING", "equities"],
  ["GB00BP6MXD84", "XAMS", "Shell", "equities"],
  ["US0378331005", "XNAS", "Apple", "equities"],
  ["symbol:XAUUSD", "", "Gold", "commodities"],
  ["symbol:BRENT", "", "Brent", "commodities"],
  ["symbol:EURUSD", "", "EUR/USD", "currencies"],
];

/** Issuers of turbos, each with the market its products list on and its ISIN prefix. */
export const PUBLISHERS: ReadonlyArray<readonly [publisher: Publisher, label: string, mic: string, isinPrefix: string]> = [
  ["binckBank", "Binck", "XAMS", "NL00158"],
  ["bnpParibas", "BNP", "XAMS", "NL00151"],
  ["citigroup", "Citi", "XAMS", "DE000KH"],
  ["commerzBank", "Commerzbank", "XAMS", "DE000CZ"],
  ["goldmanSachs", "GS", "XAMS", "GB00BN"],
  ["ing", "ING", "XAMS", "NL00152"],
  ["unicredit", "UniCredit", "SEDX", "DE000HV"],
  ["vontobelFinancialProducts", "Vontobel", "XAMS", "DE000VU"],
  ["socGen", "SG", "XPAR", "FR00140"],
];

/** Financing levels as a fraction of the underlying's price: long below it, short above it. */
export const TURBO_DISTANCES = [0.8, 0.9, 0.95] as const;

/** Certificates per exchange list: [name, underlying, mic, ratio, exchange list code]. */
export const CERTIFICATES: ReadonlyArray<readonly [name: string, underlying: string, mic: string, ratio: number, list: string]> = [
  ["Bonus Certificate Eni", "IT0003132476", "SEDX", 1, "certSeDeX"],
  ["Bonus Certificate Intesa Sanpaolo", "IT0000072618", "SEDX", 1, "certSeDeX"],
  ["Cash Collect Enel", "IT0003128367", "SEDX", 1, "certSeDeX"],
  ["Tracker Certificate FTSE MIB", "IT0003465736", "SEDX", 0.001, "certSeDeX"],
  ["Express Certificate UniCredit", "IT0005239360", "ETLX", 1, "certEuroTLX"],
  ["Bonus Cap Certificate Stellantis", "NL00150001Q9", "ETLX", 1, "certEuroTLX"],
  ["Tracker Certificate Euro Stoxx 50", "EU0009658145", "ETLX", 0.01, "certEuroTLX"],
  ["Tracker Certificate AEX", "NL0000000107", "XAMS", 0.1, "certEuronext"],
  ["Tracker Certificate Gold", "symbol:XAUUSD", "XAMS", 0.01, "certEuronext"],
  ["Bonus Certificate ASML", "NL0010273215", "XAMS", 0.1, "certEuronext"],
];

/** Bonds per bonds list: [issuer, coupon %, maturity year, currency, MIC, ISIN country, price, list id]. */
export const BONDS: ReadonlyArray<readonly [issuer: string, coupon: number, maturity: number, currency: string, mic: string, country: string, price: number, list: string]> = [
  ["Nederland", 0.5, 2026, "EUR", "XAMS", "NL", 98.9, "bondsAmsterdamGovernment"],
  ["Nederland", 2.5, 2033, "EUR", "XAMS", "NL", 99.2, "bondsAmsterdamGovernment"],
  ["Nederland", 4.0, 2037, "EUR", "XAMS", "NL", 111.4, "bondsAmsterdamGovernment"],
  ["ING Groep", 4.125, 2030, "EUR", "XAMS", "NL", 103.1, "bondsAmsterdamCorporate"],
  ["Koninklijke KPN", 3.875, 2031, "EUR", "XAMS", "NL", 101.6, "bondsAmsterdamCorporate"],
  ["Heineken", 3.5, 2029, "EUR", "XAMS", "NL", 101.0, "bondsAmsterdamCorporate"],
  ["Van Lanschot Kempen Conv.", 2.0, 2028, "EUR", "XAMS", "NL", 104.5, "bondsAmsterdamConvertible"],
  ["BNP Paribas Reverse Conv. ASML", 8.0, 2026, "EUR", "XAMS", "NL", 99.7, "bondsAmsterdamReverseConvertible"],
  ["BNP Paribas Issuance", 3.0, 2029, "EUR", "XAMS", "NL", 98.5, "bondsBNPParibas"],
  ["Mediobanca", 4.25, 2030, "EUR", "XMOT", "IT", 102.4, "bondsBorsaItalianaEuroMotCorporate"],
  ["Spain (Bonos)", 3.15, 2033, "EUR", "XMOT", "ES", 100.8, "bondsBorsaItalianaEuroMotGovernment"],
  ["Eni ExtraMOT", 3.625, 2029, "EUR", "EMTF", "IT", 101.9, "bondsBorsaItalianaExtraMot"],
  ["BOT 12 mesi", 0.0, 2026, "EUR", "XMOT", "IT", 97.8, "bondsBorsaItalianaMotBot"],
  ["BTP", 3.85, 2034, "EUR", "XMOT", "IT", 102.2, "bondsBorsaItalianaMotBtp"],
  ["BTP Italia", 1.6, 2030, "EUR", "XMOT", "IT", 99.4, "bondsBorsaItalianaMotBtp"],
  ["CCTeu", 4.6, 2031, "EUR", "XMOT", "IT", 101.3, "bondsBorsaItalianaMotCct"],
  ["CTZ", 0.0, 2027, "EUR", "XMOT", "IT", 96.9, "bondsBorsaItalianaMotCtz"],
  ["Cassa Depositi e Prestiti", 3.5, 2030, "EUR", "XMOT", "IT", 100.7, "bondsBorsaItalianaMotOther"],
  ["Intesa Sanpaolo", 4.75, 2031, "EUR", "XMOT", "IT", 104.0, "bondsBorsaItalianaTop50Corporate"],
  ["BTP Valore", 3.35, 2029, "EUR", "XMOT", "IT", 101.1, "bondsBorsaItalianaTop50Government"],
  ["Umicore Conv.", 0.0, 2027, "EUR", "XBRU", "BE", 92.5, "bondsBrusselsConvertible"],
  ["Anheuser-Busch InBev", 3.45, 2031, "EUR", "XBRU", "BE", 100.9, "bondsBrusselsCorporate"],
  ["Belgium (OLO)", 3.0, 2033, "EUR", "XBRU", "BE", 99.6, "bondsBrusselsGovernment"],
  ["Belfius Reverse Conv. KBC", 7.0, 2026, "EUR", "XBRU", "BE", 98.8, "bondsBrusselsReverseConvertible"],
  ["Enel Finance", 3.875, 2032, "EUR", "ETLX", "IT", 101.5, "bondsEuroTlxCorporate"],
  ["BTP EuroTLX", 4.0, 2035, "EUR", "ETLX", "IT", 102.0, "bondsEuroTlxItalianGovernment"],
  ["France (OAT)", 3.0, 2034, "EUR", "ETLX", "FR", 97.9, "bondsEuroTlxOtherGovernment"],
  ["Volkswagen Financial Services", 3.75, 2030, "EUR", "ETLX", "DE", 101.2, "bondsEuroTlxTop50Corporate"],
  ["Bundesrepublik Deutschland", 2.6, 2034, "EUR", "ETLX", "DE", 100.4, "bondsEuroTlxTop50Government"],
  ["ArcelorMittal Conv.", 1.5, 2029, "EUR", "XLUX", "LU", 103.8, "bondsLuxembourgConvertible"],
  ["European Investment Bank", 2.75, 2033, "EUR", "XLUX", "XS", 99.5, "bondsLuxembourgCorporate"],
  ["Luxembourg", 3.0, 2033, "EUR", "XLUX", "LU", 101.7, "bondsLuxembourgGovernment"],
  ["Leonteq Reverse Conv. ArcelorMittal", 9.0, 2026, "EUR", "XLUX", "LU", 97.6, "bondsLuxembourgReverseConvertible"],
  ["Société Générale Effekten", 3.25, 2029, "EUR", "XPAR", "FR", 99.9, "bondsSocieteGenerale"],
];
