import { BOOK_DEPTH, type QuoteItem, type QuoteMessageKind, type QuoteType } from "../../../src/core/wire/realtime";
import type { QuoteState } from "./market";

/**
 * The streaming items (API.md 5.4) of a quote state sit in fixed slots, in the order they are sent: trades
 * first, then the bids by depth, then the asks by depth.
 */
export const QUOTE_SLOT_TYPES: readonly QuoteType[] = [
  "lst", "vol", "cls", "opn", "hgh", "low", "bid", "bid2", "bid3", "bid4", "bid5", "ask", "ask2", "ask3", "ask4", "ask5",
];
// Kept in this module with their only users: a tick reads them some 50 times per instrument, and an import
// run through tsx (as the sandbox is) reads each through a getter.
const QUOTE_SLOTS = QUOTE_SLOT_TYPES.length;
const LST_SLOT = 0;
const VOL_SLOT = 1;
const CLS_SLOT = 2;
const OPN_SLOT = 3;
const HGH_SLOT = 4;
const LOW_SLOT = 5;
const FIRST_BID_SLOT = 6;
const FIRST_ASK_SLOT = FIRST_BID_SLOT + BOOK_DEPTH;

/** Most recently formatted moments; cleared when full. */
const ISO_CACHE_LIMIT = 4096;
const isoTexts = new Map<number, string>();

/**
 * `dt` of an item. A tick formats the same few moments for every watched instrument (now, the day's open,
 * the previous close, the high/low sampling grid), so the texts are shared across instruments and ticks.
 */
function dt(timeMs: number): string {
  let text = isoTexts.get(timeMs);
  if (text === undefined) {
    if (isoTexts.size >= ISO_CACHE_LIMIT) isoTexts.clear();
    isoTexts.set(timeMs, (text = new Date(timeMs).toISOString()));
  }
  return text;
}

/** Whether the state has an item in this slot. */
function hasSlot(state: QuoteState, slot: number, hasBook: boolean): boolean {
  switch (slot) {
    case LST_SLOT: return state.last !== undefined;
    case VOL_SLOT: return hasBook;
    case CLS_SLOT: return state.close !== undefined;
    case OPN_SLOT: return state.open !== undefined;
    case HGH_SLOT: return state.high !== undefined;
    case LOW_SLOT: return state.low !== undefined;
    default: return slot < FIRST_ASK_SLOT ? slot - FIRST_BID_SLOT < state.bid.length : slot - FIRST_ASK_SLOT < state.ask.length;
  }
}

/** The item in a slot the state has (hasSlot), fields in wire order. */
function slotItem(state: QuoteState, slot: number, msg: QuoteMessageKind): QuoteItem {
  const typ = QUOTE_SLOT_TYPES[slot];
  switch (slot) {
    case LST_SLOT: return { msg, typ, prc: state.last!.price, vol: state.last!.volume, dt: dt(state.last!.timeMs) };
    case VOL_SLOT: return { msg, typ, prc: 0, vol: state.cumVol };
    case CLS_SLOT: return { msg, typ, prc: state.close!.price, vol: 0, dt: dt(state.close!.timeMs) };
    case OPN_SLOT: return { msg, typ, prc: state.open!.price, vol: 0, dt: dt(state.open!.timeMs) };
    case HGH_SLOT: return { msg, typ, prc: state.high!.price, vol: 0, dt: dt(state.high!.timeMs) };
    case LOW_SLOT: return { msg, typ, prc: state.low!.price, vol: 0, dt: dt(state.low!.timeMs) };
    default: {
      const level = slot < FIRST_ASK_SLOT ? state.bid[slot - FIRST_BID_SLOT] : state.ask[slot - FIRST_ASK_SLOT];
      return { msg, typ, prc: level.price, vol: level.volume, ord: level.orderCount, dt: dt(level.timeMs) };
    }
  }
}

/** Every item of a quote state, in slot order. */
export function quoteItems(state: QuoteState, msg: QuoteMessageKind, hasBook: boolean): QuoteItem[] {
  const items: QuoteItem[] = [];
  for (let slot = 0; slot < QUOTE_SLOTS; slot++) if (hasSlot(state, slot, hasBook)) items.push(slotItem(state, slot, msg));
  return items;
}

/** Marks a batch as the start of a new cycle: clients clear the instrument's stored quotes first. */
export function tagNewCycle(items: QuoteItem[]): QuoteItem[] {
  if (items.length > 0) items[0] = { ...items[0], tags: items[0].tags ? `C${items[0].tags}` : "C" };
  return items;
}

/**
 * What watchers of one instrument were last sent, as numbers per item slot, so that a tick builds items only
 * for what changed: price, volume or order count, a slot that was empty, or a new trade (a new `lst` time).
 * Book times alone do not count. Times compare as whole milliseconds, as their `dt` texts would.
 */
export class SentQuote {
  private readonly present = new Uint8Array(QUOTE_SLOTS);
  private readonly prices = new Float64Array(QUOTE_SLOTS);
  private readonly volumes = new Float64Array(QUOTE_SLOTS);
  private readonly orders = new Float64Array(QUOTE_SLOTS);
  private lastTradeMs = NaN;

  /** Takes the whole state as sent (a snapshot, the start of a cycle). */
  remember(state: QuoteState, hasBook: boolean): void {
    for (let slot = 0; slot < QUOTE_SLOTS; slot++) this.compareAndStore(state, slot, hasBook);
  }

  /** The `qu` items of `state` that differ from what was sent, in slot order (undefined: none); the state is then taken as sent. */
  changes(state: QuoteState, hasBook: boolean): QuoteItem[] | undefined {
    let items: QuoteItem[] | undefined;
    for (let slot = 0; slot < QUOTE_SLOTS; slot++) if (this.compareAndStore(state, slot, hasBook)) (items ??= []).push(slotItem(state, slot, "qu"));
    return items;
  }

  /** Stores the slot's values; true when the slot holds an item that differs from the stored one. */
  private compareAndStore(state: QuoteState, slot: number, hasBook: boolean): boolean {
    if (!hasSlot(state, slot, hasBook)) {
      this.present[slot] = 0;
      return false;
    }
    let price: number;
    let volume = 0;
    let orders = 0;
    let changed = this.present[slot] === 0;
    if (slot >= FIRST_BID_SLOT) {
      const level = slot < FIRST_ASK_SLOT ? state.bid[slot - FIRST_BID_SLOT] : state.ask[slot - FIRST_ASK_SLOT];
      price = level.price;
      volume = level.volume;
      orders = level.orderCount;
    } else if (slot === LST_SLOT) {
      price = state.last!.price;
      volume = state.last!.volume;
      const tradeMs = Math.trunc(state.last!.timeMs);
      if (tradeMs !== this.lastTradeMs) changed = true;
      this.lastTradeMs = tradeMs;
    } else if (slot === VOL_SLOT) {
      price = 0;
      volume = state.cumVol;
    } else {
      price = (slot === CLS_SLOT ? state.close : slot === OPN_SLOT ? state.open : slot === HGH_SLOT ? state.high : state.low)!.price;
    }
    if (price !== this.prices[slot] || volume !== this.volumes[slot] || orders !== this.orders[slot]) changed = true;
    this.present[slot] = 1;
    this.prices[slot] = price;
    this.volumes[slot] = volume;
    this.orders[slot] = orders;
    return changed;
  }
}
