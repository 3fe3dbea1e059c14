import type { CostLine } from "../../core";
import { localeTag, type Language } from "../i18n/language";

/** Numbers, money, times and tick sizes as the ticket shows them, in the person's language. */

export function formatPrice(value: number | undefined, decimals: number, language: Language): string {
  if (value === undefined || !Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(localeTag(language), { minimumFractionDigits: decimals, maximumFractionDigits: Math.max(decimals, 6) }).format(value);
}

export function formatMoney(value: number | undefined, currency: string, language: Language): string {
  if (value === undefined || !Number.isFinite(value)) return "–";
  try {
    return new Intl.NumberFormat(localeTag(language), { style: "currency", currency }).format(value);
  } catch {
    // A currency code Intl does not know (never from Binck, but cheaper than a blank cell).
    return `${new Intl.NumberFormat(localeTag(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

export function formatQuantity(value: number, language: Language): string {
  return new Intl.NumberFormat(localeTag(language), { maximumFractionDigits: 6 }).format(value);
}

/** Date and time of a journal entry (epoch ms) in the runtime's time zone, or `timeZone` (tests). */
export function formatDateTime(epochMs: number, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: "short", timeStyle: "medium", timeZone }).format(epochMs);
}

/** The tick size that applies to `price`: the band with the highest `from` at or below it. */
export function tickSizeAt(ticks: readonly { from: number; size: number }[], price: number): { from: number; size: number } | undefined {
  let found: { from: number; size: number } | undefined;
  for (const tick of ticks) if (tick.from <= price && (!found || tick.from >= found.from)) found = tick;
  return found;
}

/**
 * The hint under a price field: the tick size for the price typed (or the last price), else every band.
 * `describe(size, from)` is the language's wording ("tick 0.01 from 10").
 */
export function tickHint(
  ticks: readonly { from: number; size: number }[],
  price: number | undefined,
  language: Language,
  describe: (size: string, from: string) => string,
): string | undefined {
  if (ticks.length === 0) return undefined;
  const number = (value: number) => new Intl.NumberFormat(localeTag(language), { maximumFractionDigits: 8 }).format(value);
  const band = price !== undefined && Number.isFinite(price) ? tickSizeAt(ticks, price) : undefined;
  const shown = band ? [band] : [...ticks].sort((a, b) => a.from - b.from);
  return shown.map((tick) => describe(number(tick.size), number(tick.from))).join("; ");
}

/** A price typed in the person's way ("12,34" or "12.34"), or undefined when it is not one. */
export function parseTypedNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** A cost line's amount: euro, and the percentage when Binck gives one. */
export function formatCost(line: Pick<CostLine, "valueInEuro" | "percentage">, language: Language): string {
  const parts: string[] = [];
  if (line.valueInEuro !== undefined) parts.push(formatMoney(line.valueInEuro, "EUR", language));
  if (line.percentage !== undefined) parts.push(`${new Intl.NumberFormat(localeTag(language), { maximumFractionDigits: 4 }).format(line.percentage)} %`);
  return parts.join(" · ") || "–";
}
