/** The scheduler's policy (cap, window, backoff: units in the names), its per-request options and its figures. */
import { DEFAULT_BACKOFF_POLICY, type BackoffPolicy } from "./backoff";
import type { RequestPriority } from "./priority-queues";

export interface RequestBudgetPolicy extends BackoffPolicy {
  /** Binck may end a session above 50 requests a minute (API.md 4.3); the default keeps a margin for clock skew and latency. */
  maxRequestsPerWindow: number;
  windowMs: number;
  /** Tries of a request that may be repeated (`retryNetworkFailures`) when Binck cannot be reached, the first included. */
  networkAttempts: number;
}

export const DEFAULT_REQUEST_BUDGET_POLICY: RequestBudgetPolicy = { maxRequestsPerWindow: 40, windowMs: 60_000, networkAttempts: 3, ...DEFAULT_BACKOFF_POLICY };

export interface RequestOptions {
  priority?: RequestPriority;
  /**
   * Requests with the same key while one is queued or in flight share its answer (identical GETs). A waiting
   * request is moved up when a more urgent caller joins it.
   */
  coalesceKey?: string;
  /**
   * A failure to reach Binck (BinckError `network`) queues the request again, after the backoff, up to
   * `networkAttempts` tries. Only for requests that are safe to repeat (GETs); never for orders.
   */
  retryNetworkFailures?: boolean;
}

/** What BINCK.STATUS and the diagnostics show. */
export interface RequestBudgetFigures {
  maxRequestsPerWindow: number;
  windowMs: number;
  /** Requests started in the window that ends now. */
  requestsInWindow: number;
  queued: number;
  queuedByPriority: Record<RequestPriority, number>;
  inFlight: number;
  /** Requests started since the budget was made. */
  sent: number;
  /** Callers that joined an identical request instead of sending their own. */
  coalesced: number;
  /** Answers that caches in front of the budget gave without a request (they report them with noteCacheHit). */
  cacheHits: number;
  /** Requests queued again after Binck could not be reached. */
  retried: number;
  /** Until when nothing starts because Binck could not be reached (backoff), if it is now. */
  backoffUntilMs?: number;
  /** When the next queued request may start, if one is held back by the cap or the backoff. */
  nextStartAtMs?: number;
}
