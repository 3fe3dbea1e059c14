import { BinckError } from "../errors";
import { INSTRUMENT_LIST_IDS, type RestQuoteLevel } from "../wire/instruments";
import type { InstrumentType } from "../wire/models";

/** Query parameters of the operations, named as in swagger.json, checked before a request is spent on them. */
export interface SearchQuery {
  accountNumber: string;
  /** 2-30 characters, partial name match; or `isin` instead (API.md 3.3 #20). */
  searchText?: string;
  isin?: string;
  /** Only together with `isin`. */
  mic?: string;
  instrumentType?: InstrumentType;
  includeTickSizes?: boolean;
  /** `first-last`, zero-based, inclusive (API.md 3.1). */
  range?: string;
}

/** #22 GET /instruments/lists/{id}: one page of a predefined list, optionally of one market (API.md 3.3 #22). */
export interface InstrumentListQuery {
  accountNumber: string;
  listId: (typeof INSTRUMENT_LIST_IDS)[number];
  mic?: string;
  includeTickSizes?: boolean;
  /** `first-last`, zero-based, inclusive; Binck answers at most 100 a page. */
  range: string;
}

export interface QuotesQuery {
  accountNumber: string;
  instrumentIds: readonly string[];
  level?: RestQuoteLevel;
  range?: string;
}

export interface NewsQuery {
  accountNumber: string;
  /** 1-250: the newest messages of the selection (API.md 3.3 #31: only the first 250 are available). */
  count?: number;
  instrumentIds?: readonly string[];
  fromDate?: string;
  toDate?: string;
}

const ISIN_QUERY = /^[A-Z]{2}[A-Z0-9]{5,}$/;
const INSTRUMENT_ID = /^[A-Za-z0-9]{1,20}$/;

export function checkSearchQuery(query: SearchQuery): void {
  const { searchText, isin, mic } = query;
  if ((searchText === undefined) === (isin === undefined)) invalid("searchText", searchText ?? isin ?? "", "give exactly one of searchText and isin");
  if (searchText !== undefined && (searchText.length < 2 || searchText.length > 30)) invalid("searchText", searchText, "must be 2 to 30 characters");
  if (isin !== undefined && (isin.length > 15 || !ISIN_QUERY.test(isin))) invalid("isin", isin, "must be 5 to 15 capitals and digits starting with two letters");
  if (mic !== undefined && isin === undefined) invalid("mic", mic, "may only be used together with isin");
  if (mic !== undefined && !/^[A-Z0-9]{1,4}$/.test(mic)) invalid("mic", mic, "must be 1 to 4 capitals or digits");
}

const RANGE = /^[0-9]+-[0-9]*$/;

export function checkInstrumentListQuery(query: InstrumentListQuery): void {
  if (!(INSTRUMENT_LIST_IDS as readonly string[]).includes(query.listId)) invalid("id", query.listId, "must be one of Binck's instrument lists, such as allInstruments");
  if (query.mic !== undefined && !/^[A-Z0-9]{1,4}$/.test(query.mic)) invalid("mic", query.mic, "must be 1 to 4 capitals or digits");
  if (!RANGE.test(query.range)) invalid("range", query.range, "must be first-last, zero-based offsets such as 0-99");
}

export function checkInstrumentIds(ids: readonly string[], max: number): void {
  if (ids.length === 0) invalid("instrumentIds", "", "name at least one instrument id");
  if (ids.length > max) invalid("instrumentIds", `${ids.length} ids`, `at most ${max} per request`);
  const bad = ids.find((id) => !INSTRUMENT_ID.test(id));
  if (bad !== undefined) invalid("instrumentIds", bad, "an instrument id is letters and digits");
}

export function checkNewsQuery(query: NewsQuery): void {
  if (query.count !== undefined && !(Number.isInteger(query.count) && query.count >= 1 && query.count <= 250)) invalid("count", String(query.count), "must be a whole number from 1 to 250");
  if (query.instrumentIds !== undefined && query.instrumentIds.length > 0) checkInstrumentIds(query.instrumentIds, 100);
}

function invalid(field: string, value: string, rule: string): never {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  throw new BinckError("invalidInput", `${field} '${shown}': ${rule}.`, `Refused before sending: ${field} '${shown}' — ${rule}.`);
}
