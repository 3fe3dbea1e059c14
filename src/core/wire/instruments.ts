/** Enumerations of the instrument, quote and news operations, spelled as in swagger.json (API.md 3.3 #20-#31). */
import type { InstrumentType } from "./models";

export const INSTRUMENT_TYPES: readonly InstrumentType[] = ["bond", "cashDividend", "certificate", "choiceDividend", "claim", "coupon",
  "discounter", "equity", "future", "futureClass", "index", "investmentFund", "ipo", "option", "optionClass", "otherLeveragedProduct",
  "speeder", "sprinter", "srd", "srdClass", "stockDividend", "structuredProduct", "tracker", "turbo", "unclassified", "warrant"];

/** `type` of GET /instruments/bonds; also list ids of GET /instruments/lists/{id}. */
export const BOND_LIST_IDS = ["bondsAmsterdamConvertible","bondsAmsterdamCorporate","bondsAmsterdamGovernment","bondsAmsterdamReverseConvertible","bondsBNPParibas","bondsBorsaItalianaEuroMotCorporate","bondsBorsaItalianaEuroMotGovernment","bondsBorsaItalianaExtraMot","bondsBorsaItalianaMotBot","bondsBorsaItalianaMotBtp","bondsBorsaItalianaMotCct","bondsBorsaItalianaMotCtz","bondsBorsaItalianaMotOther","bondsBorsaItalianaTop50Corporate","bondsBorsaItalianaTop50Government","bondsBrusselsConvertible","bondsBrusselsCorporate","bondsBrusselsGovernment","bondsBrusselsReverseConvertible","bondsEuroTlxCorporate","bondsEuroTlxItalianGovernment","bondsEuroTlxOtherGovernment","bondsEuroTlxTop50Corporate","bondsEuroTlxTop50Government","bondsLuxembourgConvertible","bondsLuxembourgCorporate","bondsLuxembourgGovernment","bondsLuxembourgReverseConvertible","bondsSocieteGenerale"] as const;
export type BondListId = (typeof BOND_LIST_IDS)[number];

/** `{id}` of GET /instruments/lists/{id}. */
export const INSTRUMENT_LIST_IDS = ["amsterdamAEXIndex","amsterdamAMXIndex","amsterdamASCXIndex","bondsAmsterdamConvertible","bondsAmsterdamCorporate","bondsAmsterdamGovernment","bondsAmsterdamReverseConvertible","bondsBNPParibas","bondsBorsaItalianaEuroMotCorporate","bondsBorsaItalianaEuroMotGovernment","bondsBorsaItalianaExtraMot","bondsBorsaItalianaMotBot","bondsBorsaItalianaMotBtp","bondsBorsaItalianaMotCct","bondsBorsaItalianaMotCtz","bondsBorsaItalianaMotOther","bondsBorsaItalianaTop50Corporate","bondsBorsaItalianaTop50Government","bondsBrusselsConvertible","bondsBrusselsCorporate","bondsBrusselsGovernment","bondsBrusselsReverseConvertible","bondsEuroTlxCorporate","bondsEuroTlxItalianGovernment","bondsEuroTlxOtherGovernment","bondsEuroTlxTop50Corporate","bondsEuroTlxTop50Government","bondsLuxembourgConvertible","bondsLuxembourgCorporate","bondsLuxembourgGovernment","bondsLuxembourgReverseConvertible","bondsSocieteGenerale","brusselsBEL20Index","certificatesEuronext","certificatesEuroTLX","certificatesSeDeX","copenhagenOMX20Index","currencies","dublinISEQ20Index","frankfurtDAX30Index","funds","helsinkiHEX25Index","internationalIndices","leveragedProducts","lisbonPSI20Index","londonFTSE100Index","madridIBEX35Index","milanMIB40Index","newYorkAMEXIndex","newYorkDowJones30Index","newYorkNASDAQ100Index","newYorkNASDAQIndex","newYorkNYSEIndex","osloOBXIndex","parisCAC40Index","parisCACLarge60Index","parisCACMid60Index","parisCACMidAndSmallIndex","parisCACNext20Index","parisCACPMEIndex","parisCACSmallIndex","stockholmOMX30Index","structuredProducts","torontoSPTSX60Index","torontoVentureIndex","trackers","viennaATX20Index","warrants","zurichSMIIndex","commodities","hotFutures","popularItalyFutures","popularNetherlandsFutures","popularFranceFutures","allInstruments"] as const;
export type InstrumentListId = (typeof INSTRUMENT_LIST_IDS)[number];

export const LEVERAGED_CATEGORIES = ["bonds", "commodities", "currencies", "equities", "indices"] as const;
export const LEVERAGED_PUBLISHERS = ["all", "binckBank", "bnpParibas", "citigroup", "commerzBank", "goldmanSachs", "ing", "unicredit", "vontobelFinancialProducts", "socGen"] as const;
export const LEVERAGED_DIRECTIONS = ["all", "long", "short"] as const;
export const LEVERAGED_TYPES = ["all", "regular", "xl"] as const;
export const CERTIFICATE_EXCHANGES = ["certificatesSeDeX", "certificatesEuroTLX", "certificatesEuronext"] as const;

/** `level` of GET /quotes (the stream uses Trades / TopOfBook / Book instead). */
export const REST_QUOTE_LEVELS = ["none", "tradesOnly", "tradesBidAsk", "fullBook"] as const;
export type RestQuoteLevel = (typeof REST_QUOTE_LEVELS)[number];

export const HISTORY_INTERVALS = ["oneMinute", "fiveMinutes", "tenMinutes", "fifteenMinutes", "oneHour", "oneDay", "oneWeek", "oneMonth"] as const;
export type HistoryInterval = (typeof HISTORY_INTERVALS)[number];

export const NEWS_SUBSCRIPTIONS = ["binckNl", "binckNlPro", "binckIt", "binckFrBe", "binckNlBe", "binckFr"] as const;
export type NewsSubscription = (typeof NEWS_SUBSCRIPTIONS)[number];
