import type { Clock, TimerHandle } from "../clock";
import type { Logger } from "../log";
import { HubMethod, type StreamLevel, type SubscriptionResult } from "../wire/realtime";
import { isConnectionEnd } from "./close-reasons";
import type { HubLink } from "./hub-link";
import { QuoteWatches } from "./quote-watches";
import type { StreamPolicy } from "./stream-policy";
import { CAPPED, PENDING, refused, type WatchCondition } from "./watch-condition";

type Call = { kind: "subscribe"; level: StreamLevel; ids: string[] } | { kind: "unsubscribe"; ids: string[] };

export interface QuoteSyncHooks {
  /** The account number SubscribeQuotes is called with (any account of the session). */
  accountNumber(): string | undefined;
  /** A hub call was answered (session activity). */
  called(): void;
  /** Instrument conditions or the subscription count may have changed. */
  changed(): void;
}

/**
 * Brings the server's quote subscriptions in line with the watches, one call at a time: unsubscriptions first (they
 * free room), then subscriptions grouped by level, in blocks of `instrumentsPerCall`, after a `batchWindowMs` gathering
 * window. The next call is worked out from the confirmed state after each answer, so a watch that goes (or comes back)
 * while its call is in flight ends in the right state. A lower level is re-subscribed lower (the hub moves an
 * instrument to the level asked last, API.md 5.2).
 */
export class QuoteSync {
  /** What the server holds on the current connection (it forgets everything on a new one, API.md 5.2). */
  private readonly server = new Map<string, StreamLevel>();
  /** Ids the hub refused on this connection; retried on the next connection or after they are watched anew. */
  private readonly refusedIds = new Set<string>();
  /**
   * Ids whose last watch left while the server holds them (or is being asked for them): their watchers' state is
   * gone, so a watch that comes back before the unsubscription goes out needs the snapshot (qi) that only
   * SubscribeQuotes brings. Assumed of the hub, as the sandbox does it: every SubscribeQuotes sends the snapshot of
   * its ids, also of ids already subscribed at that level (API.md 5.2 does not say). Without it a formula edited in
   * place (Excel cancels the old invocation and starts the new one at once) waited for the next update of its
   * field, which for `cls` or `opn` never comes that day.
   */
  private readonly snapshotNeeded = new Set<string>();
  /** Ids in a SubscribeQuotes call not answered yet (their qi may come before the answer). */
  private readonly subscribing = new Set<string>();
  private link?: HubLink;
  private generation = 0;
  private runningGeneration = -1;
  private windowTimer?: TimerHandle;
  /** The ids the cap admits, worked out again only when watches changed and there are more than the cap. */
  private cappedAdmitted?: Set<string>;

  constructor(
    private readonly watches: QuoteWatches,
    private readonly policy: StreamPolicy,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly hooks: QuoteSyncHooks,
  ) {}

  get subscribedCount(): number {
    return this.server.size;
  }

  /** A new connection: subscribe everything watched, at once. */
  attach(link: HubLink): void {
    this.detach();
    this.link = link;
    void this.run();
  }

  /** The connection is gone, and with it every server-side subscription. */
  detach(): void {
    this.link = undefined;
    this.generation++;
    this.server.clear();
    this.refusedIds.clear();
    this.snapshotNeeded.clear();
    this.subscribing.clear();
    if (this.windowTimer) this.clock.clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
  }

  /** Watches changed: calls go out after the gathering window. */
  watchesChanged(): void {
    this.cappedAdmitted = undefined;
    if (!this.link || this.windowTimer) return;
    this.windowTimer = this.clock.setTimeout(() => {
      this.windowTimer = undefined;
      void this.run();
    }, this.policy.batchWindowMs);
  }

  /** The instrument's last watch left. */
  forget(instrumentId: string): void {
    this.refusedIds.delete(instrumentId);
    if (this.server.has(instrumentId) || this.subscribing.has(instrumentId)) this.snapshotNeeded.add(instrumentId);
  }

  /** The instrument's own condition, leaving the connection aside: null when it streams. */
  conditionOf(instrumentId: string): WatchCondition | null {
    if (!this.isAdmitted(instrumentId)) return CAPPED;
    if (this.refusedIds.has(instrumentId)) return refused(instrumentId);
    if (this.server.has(instrumentId) || this.watches.get(instrumentId)?.everLive) return null;
    return PENDING;
  }

