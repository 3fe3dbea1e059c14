import type { Clock } from "../clock";
import { BinckError, isBinckError } from "../errors";
import type { RequestPriority } from "../rest/request-budget";
import type { SearchQuery } from "../rest/queries";
import type { InstrumentModel, InstrumentType } from "../wire/models";
import { DayCache, type DayCacheSnapshot } from "./day-cache";
import { parseInstrumentReference, referenceKey, type InstrumentReference } from "./instrument-reference";

/** The two REST operations resolution needs (BinckRestClient has them). */
export interface InstrumentLookup {
  searchInstruments(query: SearchQuery, options?: { priority?: RequestPriority }): Promise<InstrumentModel[]>;
  getInstruments(accountNumber: string, instrumentIds: readonly string[], options?: { priority?: RequestPriority }): Promise<InstrumentModel[]>;
}

/** A look-up's answer as cached: the instrument, or why there is none (unknown and ambiguous are answers too). */
export type Resolution =
  | { kind: "found"; instrument: InstrumentModel }
  | { kind: "unknown" | "ambiguous"; endUserMessage: string; developerMessage: string };

export type ResolverSnapshot = DayCacheSnapshot<Resolution>;

export interface ResolveContext {
  accountNumber: string;
  priority?: RequestPriority;
}

export interface InstrumentResolverOptions {
  lookup: InstrumentLookup;
  clock: Clock;
  /** IANA zone for "midnight" (tests); the runtime's own by default. */
  timeZone?: string;
  /** Told of every answer given from the cache (RequestBudget.noteCacheHit, for BINCK.STATUS). */
  onCacheHit?: () => void;
}

/** Classes have no quotes (API.md 5.7): an equity wins over the option class or SRD class of the same symbol or ISIN. */
const CLASS_TYPES: ReadonlySet<InstrumentType> = new Set(["optionClass", "futureClass", "srdClass"]);
const CANDIDATES_SHOWN = 5;

/**
 * Turns an instrument argument (id, ISIN, ISIN:MIC, symbol, SYMBOL:MIC) into Binck's instrument, through the
 * instrument search. Answers are cached until the next local midnight; identical look-ups in flight share one.
 */
export class InstrumentResolver {
  private readonly cache: DayCache<Resolution>;
  private readonly inFlight = new Map<string, Promise<Resolution>>();

  constructor(private readonly options: InstrumentResolverOptions) {
    this.cache = new DayCache(options.clock, options.timeZone);
  }

  /** The instrument, or an invalidInput BinckError that says why not (malformed, unknown, ambiguous). */
  async resolve(argument: string, context: ResolveContext): Promise<InstrumentModel> {
    const resolution = await this.resolution(argument, context);
    if (resolution.kind === "found") return resolution.instrument;
    throw new BinckError("invalidInput", resolution.endUserMessage, resolution.developerMessage);
  }

  /** The look-up's answer itself (found, unknown or ambiguous), for callers that tell them apart (the order check). */
  explain(argument: string, context: ResolveContext): Promise<Resolution> {
    try {
      return this.resolution(argument, context);
    } catch (error) {
      if (!isBinckError(error)) throw error;
      return Promise.resolve({ kind: "unknown", endUserMessage: error.endUserMessage, developerMessage: error.developerMessage });
    }
  }

  snapshot(): ResolverSnapshot {
    return this.cache.snapshot();
  }

  /** Takes over a snapshot of the same day (false when it has expired). */
  restore(snapshot: ResolverSnapshot | undefined): boolean {
    return this.cache.restore(snapshot);
  }

