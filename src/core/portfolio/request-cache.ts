import type { Clock } from "../clock";
import type { DataKind } from "./lifetimes";

/** One request's identity: its kind, its account ("" for none) and its parameters, canonical. */
/** Answers for many different questions (dates, instruments) would otherwise stay after they expire. */
const PRUNE_EVERY = 256;

export interface CacheKey {
  kind: DataKind;
  account: string;
  /** The parameters that make two requests of a kind and account differ (dates, status…), as one string. */
  params: string;
}

export interface Fetched<T> {
  value: T;
  fetchedAtMs: number;
  /** When the cache stops giving this answer (its kind's lifetime), where the cache knows. */
  expiresAtMs?: number;
}

interface Entry {
  value: unknown;
  fetchedAtMs: number;
  expiresAtMs: number;
}

interface Loading {
  promise: Promise<Fetched<unknown>>;
  generation: string;
}

export interface RequestCacheEvents {
  /** An answer came from the cache instead of Binck (RequestBudget.noteCacheHit). */
  onHit?(): void;
  /** A caller joined an identical load already on its way (RequestBudget.noteCoalesced). */
  onJoin?(): void;
}

/**
 * Answers keyed by request, each until its own expiry; identical loads on their way are shared. Invalidating a
 * kind and account drops its answers, and an answer whose load began before the invalidation is handed to its
 * callers but never stored, and never joined by a later caller (who loads again once it is done, so Binck's
 * coalescing cannot give it the stale answer either).
 */
export class RequestCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Loading>();
  private readonly generations = new Map<string, number>();
  /** Counts `clear()`s: a load begun before one is never stored. */
  private epoch = 0;
  private pruneAtSize = PRUNE_EVERY;

  constructor(private readonly clock: Clock, private readonly events: RequestCacheEvents = {}) {}

  async get<T>(key: CacheKey, load: () => Promise<T>, expiresAtMs: (fetchedAtMs: number) => number, options: { force?: boolean } = {}): Promise<Fetched<T>> {
    const id = keyId(key);
    const entry = this.entries.get(id);
    if (entry && !options.force && this.clock.now() < entry.expiresAtMs) {
      this.events.onHit?.();
      return { value: entry.value as T, fetchedAtMs: entry.fetchedAtMs, expiresAtMs: entry.expiresAtMs };
    }
    const generation = this.generation(key);
    const current = this.loading.get(id);
    if (current && current.generation === generation) {
      this.events.onJoin?.();
      return current.promise as Promise<Fetched<T>>;
    }
    const run = async (): Promise<Fetched<unknown>> => {
      const value = await load();
      const fetchedAtMs = this.clock.now();
      const endsAtMs = expiresAtMs(fetchedAtMs);
      if (this.generation(key) === generation) this.store(id, { value, fetchedAtMs, expiresAtMs: endsAtMs });
      return { value, fetchedAtMs, expiresAtMs: endsAtMs };
    };
    // Started now (batchers gather what is asked in the same moment), or after a stale load on its way.
    const promise = current ? current.promise.then(run, run) : run();
    const loading = { promise, generation };
    this.loading.set(id, loading);
    const done = () => {
      if (this.loading.get(id) === loading) this.loading.delete(id);
    };
    promise.then(done, done);
    return promise as Promise<Fetched<T>>;
  }

  /** Answers stored, expired ones that were not yet dropped included. */
  get size(): number {
    return this.entries.size;
  }

  /** The stored answer, if it has not expired (no load, no hit counted). */
  peek<T>(key: CacheKey): Fetched<T> | undefined {
    const entry = this.entries.get(keyId(key));
    return entry && this.clock.now() < entry.expiresAtMs ? { value: entry.value as T, fetchedAtMs: entry.fetchedAtMs } : undefined;
  }

  /** Drops every answer of `kind` for `account`, and those on their way. */
  invalidate(kind: DataKind, account: string): void {
    const group = groupId(kind, account);
    this.generations.set(group, (this.generations.get(group) ?? 0) + 1);
    for (const id of this.entries.keys()) if (id.startsWith(`${group}|`)) this.entries.delete(id);
  }

  /** Drops every answer, and those on their way (the person signed out: the next one must not see them). */
  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  /** Stores an answer; expired ones are dropped whenever the store has grown by PRUNE_EVERY since the last sweep. */
  private store(id: string, entry: Entry): void {
    this.entries.set(id, entry);
    if (this.entries.size < this.pruneAtSize) return;
    const now = this.clock.now();
    for (const [key, stored] of this.entries) if (now >= stored.expiresAtMs) this.entries.delete(key);
    this.pruneAtSize = this.entries.size + PRUNE_EVERY;
  }

  private generation(key: CacheKey): string {
    return `${this.epoch}.${this.generations.get(groupId(key.kind, key.account)) ?? 0}`;
  }
}

export function keyId(key: CacheKey): string {
  return `${groupId(key.kind, key.account)}|${key.params}`;
}

function groupId(kind: DataKind, account: string): string {
  return `${kind}|${account}`;
}
