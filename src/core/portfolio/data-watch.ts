import { BinckError, isBinckError } from "../errors";
import type { Logger } from "../log";
import type { RequestPriority } from "../rest/priority-queues";
import type { CacheKey, Fetched } from "./request-cache";

/** What a watcher is told: the rows (with when Binck gave them), or why there are none now. */
export type WatchUpdate<T> = { ok: true; value: T; fetchedAtMs: number } | { ok: false; error: BinckError };
export type WatchListener<T> = (update: WatchUpdate<T>) => void;

/**
 * The watchers of one request: fetched once for all of them, again when told (an invalidation, Binck back, the
 * refresh command). A refresh asked for while one is on its way runs once after it, however often it was asked.
 */
export class DataWatch<T> {
  private readonly listeners = new Set<WatchListener<T>>();
  private latest: WatchUpdate<T> | undefined;
  private running: Promise<WatchUpdate<T>> | undefined;
  private queued: Promise<WatchUpdate<T>> | undefined;
  private queuedForce = false;

  constructor(
    readonly key: CacheKey,
    private readonly fetch: (force: boolean, priority?: RequestPriority) => Promise<Fetched<T>>,
    private readonly logger: Logger,
    /** Told after every fetch when the answer expires (undefined after a failure). */
    private readonly onFetched?: (expiresAtMs: number | undefined) => void,
  ) {}

  get last(): WatchUpdate<T> | undefined {
    return this.latest;
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Adds a watcher; it hears the latest update at once, if there is one. */
  add(listener: WatchListener<T>): void {
    this.listeners.add(listener);
    if (this.latest) this.tell(listener, this.latest);
  }

  remove(listener: WatchListener<T>): void {
    this.listeners.delete(listener);
  }

  /**
   * Fetches (from the cache unless `force`) and tells every watcher; resolves with what they were told. `priority`
   * overrides the watch's own (a background refresh); a refresh queued behind a running one uses the watch's own.
   */
  refresh(force = false, priority?: RequestPriority): Promise<WatchUpdate<T>> {
    if (this.running) {
      this.queuedForce ||= force;
      this.queued ??= this.running.then(() => {
        const again = this.queuedForce;
        this.queued = undefined;
        this.queuedForce = false;
        return this.refresh(again);
      });
      return this.queued;
    }
    const running = this.fetchOnce(force, priority).finally(() => {
      this.running = undefined;
    });
    this.running = running;
    return running;
  }

  private async fetchOnce(force: boolean, priority?: RequestPriority): Promise<WatchUpdate<T>> {
    let update: WatchUpdate<T>;
    let expiresAtMs: number | undefined;
    try {
      const fetched = await this.fetch(force, priority);
      update = { ok: true, value: fetched.value, fetchedAtMs: fetched.fetchedAtMs };
      expiresAtMs = fetched.expiresAtMs;
    } catch (error) {
      update = { ok: false, error: asBinckError(error) };
    }
    this.onFetched?.(expiresAtMs);
    this.latest = update;
    for (const listener of [...this.listeners]) this.tell(listener, update);
    return update;
  }

  private tell(listener: WatchListener<T>, update: WatchUpdate<T>): void {
    try {
      listener(update);
    } catch (error) {
      this.logger.log("error", `A watcher of ${this.key.kind} failed: ${(error as Error).message}`);
    }
  }
}

function asBinckError(error: unknown): BinckError {
  if (isBinckError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new BinckError("api", "Binck could not process the request.", detail, undefined, { cause: error });
}
