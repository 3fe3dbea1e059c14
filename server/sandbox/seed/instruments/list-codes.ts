/**
 * The short list codes of the data rows, expanded to the ids of `GET /instruments/lists/{id}` (swagger enum).
 * Lists not named here are filled by rule in the catalogue builder (allInstruments, per-market lists,
 * internationalIndices, bonds, leveraged products, futures).
 */
export const LIST_CODES: Readonly<Record<string, readonly string[]>> = {
  aex: ["amsterdamAEXIndex"],
  amx: ["amsterdamAMXIndex"],
  ascx: ["amsterdamASCXIndex"],
  bel: ["brusselsBEL20Index"],
  cac: ["parisCAC40Index", "parisCACLarge60Index"],
  n20: ["parisCACNext20Index", "parisCACLarge60Index"],
  m60: ["parisCACMid60Index", "parisCACMidAndSmallIndex"],
  sml: ["parisCACSmallIndex", "parisCACMidAndSmallIndex"],
  pme: ["parisCACPMEIndex", "parisCACSmallIndex", "parisCACMidAndSmallIndex"],
  dax: ["frankfurtDAX30Index"],
  mib: ["milanMIB40Index"],
  dj: ["newYorkDowJones30Index"],
  nq: ["newYorkNASDAQ100Index"],
  amex: ["newYorkAMEXIndex"],
  lse: ["londonFTSE100Index"],
  smi: ["zurichSMIIndex"],
  ibex: ["madridIBEX35Index"],
  omxs: ["stockholmOMX30Index"],
  omxc: ["copenhagenOMX20Index"],
  hex: ["helsinkiHEX25Index"],
  obx: ["osloOBXIndex"],
  psi: ["lisbonPSI20Index"],
  iseq: ["dublinISEQ20Index"],
  atx: ["viennaATX20Index"],
  tsx: ["torontoSPTSX60Index"],
  tsxv: ["torontoVentureIndex"],
  trackers: ["trackers"],
  funds: ["funds"],
  currencies: ["currencies"],
  commodities: ["commodities"],
  structured: ["structuredProducts"],
  warrants: ["warrants"],
  hotFutures: ["hotFutures"],
  nlFutures: ["popularNetherlandsFutures"],
  frFutures: ["popularFranceFutures"],
  itFutures: ["popularItalyFutures"],
  certSeDeX: ["certificatesSeDeX"],
  certEuroTLX: ["certificatesEuroTLX"],
  certEuronext: ["certificatesEuronext"],
};

/** Lists whose members are every equity of a market. */
export const MARKET_LISTS: Readonly<Record<string, string>> = {
  newYorkNASDAQIndex: "XNAS",
  newYorkNYSEIndex: "XNYS",
};
