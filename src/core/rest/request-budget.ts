import type { Clock, TimerHandle } from "../clock";
import { isBinckError } from "../errors";
import { Backoff } from "./backoff";
import { PriorityQueues, rank, type RequestPriority } from "./priority-queues";
import { DEFAULT_REQUEST_BUDGET_POLICY, type RequestBudgetFigures, type RequestBudgetPolicy, type RequestOptions } from "./request-budget-policy";
import { SlidingWindow, type WindowSlot } from "./sliding-window";

export { REQUEST_PRIORITIES, type RequestPriority } from "./priority-queues";
export { DEFAULT_REQUEST_BUDGET_POLICY, type RequestBudgetFigures, type RequestBudgetPolicy, type RequestOptions } from "./request-budget-policy";

interface Entry {
  key?: string;
  priority: RequestPriority;
  run: () => Promise<unknown>;
  promise: Promise<unknown>;
  settle: { resolve(value: unknown): void; reject(error: unknown): void };
  state: "queued" | "inFlight";
  retryNetworkFailures: boolean;
  attempts: number;
  /** Its place in the window while it runs (a retry takes a new one). */
  slot?: WindowSlot;
}

/**
 * The one gate (the request scheduler) of every REST request of a runtime: never more than `maxRequestsPerWindow`
 * starts in any sliding window, most urgent first (FIFO within a priority), identical requests coalesced. When
 * Binck cannot be reached, nothing starts until an exponential backoff ends, and then one request at a time until
 * one succeeds (one failure holds back everyone, so an outage never becomes a retry storm); a success or
 * `resume()` ends it. Other failures (401, 503, 4xx) go to the callers as they are: the client renews a 401 once,
 * a 503 maintenance is reported, not repeated. Time comes from the Clock.
 */
export class RequestBudget {
  readonly policy: RequestBudgetPolicy;
  private readonly window: SlidingWindow;
  private readonly queues = new PriorityQueues<Entry>();
  private readonly byKey = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private timer: { handle: TimerHandle; dueMs: number } | undefined;
  private inFlight = 0;
  private sent = 0;
  private coalesced = 0;
  private cacheHits = 0;
  private retried = 0;
  private readonly backoff: Backoff;
  /** Nothing starts before the window an earlier runtime left is restored. */
  private restoring: Promise<void> | undefined;

  constructor(private readonly clock: Clock, policy: Partial<RequestBudgetPolicy> = {}) {
    this.policy = { ...DEFAULT_REQUEST_BUDGET_POLICY, ...policy };
    this.window = new SlidingWindow(this.policy.maxRequestsPerWindow, this.policy.windowMs);
    this.backoff = new Backoff(this.policy);
    if (!Number.isInteger(this.policy.networkAttempts) || this.policy.networkAttempts < 1) {
      throw new RangeError(`networkAttempts must be a whole number of at least 1, not ${this.policy.networkAttempts}.`);
    }
  }

  /** Runs `request` (one HTTP request) when the budget allows, and resolves with its result. */
  run<T>(request: () => Promise<T>, options: RequestOptions = {}): Promise<T> {
    const priority = options.priority ?? "background";
    const key = options.coalesceKey;
    const existing = key === undefined ? undefined : this.byKey.get(key);
    if (existing) {
      this.coalesced++;
      if (existing.state === "queued" && rank(priority) < rank(existing.priority)) this.queues.move(existing, priority);
      this.changed();
      return existing.promise as Promise<T>;
    }
    let settle!: Entry["settle"];
    const promise = new Promise<unknown>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const entry: Entry = { key, priority, run: request, promise, settle, state: "queued", retryNetworkFailures: options.retryNetworkFailures ?? false, attempts: 0 };
    if (key !== undefined) this.byKey.set(key, entry);
    this.queues.push(entry);
    this.pump();
    this.changed();
    return promise as Promise<T>;
  }

  /** A cache in front of the budget let a caller join an identical load on its way: counted as coalesced. */
  noteCoalesced(): void {
    this.coalesced++;
    this.changed();
  }

  /** The budget's clock (callers that check spans against "now" use the same time as the cap). */
  now(): number {
    return this.clock.now();
  }

  /** A cache answered without a request: counted in the figures. */
  noteCacheHit(): void {
    this.cacheHits++;
    this.changed();
  }

