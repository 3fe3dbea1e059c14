import { epochMsOf } from "../stream/wire-time";
import type { QuoteItem, QuoteMessage, QuoteType } from "../wire/realtime";

/** One quote type of an instrument as last received (API.md 5.4). */
export interface QuoteValue {
  /** `prc`; 0 for volume items. */
  price?: number;
  /** `vol`; for book levels the volume at that level. */
  volume?: number;
  /** `ord`; number of orders at a book level (0 when the market does not publish it). */
  orders?: number;
  /** `dt` parsed once, epoch ms. */
  timeMs?: number;
  /** Where the value came from: the initial snapshot (qi) or an update (qu). */
  msg: "qi" | "qu";
  /** Tag M: show a "market order" indicator in the bid/ask cell instead of a price. */
  market: boolean;
  /** Tag O: show an "open" indicator. */
  open: boolean;
  /** Tag X: leave out of intraday charts, still show in lists. */
  excluded: boolean;
}

/** The stream state of one instrument. Mutated in place as messages arrive; `version` counts the changes. */
export interface InstrumentQuote {
  readonly instrumentId: string;
  /** The latest value per quote type: trades (lst vol cls opn hgh low thp ivl idv iir set oir), bid..bid5, ask..ask5. */
  readonly values: Map<QuoteType, QuoteValue>;
  /** The `sdt` of the last message applied, epoch ms (feed delay = now − this). */
  sentAtMs?: number;
  /** Cycles started by tag C so far. */
  cycles: number;
  version: number;
}

export function emptyQuote(instrumentId: string): InstrumentQuote {
  return { instrumentId, values: new Map(), cycles: 0, version: 0 };
}

/**
 * Applies one Quote message (already validated) by the guide's rules: tag C clears the instrument first (a new
 * cycle); an initial value (qi) is ignored when an update (qu) of that type came first in this subscription round
 * (`updatedTypes`); of several qi of one type the most recent `dt` is kept. Returns whether anything changed.
 */
export function applyQuoteMessage(state: InstrumentQuote, message: QuoteMessage, updatedTypes: Set<QuoteType>): boolean {
  let changed = false;
  for (const item of message.qt) {
    if (item.tags !== undefined && item.tags.includes("C")) {
      state.values.clear();
      updatedTypes.clear();
      state.cycles++;
      changed = true;
    }
    if (applyItem(state, item, updatedTypes)) changed = true;
  }
  if (changed) {
    const sentAtMs = epochMsOf(message.sdt);
    if (!Number.isNaN(sentAtMs)) state.sentAtMs = sentAtMs;
    state.version++;
  }
  return changed;
}

function applyItem(state: InstrumentQuote, item: QuoteItem, updatedTypes: Set<QuoteType>): boolean {
  const timeMs = item.dt === undefined ? undefined : epochMsOf(item.dt);
  if (item.msg === "qi") {
    if (updatedTypes.has(item.typ)) return false;
    const current = state.values.get(item.typ);
    if (current?.timeMs !== undefined && timeMs !== undefined && timeMs < current.timeMs) return false;
  } else {
    updatedTypes.add(item.typ);
  }
  const tags = item.tags ?? "";
  // Overwritten in place (nobody keeps a value past the update it came with): no garbage per item.
  const value = state.values.get(item.typ);
  if (value === undefined) {
    state.values.set(item.typ, { price: item.prc, volume: item.vol, orders: item.ord, timeMs, msg: item.msg, market: tags.includes("M"), open: tags.includes("O"), excluded: tags.includes("X") });
    return true;
  }
  value.price = item.prc;
  value.volume = item.vol;
  value.orders = item.ord;
  value.timeMs = timeMs;
  value.msg = item.msg;
  value.market = tags !== "" && tags.includes("M");
  value.open = tags !== "" && tags.includes("O");
  value.excluded = tags !== "" && tags.includes("X");
  return true;
}
