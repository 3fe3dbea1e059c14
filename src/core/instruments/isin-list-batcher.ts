import type { Clock, TimerHandle } from "../clock";
import { isBinckError } from "../errors";
import type { Page } from "../rest/paging";
import { rank, type RequestPriority } from "../rest/priority-queues";
import type { InstrumentListQuery } from "../rest/queries";
import type { InstrumentModel } from "../wire/models";

/** The list operation (BinckRestClient.getInstrumentListPage). */
export interface InstrumentListLookup {
  getInstrumentListPage(query: InstrumentListQuery, options?: { priority?: RequestPriority }): Promise<Page<InstrumentModel>>;
}

/**
 * When ISIN look-ups are worth a list: they are gathered for `gatherMs`; a group of fewer than `minIsinsPerList`
 * is searched one by one; `pageSize` rows a request (Binck's maximum, API.md 3.1).
 */
export interface IsinListPolicy {
  gatherMs: number;
  minIsinsPerList: number;
  pageSize: number;
}

export const DEFAULT_ISIN_LIST_POLICY: IsinListPolicy = { gatherMs: 30, minIsinsPerList: 3, pageSize: 100 };

/** Requests spent on lists, and how many look-ups they answered (the rest went to the search). */
export interface IsinListFigures {
  listPages: number;
  answeredFromLists: number;
}

interface Waiter {
  isin: string;
  mic?: string;
  resolve(listed: InstrumentModel[] | undefined): void;
  reject(error: unknown): void;
}

interface Gathering {
  waiters: Waiter[];
  priority: RequestPriority;
  timer: TimerHandle;
}

/**
 * Answers many ISIN look-ups from the instrument list `allInstruments` (#22 GET /instruments/lists/{id}, API.md
 * 3.3), which holds every quotable instrument, 100 a page, instead of one `GET /instruments?isin=` each. Whichever
 * costs fewer requests: the first page tells the list's size (`count`), and the rest is read only when its pages
 * are fewer than the look-ups they replace. ISINs without a MIC need the whole list (only then is an ISIN listed
 * on one market known not to be listed on another); ISIN:MIC ones only their market's (`mic`). A look-up answers
 * the list's instruments with that ISIN (and MIC), or undefined: "search it" (not in the list, or not worth it).
 * Pages are read with tick sizes, so that =BINCK.INSTRUMENT needs no further request for what they answered.
 */
export class IsinListBatcher {
  private readonly policy: IsinListPolicy;
  private readonly gathering = new Map<string, Gathering>();
  private readonly counts: IsinListFigures = { listPages: 0, answeredFromLists: 0 };
  private readonly reads = new Map<string, Promise<Map<string, InstrumentModel[]> | undefined>>();

  constructor(private readonly lookup: InstrumentListLookup, private readonly clock: Clock, policy: Partial<IsinListPolicy> = {}) {
    this.policy = { ...DEFAULT_ISIN_LIST_POLICY, ...policy };
  }

  figures(): IsinListFigures {
    return { ...this.counts };
  }

  /** The listed instruments with this ISIN (on `mic` when given), or undefined when it is to be searched. */
  find(accountNumber: string, isin: string, mic: string | undefined, priority: RequestPriority): Promise<InstrumentModel[] | undefined> {
    return new Promise((resolve, reject) => {
      let batch = this.gathering.get(accountNumber);
      if (!batch) {
        batch = { waiters: [], priority, timer: this.clock.setTimeout(() => void this.flush(accountNumber), this.policy.gatherMs) };
        this.gathering.set(accountNumber, batch);
      }
      if (rank(priority) < rank(batch.priority)) batch.priority = priority;
      batch.waiters.push({ isin, mic, resolve, reject });
    });
  }

