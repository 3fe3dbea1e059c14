import { MAX_INSTRUMENTS_PER_SUBSCRIBE_CALL, MAX_QUOTE_SUBSCRIPTIONS } from "../wire/realtime";

/** The realtime session's policies, as data with their units. */
export interface StreamPolicy {
  /** Subscription changes are gathered this long before calls go out (1,000 formulas at once: ~10 calls). */
  batchWindowMs: number;
  /** Ids per SubscribeQuotes / UnSubscribeQuotes call (API.md 5.7: 100). */
  instrumentsPerCall: number;
  /** Instruments per connection (API.md 5.7: 3,000). */
  maxSubscriptions: number;
  /** Delay before reconnect attempt n (0-based); the last one repeats for ever. */
  reconnectDelaysMs: readonly number[];
  /** Each delay is moved by up to ± this fraction at random, so that many runtimes do not reconnect in step. */
  reconnectJitterRatio: number;
  /** A dropped feed keeps showing the last values this long before watches say "connection lost". */
  gracePeriodMs: number;
  /** A hub call at least this often keeps the session active (Binck ends it after 30 min without requests). */
  keepAliveIntervalMs: number;
}

export const defaultStreamPolicy: StreamPolicy = {
  batchWindowMs: 50,
  instrumentsPerCall: MAX_INSTRUMENTS_PER_SUBSCRIBE_CALL,
  maxSubscriptions: MAX_QUOTE_SUBSCRIPTIONS,
  reconnectDelaysMs: [0, 1_000, 2_000, 5_000, 10_000, 30_000],
  reconnectJitterRatio: 0.2,
  gracePeriodMs: 10_000,
  keepAliveIntervalMs: 10 * 60_000,
};

/** The delay before reconnect attempt `attempt`, with jitter from `random` (0 ≤ random() < 1). */
export function reconnectDelayMs(policy: StreamPolicy, attempt: number, random: () => number): number {
  const delays = policy.reconnectDelaysMs;
  const base = delays[Math.min(attempt, delays.length - 1)] ?? 0;
  return Math.max(0, Math.round(base * (1 + policy.reconnectJitterRatio * (2 * random() - 1))));
}
