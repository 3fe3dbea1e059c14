import type { CatalogueEntry } from "./catalogue/catalogue-entry";
import type { SandboxCatalogue } from "./catalogue/sandbox-catalogue";
import { hashInts, hashString, signedUnit, unit } from "./hashing";

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const YEAR_MS = 365 * DAY_MS;
const RISK_FREE_RATE = 0.02;
const MIN_OPTION_LIFE_MS = HOUR_MS;
/** Value-noise periods, 2 seconds to 2 years; each scale's amplitude grows with sqrt(period) like a random walk. */
const SCALES_MS = [2_000, 15_000, 120_000, 900_000, 7_200_000, DAY_MS, 7 * DAY_MS, 30 * DAY_MS, 180 * DAY_MS, 730 * DAY_MS];
const SCALE_AMPLITUDES = SCALES_MS.map((period) => Math.sqrt(period / DAY_MS));
/** The overnight gap, in daily volatilities: close (previous) and open differ. */
const OVERNIGHT_GAP = 0.4;

/** What the model keeps per instrument: one lookup per price instead of one per cache. */
interface InstrumentSlot {
  readonly key: number;
  /** Its log noise at the epoch, the fixed base every walk price is measured from (NaN until asked). */
  epochNoise: number;
  /** The last price computed and its moment (ticks and derived prices ask the same moment again). */
  priceTimeMs: number;
  price: number;
  /** The volume of its day before the hour last asked for (ticks ask the same hour often). */
  hourPrefix?: { dayStart: number; hour: number; total: number };
}

/**
 * Prices and volumes as pure functions of time: an instrument's price at any moment can be computed on
 * demand, so unwatched instruments need no timers and history agrees with the live state.
 */
export class PriceModel {
  private readonly slots = new Map<string, InstrumentSlot>();

  constructor(private readonly seed: number, private readonly catalogue: SandboxCatalogue, private epochMs: number) {}

  /** Prices start at the catalogue's reference price at the epoch (construction or reset). */
  setEpoch(epochMs: number): void {
    this.epochMs = epochMs;
    for (const slot of this.slots.values()) {
      slot.epochNoise = NaN;
      slot.priceTimeMs = NaN;
    }
  }

  /** The unrounded price at a moment. */
  price(entry: CatalogueEntry, timeMs: number): number {
    const slot = this.slotOf(entry);
    if (slot.priceTimeMs !== timeMs) {
      slot.price = this.compute(entry, slot, timeMs);
      slot.priceTimeMs = timeMs;
    }
    return slot.price;
  }

  /** Volume traded from the start of the UTC day up to `timeMs` (excluding sandbox order fills). */
  dayVolumeUntil(entry: CatalogueEntry, timeMs: number): number {
    return this.volumeInDay(entry, Math.floor(timeMs / DAY_MS) * DAY_MS, timeMs);
  }

  /** Volume traded in [fromMs, toMs), across day boundaries. */
  volumeBetween(entry: CatalogueEntry, fromMs: number, toMs: number): number {
    let total = 0;
    for (let dayStart = Math.floor(fromMs / DAY_MS) * DAY_MS; dayStart < toMs; dayStart += DAY_MS) {
      const end = Math.min(toMs, dayStart + DAY_MS);
      total += this.volumeInDay(entry, dayStart, end) - this.volumeInDay(entry, dayStart, Math.max(fromMs, dayStart));
    }
    return total;
  }

  /** The instrument's key for noiseOf (a book asks for some 30 noises at once). */
  noiseKey(entry: CatalogueEntry): number {
    return this.slotOf(entry).key;
  }

  /** A hashed value in [0, 1) for an instrument's key, a purpose and a time cell (book depth, spreads). */
  noiseOf(key: number, purpose: number, cell: number): number {
    return unit(hashInts(key, purpose, cell));
  }

