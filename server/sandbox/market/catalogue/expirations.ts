/** Expiration dates of listed derivatives: the third Friday of a month (Euronext, Eurex, CBOE monthly). */

export function thirdFriday(year: number, month: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const firstFriday = 1 + ((5 - first + 7) % 7);
  return Date.UTC(year, month, firstFriday + 14);
}

/** The next `count` expirations after `nowMs`: the first `monthly` months, then quarter months (Mar/Jun/Sep/Dec). */
export function upcomingExpirations(nowMs: number, monthly: number, count: number, cycleMonths: 1 | 3 = 1): number[] {
  const now = new Date(nowMs);
  const result: number[] = [];
  for (let offset = 0; result.length < count && offset < 240; offset++) {
    const year = now.getUTCFullYear() + Math.floor((now.getUTCMonth() + offset) / 12);
    const month = (now.getUTCMonth() + offset) % 12;
    const expiry = thirdFriday(year, month);
    if (expiry <= nowMs) continue;
    const quarterly = month % 3 === 2;
    const wantMonthly = cycleMonths === 1 && result.length < monthly;
    if (wantMonthly || quarterly) result.push(expiry);
  }
  return result;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** `JAN 2026`: how series names show their expiration. */
export function expiryLabel(expiryMs: number): string {
  const date = new Date(expiryMs);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Strike spacing: the smallest 1/2/2.5/5 x 10^k at or above `raw`. */
export function niceStep(raw: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}