  /**
   * Binck answered an HTTP request (whatever its status): it can be reached, so the backoff ends. The client says
   * so before it reads the answer, so that a request it sends while handling one (a renewed 401) is not held back.
   */
  noteAnswered(): void {
    if (this.backoff.consecutiveFailures === 0) return;
    this.resume();
  }

  /** Binck answers again (the availability monitor says so): end the backoff and start what waits. */
  resume(): void {
    this.backoff.reset();
    this.pump();
    this.changed();
  }

  /**
   * Counts the requests an earlier runtime of the same person sent (their end times, read from storage): Binck
   * still counts them, so requests wait for them, and for the reading itself. A failed reading counts none.
   */
  restoreWindowFrom(loading: Promise<readonly number[]>): void {
    this.restoring = loading.then((endsMs) => this.window.restore(endsMs, this.clock.now()), () => undefined).finally(() => {
      this.restoring = undefined;
      this.pump();
      this.changed();
    });
  }

  /** When each request counted in the window ended (one in flight: now), for the next runtime. */
  windowEnds(): number[] {
    return this.window.ends(this.clock.now());
  }

  figures(): RequestBudgetFigures {
    const now = this.clock.now();
    const backoffUntilMs = this.backoff.untilMs > now ? this.backoff.untilMs : undefined;
    const queuedByPriority = this.queues.counts();
    const queued = queuedByPriority.userAction + queuedByPriority.visibleCell + queuedByPriority.background;
    return {
      ...this.policy,
      requestsInWindow: this.window.count(now),
      queued,
      queuedByPriority,
      inFlight: this.inFlight,
      sent: this.sent,
      coalesced: this.coalesced,
      cacheHits: this.cacheHits,
      retried: this.retried,
      ...(backoffUntilMs !== undefined ? { backoffUntilMs } : {}),
      ...(queued > 0 && Number.isFinite(this.window.nextFreeAtMs(now)) ? { nextStartAtMs: Math.max(this.window.nextFreeAtMs(now), backoffUntilMs ?? now) } : {}),
    };
  }

  /** Called after every change of the figures (a request queued, started, finished, joined; a cache hit). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private pump(): void {
    for (;;) {
      if (this.restoring) return;
      const entry = this.queues.peek();
      if (!entry) return;
      const now = this.clock.now();
      const freeAtMs = Math.max(this.window.nextFreeAtMs(now), this.backoff.untilMs);
      // Infinity: every request of the window is still in flight; the next answer pumps again.
      if (freeAtMs > now) return Number.isFinite(freeAtMs) ? this.wakeAt(freeAtMs) : undefined;
      // After a failure to reach Binck, one request at a time finds out whether it answers again.
      if (this.backoff.consecutiveFailures > 0 && this.inFlight > 0) return;
      this.queues.shift();
      this.start(entry, now);
    }
  }

  private start(entry: Entry, nowMs: number): void {
    entry.state = "inFlight";
    entry.attempts++;
    entry.slot = this.window.record(nowMs);
    this.sent++;
    this.inFlight++;
    let result: Promise<unknown>;
    try {
      result = entry.run();
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then((value) => {
      this.backoff.reset();
      this.finish(entry);
      entry.settle.resolve(value);
    }, (error: unknown) => {
      const unreachable = isBinckError(error) && error.code === "network";
      if (unreachable) this.backoff.failed(this.clock.now());
      this.finish(entry);
      if (unreachable && entry.retryNetworkFailures && entry.attempts < this.policy.networkAttempts) return this.requeue(entry);
      entry.settle.reject(error);
    }).finally(() => {
      this.pump();
      this.changed();
    });
  }

  private finish(entry: Entry): void {
    this.inFlight--;
    if (entry.slot) this.window.complete(entry.slot, this.clock.now());
    if (entry.key !== undefined && this.byKey.get(entry.key) === entry) this.byKey.delete(entry.key);
  }

  /** Back to the front of its queue: it was asked for before anything queued since. */
  private requeue(entry: Entry): void {
    this.retried++;
    entry.state = "queued";
    if (entry.key !== undefined && !this.byKey.has(entry.key)) this.byKey.set(entry.key, entry);
    this.queues.pushFront(entry);
    this.pump();
  }

  private wakeAt(dueMs: number): void {
    if (this.timer && this.timer.dueMs <= dueMs) return;
    if (this.timer) this.clock.clearTimeout(this.timer.handle);
    const handle = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.pump();
      this.changed();
    }, dueMs - this.clock.now());
    this.timer = { handle, dueMs };
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
