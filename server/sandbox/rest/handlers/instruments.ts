import {
  BOND_LIST_IDS, CERTIFICATE_EXCHANGES, INSTRUMENT_LIST_IDS, INSTRUMENT_TYPES, LEVERAGED_CATEGORIES, LEVERAGED_DIRECTIONS,
  LEVERAGED_PUBLISHERS, LEVERAGED_TYPES,
} from "../../../../src/core/wire/instruments";
import { localize } from "../../i18n";
import { compareSeries, derivativeClass, matchesSearch, searchRank, wireInstrument } from "../../market/instrument-views";
import { kidPdf } from "../../market/kid-pdf";
import type { SandboxInstrument } from "../../market/market";
import { accountFromQuery } from "../account-access";
import { ApiError, badRequest, endUser, notFound } from "../api-error";
import type { ApiRequest, Handler } from "../handler";
import { pageFields, paginate } from "../paging";
import { checkInstrumentId, INSTRUMENT_ID_PATTERN } from "./instrument-id";

const ISIN_PATTERN = /^([A-Z]{2})([A-Z0-9]{5,})$/;
const SERIES_TYPES = new Set(["option", "future"]);
const STOP_LOSS_RANGE = /^(\d+(?:\.\d+)?)?-(\d+(?:\.\d+)?)?$/;

/** #20 GET /instruments: search by text or ISIN (one of them), optionally by type and (with ISIN) market. */
export const searchInstruments: Handler = (request) => {
  accountFromQuery(request);
  const { query } = request;
  const searchText = query.string("searchText", { minLength: 2, maxLength: 30 });
  const isin = query.string("isin", { minLength: 5, maxLength: 15, pattern: ISIN_PATTERN });
  if (searchText === undefined && isin === undefined) throw badRequest("searchText", "searchText or isin is required.");
  if (searchText !== undefined && isin !== undefined) throw badRequest("isin", "cannot be combined with searchText; give one of them.");
  const mic = query.string("mic", { minLength: 1, maxLength: 4 })?.toUpperCase();
  if (mic !== undefined && isin === undefined) throw badRequest("mic", "may only be used together with isin.");
  const instrumentType = query.enumValue("instrumentType", INSTRUMENT_TYPES);
  // Searching type srd answers the SRD classes (API.md 3.3 #20).
  const wantedType = instrumentType === "srd" ? "srdClass" : instrumentType;
  const catalogue = request.ctx.market.catalogue;
  let found: SandboxInstrument[];
  if (isin !== undefined) {
    found = catalogue.byIsin(isin, mic);
  } else {
    const lower = searchText!.toLowerCase();
    found = catalogue.all()
      .filter((instrument) => (wantedType ? true : !SERIES_TYPES.has(instrument.model.type)) && matchesSearch(instrument, lower))
      .sort((a, b) => searchRank(a, lower) - searchRank(b, lower) || a.model.name.localeCompare(b.model.name));
  }
  if (wantedType) found = found.filter((instrument) => instrument.model.type === wantedType);
  return instrumentsPage(request, found);
};

/** #21 GET /instruments/{id}: one or more ids, comma separated (%2C arrives decoded). */
export const getInstruments: Handler = (request) => {
  accountFromQuery(request);
  const ids = [...new Set(request.params.id.split(",").map((id) => id.trim()).filter(Boolean))];
  if (ids.length === 0) throw badRequest("id", "must name at least one instrument id.");
  for (const id of ids) checkInstrumentId("id", id);
  const catalogue = request.ctx.market.catalogue;
  const missing = ids.filter((id) => !catalogue.get(id));
  if (missing.length > 0) throw notFound(`Instrument ${missing.join(", ")}`);
  const includeTickSizes = request.query.boolean("includeTickSizes", false);
  const instruments = ids.map((id) => wireInstrument(catalogue.get(id)!, includeTickSizes));
  return { body: { instrumentsCollection: { instruments }, count: instruments.length } };
};