  private async flush(accountNumber: string): Promise<void> {
    const batch = this.gathering.get(accountNumber)!;
    this.gathering.delete(accountNumber);
    const bare = batch.waiters.filter((waiter) => waiter.mic === undefined);
    const byMic = new Map<string, Waiter[]>();
    for (const waiter of batch.waiters) if (waiter.mic !== undefined) byMic.set(waiter.mic, [...(byMic.get(waiter.mic) ?? []), waiter]);
    if (distinctIsins(bare) >= this.policy.minIsinsPerList && (await this.fromList(accountNumber, undefined, batch.waiters, batch.priority))) return;
    for (const waiter of bare) waiter.resolve(undefined);
    await Promise.all([...byMic].map(async ([mic, waiters]) => {
      if (!(await this.fromList(accountNumber, mic, waiters, batch.priority))) for (const waiter of waiters) waiter.resolve(undefined);
    }));
  }

  /** Answers the waiters from the list of `mic` (all markets when undefined): false when that is not worth it. */
  private async fromList(accountNumber: string, mic: string | undefined, waiters: Waiter[], priority: RequestPriority): Promise<boolean> {
    let listed: Map<string, InstrumentModel[]> | undefined;
    try {
      // A read of the same list (or the whole one) already under way answers these too, if it is read to the end.
      const key = readKey(accountNumber, mic);
      const under = this.reads.get(key) ?? this.reads.get(readKey(accountNumber, undefined));
      listed = under ? await under : undefined;
      if (!listed && distinctIsins(waiters) >= this.policy.minIsinsPerList) {
        const reading = this.readList(accountNumber, mic, distinctIsins(waiters), priority);
        this.reads.set(key, reading);
        listed = await reading.finally(() => {
          if (this.reads.get(key) === reading) this.reads.delete(key);
        });
      }
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
      return true;
    }
    if (!listed) return false;
    for (const waiter of waiters) {
      const found = (listed.get(waiter.isin) ?? []).filter((instrument) => waiter.mic === undefined || instrument.marketIdentificationCode === waiter.mic);
      if (found.length > 0) this.counts.answeredFromLists++;
      waiter.resolve(found.length > 0 ? found : undefined);
    }
    return true;
  }

  /** The list (of one market) by ISIN, or undefined when its pages would cost more than `wanted` searches. */
  private async readList(accountNumber: string, mic: string | undefined, wanted: number, priority: RequestPriority): Promise<Map<string, InstrumentModel[]> | undefined> {
    const rows: InstrumentModel[] = [];
    const { pageSize } = this.policy;
    for (let pageIndex = 0; ; pageIndex++) {
      // Never more pages than the searches they replace: an estimate that was wrong stops here.
      if (pageIndex > wanted) return undefined;
      let page: Page<InstrumentModel>;
      try {
        const first = pageIndex * pageSize;
        page = await this.lookup.getInstrumentListPage({ accountNumber, listId: "allInstruments", mic, includeTickSizes: true, range: `${first}-${first + pageSize - 1}` }, { priority });
      } catch (error) {
        // A deployment without the list (or the market) is searched instead.
        if (isBinckError(error) && error.status === 404) return undefined;
        throw error;
      }
      this.counts.listPages++;
      rows.push(...page.items);
      const more = page.paging ? page.paging.next !== undefined : page.count !== undefined && rows.length < page.count && page.items.length >= pageSize;
      if (page.items.length === 0 || !more) break;
      if (pageIndex === 0) {
        const remainingPages = page.count === undefined ? Infinity : Math.ceil(Math.max(page.count - rows.length, 1) / pageSize);
        if (remainingPages >= wanted) return undefined;
      }
    }
    const byIsin = new Map<string, InstrumentModel[]>();
    for (const instrument of rows) {
      if (instrument.isincode) byIsin.set(instrument.isincode, [...(byIsin.get(instrument.isincode) ?? []), instrument]);
    }
    return byIsin;
  }
}

function readKey(accountNumber: string, mic: string | undefined): string {
  return `${accountNumber}|${mic ?? "*"}`;
}

function distinctIsins(waiters: readonly Waiter[]): number {
  return new Set(waiters.map((waiter) => `${waiter.isin}:${waiter.mic ?? ""}`)).size;
}
