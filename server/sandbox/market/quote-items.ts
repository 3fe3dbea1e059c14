import { bookType, type QuoteItem, type QuoteMessageKind, type QuoteType } from "../../../src/core/wire/realtime";
import type { QuoteState } from "./market";

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

/** The streaming items (API.md 5.4) of a quote state: trades first, then the book by depth. */
export function quoteItems(state: QuoteState, msg: QuoteMessageKind, hasBook: boolean): QuoteItem[] {
  const items: QuoteItem[] = [];
  if (state.last) items.push({ msg, typ: "lst", prc: state.last.price, vol: state.last.volume, dt: dt(state.last.timeMs) });
  if (hasBook) items.push({ msg, typ: "vol", prc: 0, vol: state.cumVol });
  if (state.close) items.push({ msg, typ: "cls", prc: state.close.price, vol: 0, dt: dt(state.close.timeMs) });
  if (state.open) items.push({ msg, typ: "opn", prc: state.open.price, vol: 0, dt: dt(state.open.timeMs) });
  if (state.high) items.push({ msg, typ: "hgh", prc: state.high.price, vol: 0, dt: dt(state.high.timeMs) });
  if (state.low) items.push({ msg, typ: "low", prc: state.low.price, vol: 0, dt: dt(state.low.timeMs) });
  state.bid.forEach((level, index) => items.push({ msg, typ: bookType("bid", index + 1), prc: level.price, vol: level.volume, ord: level.orderCount, dt: dt(level.timeMs) }));
  state.ask.forEach((level, index) => items.push({ msg, typ: bookType("ask", index + 1), prc: level.price, vol: level.volume, ord: level.orderCount, dt: dt(level.timeMs) }));
  return items;
}

/**
 * The items of `next` that differ from `previous` (same `typ`): price, volume or order count changed, or a
 * new trade (a new `lst` time). Book times alone do not count.
 */
export function changedItems(previous: readonly QuoteItem[], next: readonly QuoteItem[]): QuoteItem[] {
  const before = new Map<QuoteType, QuoteItem>();
  for (const item of previous) before.set(item.typ, item);
  return next.filter((item) => {
    const old = before.get(item.typ);
    if (!old) return true;
    if (old.prc !== item.prc || old.vol !== item.vol || old.ord !== item.ord) return true;
    return item.typ === "lst" && old.dt !== item.dt;
  });
}

/** Marks a batch as the start of a new cycle: clients clear the instrument's stored quotes first. */
export function tagNewCycle(items: QuoteItem[]): QuoteItem[] {
  if (items.length > 0) items[0] = { ...items[0], tags: items[0].tags ? `C${items[0].tags}` : "C" };
  return items;
}
