import { every } from "../clock";
import { MAX_QUOTE_SUBSCRIPTIONS } from "../wire/realtime";
import type { Feed } from "../stream/feed";
import type { CellServices } from "./cell-services";
import { BinckError } from "../errors";
import { value, type Emit, type Stop } from "./cell-output";

/** The API's own limit, shown beside the requests made (the budget's cap stays below it). */
const API_REQUESTS_PER_MINUTE = 50;

type StatusValue = string | number | boolean;

/** The items of =BINCK.STATUS, in spill order, with their labels. */
export const STATUS_ITEMS = {
  connection: "realtime connection",
  signedIn: "signed in",
  account: "account",
  readOnly: "read-only",
  tokenExpiry: "token valid until",
  subscriptions: `subscriptions (of ${MAX_QUOTE_SUBSCRIPTIONS.toLocaleString("en-US")})`,
  requests: `REST requests in the last minute (of ${API_REQUESTS_PER_MINUTE})`,
  queued: "REST requests queued",
  cacheHits: "answers from the cache",
  lastMessageAge: "seconds since the last message",
  lastError: "last feed error",
} as const;

export type StatusItem = keyof typeof STATUS_ITEMS;
export const STATUS_ITEM_NAMES = Object.keys(STATUS_ITEMS) as StatusItem[];

/** How often the figures that move by themselves (message age) are refreshed. */
export const STATUS_REFRESH_MS = 1_000;

/** =BINCK.STATUS: one item, or (item omitted) a two-column spill of every item with its label. */
export function statusCell(services: CellServices, item: StatusItem | undefined, emit: Emit<StatusValue | StatusValue[][]>): Stop {
  let feed: Feed | undefined;
  const show = () => {
    const values = statusValues(services, feed);
    emit(value(item === undefined ? STATUS_ITEM_NAMES.map((name) => [STATUS_ITEMS[name], values[name]]) : values[item]));
  };
  const stops: Stop[] = [
    services.session.onChange(show),
    services.account.onChange(show),
    services.budget.onChange(show),
    every(services.clock, STATUS_REFRESH_MS, show),
  ];
  let stopped = false;
  services.streaming().then((ready) => {
    if (stopped) return;
    feed = ready.feed;
    stops.push(feed.onStatusChange(show));
    show();
  }, () => undefined);
  show();
  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}

/** The item argument of STATUS (omitted: every item), or an invalidInput error that lists the valid ones. */
export function parseStatusItem(item: unknown): StatusItem | undefined {
  if (item === null || item === undefined || (typeof item === "string" && item.trim() === "")) return undefined;
  const text = String(item).trim().toLowerCase();
  const found = STATUS_ITEM_NAMES.find((name) => name.toLowerCase() === text);
  if (found) return found;
  const message = `item '${String(item).slice(0, 40)}' is not a status item; use one of ${STATUS_ITEM_NAMES.join(", ")}.`;
  throw new BinckError("invalidInput", message, `Argument refused: ${message}`);
}

function statusValues(services: CellServices, feed: Feed | undefined): Record<StatusItem, StatusValue> {
  const session = services.session.current();
  const status = feed?.status();
  const budget = services.budget.figures();
  const signedIn = session.status === "signedIn";
  const now = services.clock.now();
  return {
    connection: session.status === "signedOut" ? "signed out" : status?.state ?? "not started",
    signedIn: signedIn ? `yes (${session.realm})` : session.status === "signedOut" ? "no" : session.status,
    account: services.account.current() ?? "",
    readOnly: signedIn ? session.readOnly : "",
    tokenExpiry: signedIn ? services.formatTime(session.expiresAtMs) : "",
    subscriptions: status?.subscriptions ?? 0,
    requests: budget.requestsInWindow,
    queued: budget.queued,
    cacheHits: budget.cacheHits,
    lastMessageAge: status?.lastMessageAtMs === undefined ? "" : Math.max(0, Math.round((now - status.lastMessageAtMs) / 1000)),
    lastError: status?.lastError ?? "",
  };
}
