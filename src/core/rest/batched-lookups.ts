import type { Clock } from "../clock";
import { BinckError } from "../errors";
import type { RestQuoteLevel } from "../wire/instruments";
import type { InstrumentModel, QuoteModel } from "../wire/models";
import type { CallOptions } from "./client";
import { IdBatcher, type BatchPolicy } from "./id-batcher";
import { checkInstrumentIds, type QuotesQuery } from "./queries";
import type { RequestPriority } from "./request-budget";

/** The two list operations batching needs (BinckRestClient has them). */
export interface ListLookups {
  getQuotes(query: QuotesQuery, options?: CallOptions): Promise<QuoteModel[]>;
  getInstruments(accountNumber: string, instrumentIds: readonly string[], options?: CallOptions & { includeTickSizes?: boolean }): Promise<InstrumentModel[]>;
}

/**
 * Quote snapshots and instruments by id, one at a time for callers, a list per request for Binck: ids asked for
 * within the policy's gathering time go out together, per account (and quote level).
 */
export class BatchedLookups {
  private readonly quotes: IdBatcher<QuoteModel>;
  private readonly instruments: IdBatcher<InstrumentModel>;

  constructor(rest: ListLookups, clock: Clock, policy: Partial<BatchPolicy> = {}) {
    this.quotes = new IdBatcher<QuoteModel>({
      clock, policy, idOf: (quote) => quote.instrumentId, missing: (id) => notFound("quote", id),
      fetch: (group, ids, priority) => {
        const [accountNumber, level] = group.split("|");
        return rest.getQuotes({ accountNumber, instrumentIds: ids, level: (level || undefined) as RestQuoteLevel | undefined }, { priority });
      },
    });
    this.instruments = new IdBatcher<InstrumentModel>({
      clock, policy, idOf: (instrument) => instrument.id, missing: (id) => notFound("instrument", id),
      fetch: (accountNumber, ids, priority) => rest.getInstruments(accountNumber, ids, { priority, includeTickSizes: true }),
    });
  }

  /** #29 The snapshot of one instrument, sent in a list with the others asked for at the same time. */
  async quote(accountNumber: string, instrumentId: string, options: { level?: RestQuoteLevel; priority?: RequestPriority } = {}): Promise<QuoteModel> {
    checkInstrumentIds([instrumentId], 1); // a malformed id must not spoil the list it would join
    return this.quotes.get(`${accountNumber}|${options.level ?? ""}`, instrumentId, options.priority);
  }

  /** #21 One instrument with its tick sizes, sent in a list with the others asked for at the same time. */
  async instrument(accountNumber: string, instrumentId: string, options: { priority?: RequestPriority } = {}): Promise<InstrumentModel> {
    checkInstrumentIds([instrumentId], 1);
    return this.instruments.get(accountNumber, instrumentId, options.priority);
  }
}

function notFound(what: string, id: string): BinckError {
  return new BinckError("invalidInput", `No ${what} for instrument id ${id}.`, `Binck's answer had no ${what} for ${id}.`, 404);
}