/** #22 GET /instruments/lists/{id}: a predefined list, optionally of one market. */
export const getListContents: Handler = (request) => {
  accountFromQuery(request);
  // Route values bind case-insensitively to the list enum, as on the real (ASP.NET) API.
  const listId = INSTRUMENT_LIST_IDS.find((id) => id.toLowerCase() === request.params.id.toLowerCase());
  if (listId === undefined) {
    throw new ApiError(404, "notFound", `List '${request.params.id.slice(0, 60)}' was not found; known lists are ${INSTRUMENT_LIST_IDS.join(", ")}.`, endUser.notFound);
  }
  const mic = request.query.string("mic", { maxLength: 10 })?.toUpperCase();
  const listed = request.ctx.market.catalogue.list(listId);
  const members = mic ? listed.filter((instrument) => instrument.model.marketIdentificationCode === mic) : listed;
  return instrumentsPage(request, members);
};

/** #23 GET /instruments/leveragedproducts: turbos by category, publisher, direction, type and stop-loss range. */
export const getLeveragedProducts: Handler = (request) => {
  accountFromQuery(request);
  const { query } = request;
  const category = query.enumValue("category", LEVERAGED_CATEGORIES, "indices")!;
  const publisher = query.enumValue("publisher", LEVERAGED_PUBLISHERS, "binckBank")!;
  const direction = query.enumValue("longShort", LEVERAGED_DIRECTIONS, "all")!;
  const type = query.enumValue("type", LEVERAGED_TYPES, "all")!;
  const [minimum, maximum] = stopLossBounds(request);
  const products = request.ctx.market.catalogue.list("leveragedProducts").filter((instrument) => {
    const facts = instrument.leveraged;
    if (!facts || facts.category !== category) return false;
    if (publisher !== "all" && facts.publisher !== publisher) return false;
    if (direction !== "all" && facts.direction !== direction) return false;
    if (type !== "all" && facts.xl !== (type === "xl")) return false;
    const level = instrument.model.leveragedProduct?.stopLossLevel ?? instrument.model.leveragedProduct?.financingLevel ?? 0;
    return (minimum === undefined || level >= minimum) && (maximum === undefined || level <= maximum);
  });
  return instrumentsPage(request, products);
};

/** #24 GET /instruments/certificates: certificates of one exchange list (default SeDeX). */
export const getCertificates: Handler = (request) => {
  accountFromQuery(request);
  const exchange = request.query.enumValue("exchange", CERTIFICATE_EXCHANGES, "certificatesSeDeX")!;
  return instrumentsPage(request, request.ctx.market.catalogue.list(exchange));
};

/** #25 GET /instruments/bonds: bonds of one list; `type` is required. */
export const getBonds: Handler = (request) => {
  accountFromQuery(request);
  const type = request.query.enumValue("type", BOND_LIST_IDS);
  if (type === undefined) throw badRequest("type", `is required: one of ${BOND_LIST_IDS.join(", ")}.`);
  return instrumentsPage(request, request.ctx.market.catalogue.list(type));
};

/** #26 GET /instruments/derivatives: the option / future sheet of a symbol or an underlying; pages over series. */
export const getDerivatives: Handler = (request) => {
  accountFromQuery(request);
  const { query } = request;
  const symbol = query.string("symbol", { maxLength: 20 });
  const underlyingId = query.string("underlyingInstrumentId", { maxLength: 20, pattern: INSTRUMENT_ID_PATTERN });
  if (symbol === undefined && underlyingId === undefined) throw badRequest("symbol", "symbol or underlyingInstrumentId is required.");
  if (symbol !== undefined && underlyingId !== undefined) throw badRequest("underlyingInstrumentId", "cannot be combined with symbol; give one of them.");
  const mic = query.string("marketIdentificationCode", { maxLength: 10 })?.toUpperCase();
  const currency = query.string("currency", { maxLength: 3 });
  if (symbol === undefined && (mic !== undefined || currency !== undefined)) {
    throw badRequest(mic !== undefined ? "marketIdentificationCode" : "currency", "may only be used together with symbol.");
  }
  const catalogue = request.ctx.market.catalogue;
  const classes = catalogue.all().filter((instrument) => {
    const model = instrument.model;
    if (model.type !== "optionClass" && model.type !== "futureClass") return false;
    if (underlyingId !== undefined) return model.derivativesInfo?.underlyingInstrumentId === underlyingId;
    return model.symbol.toLowerCase() === symbol!.toLowerCase()
      && (mic === undefined || model.marketIdentificationCode === mic)
      && (currency === undefined || model.currency.toLowerCase() === currency.toLowerCase());
  });
  const series = classes.flatMap((entry) => [...catalogue.seriesOf(entry.model.id)].sort(compareSeries));
  const page = paginate(series, query);
  const grouped = classes
    .map((entry) => ({ entry, series: page.items.filter((item) => item.classId === entry.model.id) }))
    .filter((group) => group.series.length > 0 || page.items.length === 0)
    .map((group) => derivativeClass(group.entry, group.series, catalogue.get(group.entry.model.derivativesInfo?.underlyingInstrumentId ?? "")));
  return { body: { derivativesCollection: { classes: grouped }, ...pageFields(page) } };
};

