/** Amounts, currencies and dates as the trading part of the sandbox books them. */

/** Euro per one unit of a currency. A fixed table: the sandbox has no FX market. */
export const EURO_PER_UNIT: Readonly<Record<string, number>> = {
  EUR: 1,
  USD: 0.86,
  GBP: 1.16,
  CHF: 1.07,
  SEK: 0.088,
  DKK: 0.134,
  NOK: 0.085,
  CAD: 0.63,
};

export const BASE_CURRENCY = "EUR";

/** Cents: every booked amount is rounded to two decimals. */
export function roundMoney(amount: number): number {
  return Math.round((amount + Number.EPSILON * Math.sign(amount)) * 100) / 100;
}

/** Prices keep more decimals than money (up to 4 for cheap instruments). */
export function roundPrice(price: number, decimals = 4): number {
  const factor = 10 ** decimals;
  return Math.round(price * factor) / factor;
}

export function euroRate(currency: string): number {
  return EURO_PER_UNIT[currency] ?? 1;
}

export function toEuro(amount: number, currency: string): number {
  return amount * euroRate(currency);
}

export const DAY_MS = 86_400_000;

export function isoDateTime(timeMs: number): string {
  return new Date(timeMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Midnight UTC of the day holding `timeMs`. */
export function startOfUtcDay(timeMs: number): number {
  return Math.floor(timeMs / DAY_MS) * DAY_MS;
}

export function utcYear(timeMs: number): number {
  return new Date(timeMs).getUTCFullYear();
}
