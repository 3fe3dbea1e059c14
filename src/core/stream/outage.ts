import type { Clock, TimerHandle } from "../clock";
import type { Logger } from "../log";
import { reconnectDelayMs, type StreamPolicy } from "./stream-policy";

/**
 * The time a feed is down: since when, the grace period before watches are told, and the reconnect attempts with
 * their backoff and jitter. The session owns this policy (no automatic reconnect in the client, so it never gives up).
 */
export class Outage {
  downSinceMs?: number;
  private attempts = 0;
  private graceTimer?: TimerHandle;
  private retryTimer?: TimerHandle;

  constructor(
    private readonly clock: Clock,
    private readonly policy: StreamPolicy,
    private readonly random: () => number,
    private readonly logger: Logger,
    /** The grace period is over and the feed is still down. */
    private readonly graceOver: (downSinceMs: number) => void,
  ) {}

  /** The feed went (or stays) down; the grace period starts with the first failure only. */
  begin(): void {
    if (this.downSinceMs !== undefined) return;
    const since = (this.downSinceMs = this.clock.now());
    this.graceTimer = this.clock.setTimeout(() => {
      this.graceTimer = undefined;
      this.graceOver(since);
    }, this.policy.gracePeriodMs);
  }

  /** Schedules the next attempt (once, however many failures report it). */
  retry(reason: string, connect: () => void): void {
    if (this.retryTimer) return;
    const delayMs = reconnectDelayMs(this.policy, this.attempts++, this.random);
    this.logger.log("info", `Realtime feed down (${reason}); attempt ${this.attempts} in ${delayMs} ms.`);
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      connect();
    }, delayMs);
  }

  /** Connected, stopped or signed out: forget the outage; returns the attempts it took. */
  end(): number {
    const attempts = this.attempts;
    this.attempts = 0;
    this.downSinceMs = undefined;
    for (const timer of [this.graceTimer, this.retryTimer]) if (timer) this.clock.clearTimeout(timer);
    this.graceTimer = this.retryTimer = undefined;
    return attempts;
  }
}
