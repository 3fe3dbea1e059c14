import type { Clock, TimerHandle } from "../clock";
import type { FeedState } from "../stream/feed";

/** How Binck's REST API answered the last request. */
export type Reachability = "unknown" | "online" | "maintenance" | "offline";

export type { FeedState };

export interface ConnectionState {
  /** What is true now: "online" only while the answer it rests on is recent (`freshForMs`), else "unknown". */
  api: Reachability;
  /** When the API last answered or failed to answer. */
  apiCheckedAtMs?: number;
  feed: FeedState;
  feedChangedAtMs?: number;
  /** Why the feed is not connected, for people. */
  feedMessage?: string;
}

export interface ConnectionStatusOptions {
  clock: Clock;
  /** How long one good answer vouches for the API; after that the state says "unknown" until the next request. */
  freshForMs?: number;
}

/**
 * What the REST client, the session and the realtime session learn about the connection to Binck, as one state
 * that never claims more than its last evidence: "online" lapses to "unknown" when the answer behind it grows old.
 */
export class ConnectionStatus {
  private api: { state: Exclude<Reachability, "unknown">; atMs: number } | undefined;
  private feed: { state: FeedState; atMs?: number; message?: string } = { state: "stopped" };
  private lapseTimer: TimerHandle | undefined;
  private snapshot: ConnectionState | undefined;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private readonly clock: Clock;
  private readonly freshForMs: number;

  constructor(options: ConnectionStatusOptions) {
    this.clock = options.clock;
    this.freshForMs = options.freshForMs ?? 60_000;
  }

  /** The same object until something changes (React's useSyncExternalStore relies on that). */
  current(): ConnectionState {
    return (this.snapshot ??= this.compute());
  }

  private compute(): ConnectionState {
    const api = this.api;
    const fresh = api !== undefined && (api.state !== "online" || this.clock.now() - api.atMs < this.freshForMs);
    return {
      api: api && fresh ? api.state : "unknown",
      apiCheckedAtMs: api?.atMs,
      feed: this.feed.state,
      feedChangedAtMs: this.feed.atMs,
      feedMessage: this.feed.message,
    };
  }

  reportApi(api: Exclude<Reachability, "unknown">): void {
    this.api = { state: api, atMs: this.clock.now() };
    if (this.lapseTimer) this.clock.clearTimeout(this.lapseTimer);
    this.lapseTimer = api === "online" ? this.clock.setTimeout(() => this.announce(), this.freshForMs) : undefined;
    this.announce();
  }

  reportFeed(state: FeedState, message?: string): void {
    if (this.feed.state === state && this.feed.message === message) return;
    this.feed = { state, atMs: this.clock.now(), message };
    this.announce();
  }

  onChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private announce(): void {
    this.snapshot = undefined;
    const state = this.current();
    for (const listener of [...this.listeners]) listener(state);
  }
}
