import { MAX_QUOTE_SUBSCRIPTIONS } from "../wire/realtime";

/** Why a watch shows no live value; `message` is what a cell shows with its #N/A. */
export type WatchCondition =
  | { kind: "pending"; message: string }
  | { kind: "capped"; message: string }
  | { kind: "refused"; message: string }
  | { kind: "connectionLost"; message: string; sinceMs: number }
  | { kind: "signedOut"; message: string }
  | { kind: "cutOff"; message: string };

/** Formats a time of day for people (the composition root passes a locale-aware one; core stays locale-free). */
export type TimeFormatter = (epochMs: number) => string;

export const PENDING: WatchCondition = { kind: "pending", message: "waiting for the first quote" };
export const CAPPED: WatchCondition = {
  kind: "capped",
  message: `subscription limit of ${MAX_QUOTE_SUBSCRIPTIONS.toLocaleString("en-US")} instruments reached`,
};
export const SIGNED_OUT: WatchCondition = { kind: "signedOut", message: "sign in to Binck in the taskpane" };
export const CUT_OFF: WatchCondition = {
  kind: "cutOff",
  message: "realtime feed cut off: another connection streams with this Binck sign-in (one per sign-in) — close it, or sign in again",
};

export function refused(instrumentId: string): WatchCondition {
  return { kind: "refused", message: `Binck refused quotes for instrument '${instrumentId}' (unknown id, or an option or future class)` };
}

export function connectionLost(sinceMs: number, formatTime: TimeFormatter): WatchCondition {
  return { kind: "connectionLost", sinceMs, message: `connection lost since ${formatTime(sinceMs)} — reconnecting` };
}

/** hh:mm:ss in UTC, for logs and tests; the add-in passes a local-time formatter. */
export const utcTimeOfDay: TimeFormatter = (epochMs) => new Date(epochMs).toISOString().slice(11, 19);