  private isAdmitted(instrumentId: string): boolean {
    if (this.watches.size <= this.policy.maxSubscriptions) return this.watches.get(instrumentId) !== undefined;
    this.cappedAdmitted ??= this.watches.admitted(this.policy.maxSubscriptions);
    return this.cappedAdmitted.has(instrumentId);
  }

  private async run(): Promise<void> {
    const generation = this.generation;
    if (this.runningGeneration === generation) return;
    this.runningGeneration = generation;
    try {
      for (let call = this.nextCall(); call && this.link && generation === this.generation; call = this.nextCall()) {
        await this.send(this.link, call, generation);
        this.hooks.changed();
      }
    } finally {
      if (this.runningGeneration === generation) this.runningGeneration = -1;
    }
  }

  private nextCall(): Call | undefined {
    const perCall = this.policy.instrumentsPerCall;
    const leaving: string[] = [];
    for (const id of this.server.keys()) {
      if (!this.isAdmitted(id)) leaving.push(id);
      if (leaving.length === perCall) break;
    }
    if (leaving.length > 0) return { kind: "unsubscribe", ids: leaving };
    let level: StreamLevel | undefined;
    const ids: string[] = [];
    let position = 0;
    for (const entry of this.watches.all()) {
      if (position++ >= this.policy.maxSubscriptions) break;
      if (this.refusedIds.has(entry.id)) continue;
      const wanted = QuoteWatches.levelOf(entry);
      if ((this.server.get(entry.id) === wanted && !this.snapshotNeeded.has(entry.id)) || (level !== undefined && wanted !== level)) continue;
      level = wanted;
      ids.push(entry.id);
      if (ids.length === perCall) break;
    }
    return level ? { kind: "subscribe", level, ids } : undefined;
  }

  private async send(link: HubLink, call: Call, generation: number): Promise<void> {
    if (call.kind === "unsubscribe") {
      const answer = await this.invoke(link, generation, HubMethod.UnSubscribeQuotes, call.ids);
      if (generation === this.generation) {
        for (const id of call.ids) {
          this.server.delete(id);
          this.snapshotNeeded.delete(id);
        }
      }
      if (answer.error) this.logger.log("warn", `UnSubscribeQuotes of ${call.ids.length} instruments failed; counted as gone: ${answer.error}`);
      return;
    }
    await this.subscribe(link, call.level, call.ids, generation);
  }

  /** A refused block is split in halves until the refused ids are found (the hub refuses a block as a whole). */
  private async subscribe(link: HubLink, level: StreamLevel, ids: string[], generation: number): Promise<void> {
    for (const id of ids) {
      this.watches.get(id)?.sinks.forEach((_count, sink) => sink.resubscribing());
      this.snapshotNeeded.delete(id);
      this.subscribing.add(id);
    }
    const account = this.hooks.accountNumber();
    const answer = await this.invoke(link, generation, HubMethod.SubscribeQuotes, account, ids, level);
    if (generation !== this.generation || answer.dropped) return;
    for (const id of ids) this.subscribing.delete(id);
    const result = answer.result as SubscriptionResult | undefined;
    if (result?.isSucceeded) {
      for (const id of ids) this.server.set(id, level);
      for (const id of ids) this.markLive(id);
      return;
    }
    if (ids.length > 1 && !answer.error) {
      const half = Math.ceil(ids.length / 2);
      await this.subscribe(link, level, ids.slice(0, half), generation);
      if (generation === this.generation) await this.subscribe(link, level, ids.slice(half), generation);
      return;
    }
    for (const id of ids) this.refusedIds.add(id);
    this.logger.log("warn", `SubscribeQuotes(${account}, [${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}], ${level}) refused: ${answer.error ?? JSON.stringify(result)}.`);
  }

  private markLive(id: string): void {
    const entry = this.watches.get(id);
    if (entry) entry.everLive = true;
  }

  private async invoke(link: HubLink, generation: number, method: string, ...args: unknown[]): Promise<{ result?: unknown; error?: string; dropped?: boolean }> {
    try {
      const result = await link.invoke(method as typeof HubMethod.SubscribeQuotes, ...args);
      this.hooks.called();
      return { result };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { error: message, dropped: generation !== this.generation || isConnectionEnd(message) };
    }
  }
}
