import type { Clock, TimerHandle } from "../clock";
import type { BinckErrorCode } from "../errors";
import type { Logger } from "../log";
import type { RequestPriority } from "../rest/priority-queues";
import { DataWatch, type WatchListener, type WatchUpdate } from "./data-watch";
import type { DataKind } from "./lifetimes";
import { keyId, type CacheKey, type Fetched } from "./request-cache";

/** What one refresh of a watched request gave. */
export interface RefreshedItem {
  kind: DataKind;
  account: string;
  params: string;
  /** When Binck gave the data (absent when it failed). */
  fetchedAtMs?: number;
  error?: { code: BinckErrorCode; endUserMessage: string };
}

/** Failures that may end by themselves, so that "Binck is back" fetches again (not a refused sign-in or bad input). */
const PASSING_FAILURES: ReadonlySet<BinckErrorCode> = new Set(["maintenance", "network", "api", "rateLimited"]);

/**
 * Every watched request, one DataWatch each, shared by all its watchers and forgotten with the last of them.
 * Invalidations are gathered for `invalidationDelayMs` (a burst of partial fills costs one request per watch).
 * A watched answer of the `refetchedOnExpiry` kinds is fetched again in the background when its lifetime ends, so
 * that cells stay current without an event (a failed fetch waits for Binck to be back, an event or the refresh
 * command instead).
 */
export class WatchRegistry {
  private readonly watches = new Map<string, DataWatch<unknown>>();
  private readonly pending = new Map<string, TimerHandle>();
  private readonly expiries = new Map<string, TimerHandle>();

  constructor(
    private readonly clock: Clock,
    private readonly invalidationDelayMs: number,
    private readonly logger: Logger,
    private readonly refetchedOnExpiry: ReadonlySet<DataKind> = new Set(),
  ) {}

  watch<T>(key: CacheKey, fetch: (force: boolean, priority?: RequestPriority) => Promise<Fetched<T>>, listener: WatchListener<T>): () => void {
    const id = keyId(key);
    let watch = this.watches.get(id) as DataWatch<T> | undefined;
    const fresh = !watch;
    if (!watch) {
      const made: DataWatch<T> = new DataWatch<T>(key, fetch, this.logger, (expiresAtMs) => this.refetchAt(id, made as DataWatch<unknown>, expiresAtMs));
      watch = made;
      this.watches.set(id, watch as DataWatch<unknown>);
    }
    watch.add(listener);
    if (fresh) void watch.refresh();
    const owner = watch;
    return () => {
      owner.remove(listener);
      if (owner.size === 0 && this.watches.get(id) === owner) {
        this.watches.delete(id);
        this.cancelPending(id);
        this.cancelExpiry(id);
      }
    };
  }

  /** The data of `kind` for `account` changed: its watches fetch again, once, after the gathering delay. */
  invalidated(kind: DataKind, account: string): void {
    for (const [id, watch] of this.watches) {
      if (watch.key.kind !== kind || watch.key.account !== account || this.pending.has(id)) continue;
      this.pending.set(id, this.clock.setTimeout(() => {
        this.pending.delete(id);
        void watch.refresh();
      }, this.invalidationDelayMs));
    }
  }

  /** Binck answers again: the watches whose last fetch failed in a passing way fetch again. */
  retryFailed(codes: ReadonlySet<BinckErrorCode> = PASSING_FAILURES): Promise<WatchUpdate<unknown>[]> {
    const failed = [...this.watches.values()].filter((watch) => watch.last && !watch.last.ok && codes.has(watch.last.error.code));
    return Promise.all(failed.map((watch) => watch.refresh(true)));
  }

  /** Every watch fetches again from Binck (the refresh command); resolves with what each got. */
  async refreshAll(): Promise<RefreshedItem[]> {
    const watches = [...this.watches.entries()];
    for (const [id] of watches) this.cancelPending(id);
    const updates = await Promise.all(watches.map(([, watch]) => watch.refresh(true)));
    return watches.map(([, watch], index) => {
      const update = updates[index];
      const { kind, account, params } = watch.key;
      return update.ok
        ? { kind, account, params, fetchedAtMs: update.fetchedAtMs }
        : { kind, account, params, error: { code: update.error.code, endUserMessage: update.error.endUserMessage } };
    });
  }

  get size(): number {
    return this.watches.size;
  }

  dispose(): void {
    for (const id of [...this.pending.keys()]) this.cancelPending(id);
    for (const id of [...this.expiries.keys()]) this.cancelExpiry(id);
    this.watches.clear();
  }

  /** After each fetch of a watch: fetch again (background) when the answer expires, while it is still watched. */
  private refetchAt(id: string, watch: DataWatch<unknown>, expiresAtMs: number | undefined): void {
    this.cancelExpiry(id);
    if (!this.refetchedOnExpiry.has(watch.key.kind) || expiresAtMs === undefined || !Number.isFinite(expiresAtMs) || this.watches.get(id) !== watch) return;
    this.expiries.set(id, this.clock.setTimeout(() => {
      this.expiries.delete(id);
      if (this.watches.get(id) === watch) void watch.refresh(false, "background");
    }, Math.max(0, expiresAtMs - this.clock.now())));
  }

  private cancelExpiry(id: string): void {
    const timer = this.expiries.get(id);
    if (timer) this.clock.clearTimeout(timer);
    this.expiries.delete(id);
  }

  private cancelPending(id: string): void {
    const timer = this.pending.get(id);
    if (timer) this.clock.clearTimeout(timer);
    this.pending.delete(id);
  }
}