  private resolution(argument: string, context: ResolveContext): Promise<Resolution> {
    const reference = parseInstrumentReference(argument);
    const key = referenceKey(reference);
    const cached = this.cache.get(key);
    if (cached) {
      this.options.onCacheHit?.();
      return Promise.resolve(cached);
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      const day = this.cache.dayToken();
      pending = this.lookUp(reference, argument.trim(), context).then((resolution) => {
        this.cache.set(key, resolution, day);
        if (resolution.kind === "found") this.cache.set(`id:${resolution.instrument.id}`, resolution, day);
        return resolution;
      }).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async lookUp(reference: InstrumentReference, shown: string, context: ResolveContext): Promise<Resolution> {
    switch (reference.kind) {
      case "isin":
        return this.byIsin(reference.isin, reference.mic, shown, context);
      case "id":
        return (await this.byId(reference.id, context)) ?? (reference.orSymbol
          ? this.bySymbol(reference.orSymbol, undefined, shown, context, `No instrument has the id or symbol ${shown}.`)
          : unknown(`No instrument has the id ${shown}.`));
      case "symbol": {
        const orId = reference.orId;
        const found = await this.bySymbol(reference.symbol, reference.mic, shown, context, orId ? undefined : `No instrument has the symbol ${reference.symbol}.`);
        if (found.kind !== "unknown" || !orId) return found;
        return (await this.byId(orId, context)) ?? unknown(`No instrument has the symbol or id ${shown}.`);
      }
    }
  }

  private async byIsin(isin: string, mic: string | undefined, shown: string, context: ResolveContext): Promise<Resolution> {
    const found = preferQuotable(await this.options.lookup.searchInstruments({ accountNumber: context.accountNumber, isin, mic }, { priority: context.priority }));
    if (found.length === 0) return unknown(mic ? `No instrument with ISIN ${isin} is listed on ${mic}.` : `No instrument has ISIN ${isin}.`);
    return pick(found, shown, isin);
  }

  private async bySymbol(symbol: string, mic: string | undefined, shown: string, context: ResolveContext, unknownMessage?: string): Promise<Resolution> {
    if (symbol.length < 2) {
      return unknown(`${shown}: Binck's search needs at least 2 characters, so a one-letter symbol cannot be looked up; use its ISIN or id.`);
    }
    const results = await this.options.lookup.searchInstruments({ accountNumber: context.accountNumber, searchText: symbol.slice(0, 30) }, { priority: context.priority });
    const named = preferQuotable(results.filter((instrument) => instrument.symbol.toUpperCase() === symbol || instrument.tickerSymbol.toUpperCase() === symbol));
    const onMarket = mic ? named.filter((instrument) => instrument.marketIdentificationCode === mic) : named;
    if (onMarket.length > 0) return pick(onMarket, shown, symbol);
    if (mic && named.length > 0) {
      return unknown(`${symbol} is not listed on ${mic}; it is on ${[...new Set(named.map((instrument) => instrument.marketIdentificationCode ?? "?"))].join(", ")}.`);
    }
    return unknown(unknownMessage ?? `No instrument has the symbol ${symbol}.`);
  }

  /** The instrument with this id, or undefined when Binck does not know it (404). */
  private async byId(id: string, context: ResolveContext): Promise<Resolution | undefined> {
    try {
      const [instrument] = await this.options.lookup.getInstruments(context.accountNumber, [id], { priority: context.priority });
      return instrument ? { kind: "found", instrument } : undefined;
    } catch (error) {
      if (isBinckError(error) && error.status === 404) return undefined;
      throw error;
    }
  }
}

function preferQuotable(instruments: InstrumentModel[]): InstrumentModel[] {
  const quotable = instruments.filter((instrument) => !CLASS_TYPES.has(instrument.type));
  return quotable.length > 0 ? quotable : instruments;
}

/** The one candidate, or an ambiguity that names the candidates and how to choose. */
function pick(candidates: InstrumentModel[], shown: string, stem: string): Resolution {
  if (candidates.length === 1) return { kind: "found", instrument: candidates[0] };
  const mics = candidates.map((instrument) => instrument.marketIdentificationCode);
  const micsTell = mics.every((mic) => mic !== undefined) && new Set(mics).size === mics.length;
  const listed = candidates.slice(0, CANDIDATES_SHOWN).map((instrument) =>
    micsTell ? `${instrument.name} (${instrument.marketIdentificationCode})` : `${instrument.name} (${[instrument.marketIdentificationCode, `id ${instrument.id}`].filter(Boolean).join(", ")})`);
  const more = candidates.length > CANDIDATES_SHOWN ? `, and ${candidates.length - CANDIDATES_SHOWN} more` : "";
  const hint = micsTell ? `use ${stem}:${candidates[0].marketIdentificationCode}` : `use the instrument id, e.g. ${candidates[0].id}`;
  const message = `${shown} is ambiguous: ${listed.join(", ")}${more} — ${hint}.`;
  return { kind: "ambiguous", endUserMessage: message, developerMessage: `Instrument '${shown}' is ambiguous (${candidates.length} candidates: ${candidates.map((instrument) => instrument.id).join(", ")}).` };
}

function unknown(message: string): Resolution {
  return { kind: "unknown", endUserMessage: message, developerMessage: `Instrument look-up found nothing: ${message}` };
}