  /** Hourly volumes, linear within the hour, so the cumulative volume only grows. `untilMs` may be the day's end. */
  private volumeInDay(entry: CatalogueEntry, dayStart: number, untilMs: number): number {
    const hourly = entry.pricing.hourlyVolume;
    if (hourly === 0) return 0;
    const slot = this.slotOf(entry);
    const key = slot.key;
    const hourIndex = Math.floor(untilMs / HOUR_MS);
    const prefix = slot.hourPrefix;
    let total = 0;
    if (prefix && prefix.dayStart === dayStart && prefix.hour === hourIndex) {
      total = prefix.total;
    } else {
      for (let hour = dayStart / HOUR_MS; hour < hourIndex; hour++) total += this.hourVolume(key, hourly, hour);
      slot.hourPrefix = { dayStart, hour: hourIndex, total };
    }
    const fraction = (untilMs - hourIndex * HOUR_MS) / HOUR_MS;
    return fraction > 0 ? total + Math.floor(this.hourVolume(key, hourly, hourIndex) * fraction) : total;
  }

  private hourVolume(key: number, hourly: number, hour: number): number {
    return Math.round(hourly * (0.3 + 1.4 * unit(hashInts(key, 7, hour))));
  }

  private compute(entry: CatalogueEntry, slot: InstrumentSlot, timeMs: number): number {
    const pricing = entry.pricing;
    switch (pricing.kind) {
      case "walk": {
        if (pricing.dailyVolatility === 0) return pricing.reference;
        if (Number.isNaN(slot.epochNoise)) slot.epochNoise = this.logNoise(slot.key, this.epochMs);
        const drift = this.logNoise(slot.key, timeMs) - slot.epochNoise;
        return pricing.reference * Math.exp(pricing.dailyVolatility * drift);
      }
      case "option": {
        const spot = this.price(this.underlying(pricing.underlyingId), timeMs);
        const years = Math.max(pricing.expiryMs - timeMs, MIN_OPTION_LIFE_MS) / YEAR_MS;
        return blackScholes(spot, pricing.strike, years, pricing.volatility, pricing.right);
      }
      case "future": {
        const spot = this.price(this.underlying(pricing.underlyingId), timeMs);
        return spot * Math.exp(RISK_FREE_RATE * Math.max(pricing.expiryMs - timeMs, 0) / YEAR_MS);
      }
      case "linear": {
        const spot = this.price(this.underlying(pricing.underlyingId), timeMs);
        return Math.max(pricing.factor * (spot - pricing.offset), 0);
      }
    }
  }

  private logNoise(key: number, timeMs: number): number {
    let sum = 0;
    for (let scale = 0; scale < SCALES_MS.length; scale++) {
      const position = timeMs / SCALES_MS[scale];
      const cell = Math.floor(position);
      const fraction = position - cell;
      const a = signedUnit(hashInts(key, scale, cell));
      const b = signedUnit(hashInts(key, scale, cell + 1));
      sum += SCALE_AMPLITUDES[scale] * (a + (b - a) * fraction);
    }
    return sum + OVERNIGHT_GAP * signedUnit(hashInts(key, 99, Math.floor(timeMs / DAY_MS)));
  }

  private underlying(id: string): CatalogueEntry {
    const entry = this.catalogue.get(id);
    if (!entry) throw new Error(`Catalogue entry names an unknown underlying ${id}.`);
    return entry;
  }

  private slotOf(entry: CatalogueEntry): InstrumentSlot {
    let slot = this.slots.get(entry.model.id);
    if (slot === undefined) {
      slot = { key: hashString(entry.model.id, this.seed), epochNoise: NaN, priceTimeMs: NaN, price: NaN };
      this.slots.set(entry.model.id, slot);
    }
    return slot;
  }
}

export function blackScholes(spot: number, strike: number, years: number, volatility: number, right: "call" | "put"): number {
  const root = volatility * Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (RISK_FREE_RATE + (volatility * volatility) / 2) * years) / root;
  const d2 = d1 - root;
  const discounted = strike * Math.exp(-RISK_FREE_RATE * years);
  return right === "call"
    ? spot * normalCdf(d1) - discounted * normalCdf(d2)
    : discounted * normalCdf(-d2) - spot * normalCdf(-d1);
}

/** Standard normal CDF (Abramowitz & Stegun 26.2.17, error below 7.5e-8). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const tail = density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - tail : tail;
}
