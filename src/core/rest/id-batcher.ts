import type { Clock, TimerHandle } from "../clock";
import { BinckError, isBinckError } from "../errors";
import { rank, type RequestPriority } from "./priority-queues";

/** How long ids are gathered before one request is sent, and how many ids one request may name. */
export interface BatchPolicy {
  gatherMs: number;
  maxIdsPerRequest: number;
}

export const DEFAULT_BATCH_POLICY: BatchPolicy = { gatherMs: 20, maxIdsPerRequest: 100 };

export interface IdBatcherOptions<T> {
  clock: Clock;
  /** One request for these ids (at most maxIdsPerRequest) of one group (an account, a level…). */
  fetch(group: string, ids: string[], priority: RequestPriority): Promise<T[]>;
  idOf(item: T): string;
  /** What a caller gets whose id is not in a successful answer. */
  missing(id: string): BinckError;
  policy?: Partial<BatchPolicy>;
}

interface Waiter<T> {
  resolve(item: T): void;
  reject(error: unknown): void;
}

interface Gathering<T> {
  waiters: Map<string, Waiter<T>[]>;
  priority: RequestPriority;
  timer: TimerHandle;
}

/**
 * Gathers the ids asked for within `gatherMs` into one request per `maxIdsPerRequest` (GET /quotes?instrumentIds=,
 * GET /instruments/{id1,id2}: API.md 3.3 #21, #29), sent at the most urgent priority of its callers; each caller
 * gets its own item. Binck answers 404 for a whole list when one id is unknown, so a refused list of several ids
 * is halved and asked again: each unknown id costs a few requests, never one per known id.
 */
export class IdBatcher<T> {
  private readonly policy: BatchPolicy;
  private readonly gathering = new Map<string, Gathering<T>>();

  constructor(private readonly options: IdBatcherOptions<T>) {
    this.policy = { ...DEFAULT_BATCH_POLICY, ...options.policy };
  }

  get(group: string, id: string, priority: RequestPriority = "background"): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let batch = this.gathering.get(group);
      if (!batch) {
        batch = { waiters: new Map(), priority, timer: this.options.clock.setTimeout(() => this.flush(group), this.policy.gatherMs) };
        this.gathering.set(group, batch);
      }
      if (rank(priority) < rank(batch.priority)) batch.priority = priority;
      const waiters = batch.waiters.get(id) ?? [];
      waiters.push({ resolve, reject });
      batch.waiters.set(id, waiters);
      if (batch.waiters.size >= this.policy.maxIdsPerRequest) this.flush(group);
    });
  }

  private flush(group: string): void {
    const batch = this.gathering.get(group);
    if (!batch) return;
    this.gathering.delete(group);
    this.options.clock.clearTimeout(batch.timer);
    const ids = [...batch.waiters.keys()];
    for (let start = 0; start < ids.length; start += this.policy.maxIdsPerRequest) {
      void this.send(group, ids.slice(start, start + this.policy.maxIdsPerRequest), batch);
    }
  }

  private async send(group: string, ids: string[], batch: Gathering<T>): Promise<void> {
    let items: T[];
    try {
      items = await this.options.fetch(group, ids, batch.priority);
    } catch (error) {
      if (ids.length > 1 && isBinckError(error) && error.status === 404) {
        const half = Math.ceil(ids.length / 2);
        await Promise.all([this.send(group, ids.slice(0, half), batch), this.send(group, ids.slice(half), batch)]);
        return;
      }
      for (const id of ids) for (const waiter of batch.waiters.get(id)!) waiter.reject(error);
      return;
    }
    const byId = new Map(items.map((item) => [this.options.idOf(item), item]));
    for (const id of ids) {
      const item = byId.get(id);
      for (const waiter of batch.waiters.get(id)!) {
        if (item === undefined) waiter.reject(this.options.missing(id));
        else waiter.resolve(item);
      }
    }
  }
}
