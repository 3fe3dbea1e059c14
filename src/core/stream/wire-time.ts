/**
 * A hub date-time string (`dt`, `sdt`) as epoch ms; NaN when it is not one. The items of one Quote message (often
 * of one whole frame) carry the same `dt`, and each is read twice (the check at the boundary, then the quote
 * state), so the last string parsed is remembered: Date.parse was a measurable share of the per-item cost.
 */
let lastText: string | undefined;
let lastMs = NaN;

export function epochMsOf(text: string): number {
  if (text !== lastText) {
    lastMs = Date.parse(text);
    lastText = text;
  }
  return lastMs;
}