/** #27 GET /instruments/{id}/kid (scope write): the key information documents of an instrument. */
export const getKids: Handler = (request) => {
  accountFromQuery(request);
  const instrument = knownInstrument(request, request.params.id);
  return { body: { kidCollection: { kids: kidsOf(request, instrument) } } };
};

/** #28 GET /instruments/{id}/kid/{kidId} (scope write): the PDF itself. */
export const getKidDocument: Handler = (request) => {
  accountFromQuery(request);
  const instrument = knownInstrument(request, request.params.id);
  const kid = kidsOf(request, instrument).find((candidate) => candidate.kidId === request.params.kidId);
  if (!kid) throw notFound(`KID document '${request.params.kidId.slice(0, 60)}' of instrument ${instrument.model.id}`);
  const model = instrument.model;
  const pdf = kidPdf(kid.name, [
    `Product: ${model.name}`, `ISIN: ${model.isincode ?? "-"}`, `Type: ${model.type}`, `Market: ${model.marketIdentificationCode ?? "-"}`,
    "Binck sandbox: an illustrative key information document, not a real one.",
  ]);
  // Header values must stay ASCII: strip accents (ë -> e) from the suggested file name.
  const filename = `${kid.name}.pdf`.normalize("NFD").replace(/[^\x20-\x7e]/g, "");
  return { binary: pdf, contentType: "application/pdf", filename };
};

function kidsOf(request: ApiRequest, instrument: SandboxInstrument): Array<{ name: string; kidId: string }> {
  if (!instrument.model.isKidApplicable) return [];
  const languages = [...new Set([request.language, "en" as const])];
  const title = { en: "Key information document", nl: "Essentiële-informatiedocument", fr: "Document d'informations clés", it: "Documento contenente le informazioni chiave" };
  return languages.map((language) => ({ name: `${localize(title, language)} ${instrument.model.name}`, kidId: `${instrument.model.id}-${language.toUpperCase()}` }));
}

function knownInstrument(request: ApiRequest, id: string): SandboxInstrument {
  const instrument = request.ctx.market.catalogue.get(checkInstrumentId("id", id));
  if (!instrument) throw notFound(`Instrument ${id}`);
  return instrument;
}

function instrumentsPage(request: ApiRequest, instruments: readonly SandboxInstrument[]) {
  const includeTickSizes = request.query.boolean("includeTickSizes", false);
  const page = paginate(instruments, request.query);
  return {
    body: {
      instrumentsCollection: { instruments: page.items.map((instrument) => wireInstrument(instrument, includeTickSizes)) },
      ...pageFields(page),
    },
  };
}

/** stoplossMin / stoplossMax (swagger) or the demo's stopLossRange=min-max, not both. */
function stopLossBounds(request: ApiRequest): [number | undefined, number | undefined] {
  const { query } = request;
  const range = query.string("stopLossRange", { maxLength: 40 });
  if (range !== undefined) {
    if (query.has("stoplossMin") || query.has("stoplossMax")) throw badRequest("stopLossRange", "cannot be combined with stoplossMin or stoplossMax.");
    const match = STOP_LOSS_RANGE.exec(range);
    if (!match) throw badRequest("stopLossRange", `'${range}' is not <min>-<max> (numbers, either may be left out).`);
    const bounds: [number | undefined, number | undefined] = [match[1] ? Number(match[1]) : undefined, match[2] ? Number(match[2]) : undefined];
    if (bounds[0] !== undefined && bounds[1] !== undefined && bounds[0] > bounds[1]) throw badRequest("stopLossRange", `'${range}': the minimum is above the maximum.`);
    return bounds;
  }
  const minimum = query.number("stoplossMin");
  const maximum = query.number("stoplossMax");
  if (minimum !== undefined && maximum !== undefined && minimum > maximum) throw badRequest("stoplossMin", `${minimum} is above stoplossMax ${maximum}.`);
  return [minimum, maximum];
}
