import type { NewsMessage, OrderEventMessage, OrderEventName } from "../../src/core/wire/realtime";

/** What one part of the sandbox tells the others (the realtime hub above all). */
export interface SandboxEventMap {
  /** An order changed: sent to connections subscribed to the orders of this account's owner. */
  order: { name: OrderEventName; message: OrderEventMessage };
  /** A news item for every account whose news subscription is listed. */
  news: { subscriptions: string[]; message: NewsMessage };
  /** A session ended (sign-out, rate limit, chain end, reset): its tokens are dead. */
  sessionEnded: { sessionId: string; reason: string };
  /** The control surface asked to drop every realtime connection. */
  dropRealtime: Record<string, never>;
  /** Maintenance mode was switched: while on, the hub refuses connections and closes the open ones. */
  maintenance: { on: boolean };
  /** The control surface reset all state: parts that keep their own state forget it. */
  reset: Record<string, never>;
}

type Listener<T> = (payload: T) => void;

export class SandboxEvents {
  private readonly listeners = new Map<keyof SandboxEventMap, Set<Listener<never>>>();

  on<K extends keyof SandboxEventMap>(name: K, listener: Listener<SandboxEventMap[K]>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
    };
  }

  emit<K extends keyof SandboxEventMap>(name: K, payload: SandboxEventMap[K]): void {
    const set = this.listeners.get(name) as Set<Listener<SandboxEventMap[K]>> | undefined;
    if (!set) return;
    for (const listener of [...set]) listener(payload);
  }
}
