import type { Clock } from "../clock";
import { BinckError, isBinckError } from "../errors";
import type { RequestPriority } from "../rest/request-budget";
import type { SearchQuery } from "../rest/queries";
import type { InstrumentModel } from "../wire/models";
import { isQuotable, pick, preferQuotable, unknown, type Resolution } from "./resolution";
import { DayCache, type DayCacheSnapshot } from "./day-cache";
import { IsinListBatcher, type InstrumentListLookup, type IsinListPolicy } from "./isin-list-batcher";
import { parseInstrumentReference, referenceKey, type InstrumentReference } from "./instrument-reference";

/** The two REST operations resolution needs (BinckRestClient has them). */
export interface InstrumentLookup {
  searchInstruments(query: SearchQuery, options?: { priority?: RequestPriority }): Promise<InstrumentModel[]>;
  getInstruments(accountNumber: string, instrumentIds: readonly string[], options?: { priority?: RequestPriority }): Promise<InstrumentModel[]>;
}

export type { Resolution };

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
  /** With it, many ISINs at once are looked up in the instrument list rather than one search each. */
  listLookup?: InstrumentListLookup;
  listPolicy?: Partial<IsinListPolicy>;
}

/** Requests resolution has made, by kind (list pages are counted by the IsinListBatcher). */
export interface ResolutionFigures {
  searches: number;
  idLookups: number;
  listPages: number;
  answeredFromLists: number;
}


/**
 * Turns an instrument argument (id, ISIN, ISIN:MIC, symbol, SYMBOL:MIC) into Binck's instrument, through the
 * instrument search. Answers are cached until the next local midnight; identical look-ups in flight share one.
 */
export class InstrumentResolver {
  private readonly cache: DayCache<Resolution>;
  private readonly inFlight = new Map<string, Promise<Resolution>>();
  private readonly lists?: IsinListBatcher;
  private readonly listeners = new Set<() => void>();
  private restoring?: Promise<unknown>;
  private searches = 0;
  private idLookups = 0;

  constructor(private readonly options: InstrumentResolverOptions) {
    this.cache = new DayCache(options.clock, options.timeZone);
    if (options.listLookup) this.lists = new IsinListBatcher(options.listLookup, options.clock, options.listPolicy);
  }

  figures(): ResolutionFigures {
    return { searches: this.searches, idLookups: this.idLookups, ...(this.lists?.figures() ?? { listPages: 0, answeredFromLists: 0 }) };
  }

  /** Calls `listener` after every new answer is cached (to save the snapshot). */
  onResolved(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Look-ups wait for this snapshot (read from storage) before they ask Binck. */
  restoreFrom(loading: Promise<ResolverSnapshot | undefined>): void {
    this.restoring = loading.then((snapshot) => this.restore(snapshot), () => false).finally(() => {
      this.restoring = undefined;
    });
  }

  /** The instrument, or an invalidInput BinckError that says why not (malformed, unknown, ambiguous). */
  async resolve(argument: string, context: ResolveContext): Promise<InstrumentModel> {
    const resolution = await this.resolution(argument, context);
    if (resolution.kind === "found") return resolution.instrument;
    throw new BinckError("invalidInput", resolution.endUserMessage, resolution.developerMessage);
  }

  /** The look-up's answer itself (found, unknown or ambiguous), for callers that tell them apart (the order check). */
  async explain(argument: string, context: ResolveContext): Promise<Resolution> {
    try {
      return await this.resolution(argument, context);
    } catch (error) {
      // A malformed argument names no instrument; a failed request (network, maintenance) stays an error.
      if (!isBinckError(error) || error.code !== "invalidInput") throw error;
      return { kind: "unknown", endUserMessage: error.endUserMessage, developerMessage: error.developerMessage };
    }
  }

  snapshot(): ResolverSnapshot {
    return this.cache.snapshot();
  }

  /** Takes over a snapshot of the same day (false when it has expired). */
  restore(snapshot: ResolverSnapshot | undefined): boolean {
    return this.cache.restore(snapshot);
  }

  private async resolution(argument: string, context: ResolveContext): Promise<Resolution> {
    const reference = parseInstrumentReference(argument);
    const key = referenceKey(reference);
    if (this.restoring) await this.restoring;
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
        for (const listener of this.listeners) listener();
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
    // The list holds quotable instruments (and SRD classes): only a quotable one answers as the search would.
    const listed = await this.lists?.find(context.accountNumber, isin, mic, context.priority ?? "background");
    if (listed?.some(isQuotable)) return pick(preferQuotable(listed), shown, isin);
    const found = preferQuotable(await this.search({ accountNumber: context.accountNumber, isin, mic }, context));
    if (found.length === 0) return unknown(mic ? `No instrument with ISIN ${isin} is listed on ${mic}.` : `No instrument has ISIN ${isin}.`);
    return pick(found, shown, isin);
  }

  private async bySymbol(symbol: string, mic: string | undefined, shown: string, context: ResolveContext, unknownMessage?: string): Promise<Resolution> {
    if (symbol.length < 2) {
      return unknown(`${shown}: Binck's search needs at least 2 characters, so a one-letter symbol cannot be looked up; use its ISIN or id.`);
    }
    const results = await this.search({ accountNumber: context.accountNumber, searchText: symbol.slice(0, 30) }, context);
    const named = preferQuotable(results.filter((instrument) => instrument.symbol.toUpperCase() === symbol || instrument.tickerSymbol.toUpperCase() === symbol));
    const onMarket = mic ? named.filter((instrument) => instrument.marketIdentificationCode === mic) : named;
    if (onMarket.length > 0) return pick(onMarket, shown, symbol);
    if (mic && named.length > 0) {
      return unknown(`${symbol} is not listed on ${mic}; it is on ${[...new Set(named.map((instrument) => instrument.marketIdentificationCode ?? "?"))].join(", ")}.`);
    }
    return unknown(unknownMessage ?? `No instrument has the symbol ${symbol}.`);
  }

  private search(query: SearchQuery, context: ResolveContext): Promise<InstrumentModel[]> {
    this.searches++;
    return this.options.lookup.searchInstruments(query, { priority: context.priority });
  }

  /** The instrument with this id, or undefined when Binck does not know it (404). */
  private async byId(id: string, context: ResolveContext): Promise<Resolution | undefined> {
    this.idLookups++;
    try {
      const [instrument] = await this.options.lookup.getInstruments(context.accountNumber, [id], { priority: context.priority });
      return instrument ? { kind: "found", instrument } : undefined;
    } catch (error) {
      if (isBinckError(error) && error.status === 404) return undefined;
      throw error;
    }
  }
}
