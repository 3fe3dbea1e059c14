import type { InstrumentModel, InstrumentType } from "../../../../src/core/wire/models";
import { BONDS, CERTIFICATES, PUBLISHERS, TURBO_DISTANCES, TURBO_UNDERLYINGS } from "../../seed/instruments/leveraged";
import { FUTURE_CLASSES, OPTION_CLASSES } from "../../seed/instruments/derivatives";
import { EQUITIES } from "../../seed/instruments/equities";
import { INDICES } from "../../seed/instruments/indices";
import { LIST_CODES, MARKET_LISTS } from "../../seed/instruments/list-codes";
import { FUNDS, REFERENCE_RATES, STRUCTURED_AND_WARRANTS, TRACKERS } from "../../seed/instruments/products";
import { hashString, instrumentIdFor, unit } from "../hashing";
import type { LeveragedFacts } from "../market";
import {
  BOND_TICKS, EQUITY_EU_TICKS, EQUITY_US_TICKS, FUND_TICKS, INDEX_TICKS, OPTION_TICKS, PRODUCT_TICKS,
  fixedTicks, priceDecimalsOf, roundToTick, type TickTable,
} from "../tick-sizes";
import type { CatalogueEntry, Pricing } from "./catalogue-entry";
import { expiryLabel, niceStep, upcomingExpirations } from "./expirations";
import { synthesizeIsin } from "./isin";
import { SandboxCatalogue } from "./sandbox-catalogue";

/** Daily volatility (standard deviation of the daily log return) per kind of instrument. */
const DAILY_VOLATILITY = { equity: 0.018, index: 0.011, tracker: 0.009, fund: 0.006, bond: 0.0025, rate: 0.005, product: 0.02 } as const;
const MONTHLY_OPTION_EXPIRATIONS = 3;
const OPTION_EXPIRATIONS = 6;
const US_MICS = new Set(["XNYS", "XNAS", "XASE"]);
/** French large caps with deferred settlement (SRD). */
const SRD_LISTS = ["parisCAC40Index", "parisCACNext20Index"];
const DERIVATIVE_TYPES: ReadonlySet<InstrumentType> = new Set(["option", "future", "turbo", "certificate", "structuredProduct", "warrant", "optionClass", "futureClass"]);

interface Draft {
  key: string;
  model: Omit<InstrumentModel, "id" | "priceDecimals" | "tickSizeCollection" | "isTradable" | "isKidApplicable" | "hasOptions" | "hasFutures" | "hasSrd" | "hasLeveragedProducts" | "hasOrderModifications">;
  ticks: TickTable;
  lists: string[];
  quotable: boolean;
  hasBook: boolean;
  /** Underlyings are named by draft key here; finish() swaps keys for ids. */
  pricing: Pricing;
  derivativesInfo?: InstrumentModel["derivativesInfo"];
  classKey?: string;
  underlyingKey?: string;
  leveraged?: LeveragedFacts;
  leveragedProduct?: InstrumentModel["leveragedProduct"];
  flags: { options?: boolean; futures?: boolean; srd?: boolean; leveraged?: boolean };
}

const cache = new Map<string, SandboxCatalogue>();

/**
 * The whole catalogue for a seed. Series expirations follow the build day, so the catalogue (and series ids)
 * are the same for one seed on one day; built once per seed and day.
 */
export function buildCatalogue(seed: number, nowMs: number): SandboxCatalogue {
  const dayKey = `${seed}|${Math.floor(nowMs / 86_400_000)}`;
  let catalogue = cache.get(dayKey);
  if (!catalogue) {
    catalogue = new SandboxCatalogue(new CatalogueBuilder(seed, nowMs).build());
    cache.set(dayKey, catalogue);
  }
  return catalogue;
}

class CatalogueBuilder {
  private readonly drafts: Draft[] = [];
  private readonly byKey = new Map<string, Draft>();
  private readonly bySymbol = new Map<string, Draft>();

  constructor(private readonly seed: number, private readonly nowMs: number) {}

  build(): CatalogueEntry[] {
    this.addListed();
    this.addOptions();
    this.addFutures();
    this.addTurbos();
    this.addCertificates();
    this.addBonds();
    this.addSrdClasses();
    return this.finish();
  }

  private add(draft: Draft): Draft {
    if (this.byKey.has(draft.key)) throw new Error(`Catalogue data has a duplicate instrument: ${draft.key}`);
    this.drafts.push(draft);
    this.byKey.set(draft.key, draft);
    return draft;
  }

  private resolve(reference: string, mic: string): Draft {
    const draft = reference.startsWith("symbol:") ? this.bySymbol.get(reference.slice(7)) : this.byKey.get(`${reference}|${mic}`);
    if (!draft) throw new Error(`Catalogue data names an unknown underlying: ${reference} on ${mic}`);
    return draft;
  }

  private walk(reference: number, volatility: number, key: string, hourlyScale: number): Pricing {
    const liquidity = 0.5 + unit(hashString(key, this.seed));
    return { kind: "walk", reference, dailyVolatility: volatility, hourlyVolume: Math.max(0, Math.round(hourlyScale * liquidity)) };
  }

  private addListed(): void {
    for (const [name, symbol, isin, mic, currency, price, codes] of EQUITIES) {
      const ticks = US_MICS.has(mic) ? EQUITY_US_TICKS : EQUITY_EU_TICKS;
      const key = `${isin}|${mic}`;
      this.add({
        key, ticks, lists: expand(codes), quotable: true, hasBook: true, flags: {},
        model: { name, symbol, tickerSymbol: symbol, isincode: isin, type: "equity", marketIdentificationCode: mic, currency },
        // About 1.2 million euro traded per hour for an average stock.
        pricing: this.walk(roundToTick(ticks, price), DAILY_VOLATILITY.equity, key, 12_000_000 / price),
      });
    }
    for (const [name, symbol, isin, mic, currency, level, codes] of INDICES) {
      const key = isin ? `${isin}|${mic}` : `index|${symbol}`;
      const draft = this.add({
        key, ticks: INDEX_TICKS, lists: [...expand(codes), "internationalIndices"], quotable: true, hasBook: false, flags: {},
        model: { name, symbol, tickerSymbol: symbol, ...(isin ? { isincode: isin } : {}), type: "index", marketIdentificationCode: mic, currency },
        pricing: { kind: "walk", reference: level, dailyVolatility: DAILY_VOLATILITY.index, hourlyVolume: 0 },
      });
      this.bySymbol.set(symbol, draft);
    }
    const products: Array<[InstrumentType, typeof TRACKERS, TickTable, number, number]> = [
      ["tracker", TRACKERS, PRODUCT_TICKS, DAILY_VOLATILITY.tracker, 200_000],
      ["investmentFund", FUNDS, FUND_TICKS, DAILY_VOLATILITY.fund, 20_000],
      ["unclassified", REFERENCE_RATES, fixedTicks(0.0001), DAILY_VOLATILITY.rate, 0],
    ];
    for (const [type, rows, ticks, volatility, hourlyValue] of products) {
      for (const [name, symbol, isin, mic, currency, price, codes] of rows) {
        const key = isin ? `${isin}|${mic}` : `${type}|${symbol}`;
        const rowTicks = type === "unclassified" && price > 20 ? fixedTicks(0.01) : ticks;
        const draft = this.add({
          key, ticks: rowTicks, lists: expand(codes), quotable: true, hasBook: type !== "unclassified", flags: {},
          model: { name, symbol, tickerSymbol: symbol, ...(isin ? { isincode: isin } : {}), type, ...(mic ? { marketIdentificationCode: mic } : {}), currency },
          pricing: this.walk(roundToTick(rowTicks, price), volatility, key, hourlyValue / price),
        });
        this.bySymbol.set(symbol, draft);
      }
    }
    for (const [type, name, symbol, isin, mic, currency, price, codes] of STRUCTURED_AND_WARRANTS) {
      const key = `${isin}|${mic}`;
      this.add({
        key, ticks: PRODUCT_TICKS, lists: expand(codes), quotable: true, hasBook: true, flags: {},
        model: { name, symbol, tickerSymbol: symbol, isincode: isin, type, marketIdentificationCode: mic, currency },
        pricing: this.walk(roundToTick(PRODUCT_TICKS, price), DAILY_VOLATILITY.product, key, 30_000 / price),
      });
    }
  }

  private addOptions(): void {
    const expirations = upcomingExpirations(this.nowMs, MONTHLY_OPTION_EXPIRATIONS, OPTION_EXPIRATIONS);
    for (const row of OPTION_CLASSES) {
      const underlying = this.resolve(row.underlying, row.underlyingMic);
      underlying.flags.options = true;
      const classKey = `optionClass|${row.symbol}|${row.mic}|${row.currency}|${row.contractSize}`;
      this.add({
        key: classKey, ticks: OPTION_TICKS, lists: [], quotable: false, hasBook: false, flags: {}, underlyingKey: underlying.key,
        model: { name: row.name, symbol: row.symbol, tickerSymbol: row.symbol, type: "optionClass", marketIdentificationCode: row.mic, currency: row.currency },
        derivativesInfo: { contractSize: row.contractSize },
        pricing: { kind: "walk", reference: 1, dailyVolatility: 0, hourlyVolume: 0 },
      });
      const spot = referenceOf(underlying);
      const isIndex = underlying.model.type === "index";
      const step = niceStep(spot * (isIndex ? 0.01 : 0.025));
      const atTheMoney = Math.round(spot / step) * step;
      const strikeDecimals = step < 1 ? 2 : step % 1 === 0 ? 0 : 1;
      for (const expiryMs of expirations) {
        for (let i = -row.strikesEachSide; i <= row.strikesEachSide; i++) {
          const strike = Number((atTheMoney + i * step).toFixed(2));
          if (strike <= 0) continue;
          for (const right of ["call", "put"] as const) {
            const letter = right === "call" ? "C" : "P";
            this.add({
              key: `${classKey}|${expiryMs}|${strike}|${letter}`, ticks: OPTION_TICKS, lists: [], quotable: true, hasBook: true, flags: {},
              classKey, underlyingKey: underlying.key,
              model: {
                name: `${row.symbol} ${expiryLabel(expiryMs)} ${strike.toFixed(2)} ${letter}`, symbol: row.symbol, tickerSymbol: row.symbol,
                type: "option", marketIdentificationCode: row.mic, currency: row.currency,
              },
              derivativesInfo: { strike, strikeDecimals: Math.max(strikeDecimals, 2), optionType: right, contractSize: row.contractSize, expirationDate: isoDay(expiryMs) },
              pricing: { kind: "option", underlyingId: underlying.key, strike, expiryMs, right, volatility: row.volatility, hourlyVolume: 40 },
            });
          }
        }
      }
    }
  }

  private addFutures(): void {
    for (const row of FUTURE_CLASSES) {
      const underlying = this.resolve(row.underlying, row.underlyingMic);
      underlying.flags.futures = true;
      const classKey = `futureClass|${row.symbol}|${row.mic}|${row.currency}|${row.contractSize}`;
      const ticks = fixedTicks(row.tickSize);
      this.add({
        key: classKey, ticks, lists: [], quotable: false, hasBook: false, flags: {}, underlyingKey: underlying.key,
        model: { name: row.name, symbol: row.symbol, tickerSymbol: row.symbol, type: "futureClass", marketIdentificationCode: row.mic, currency: row.currency },
        derivativesInfo: { contractSize: row.contractSize },
        pricing: { kind: "walk", reference: 1, dailyVolatility: 0, hourlyVolume: 0 },
      });
      const expirations = upcomingExpirations(this.nowMs, row.cycleMonths === 1 ? row.expirations : 0, row.expirations, row.cycleMonths);
      expirations.forEach((expiryMs, index) => {
        this.add({
          key: `${classKey}|${expiryMs}`, ticks, lists: index === 0 ? expand(row.lists) : [], quotable: true, hasBook: true, flags: {},
          classKey, underlyingKey: underlying.key,
          model: { name: `${row.symbol} ${expiryLabel(expiryMs)}`, symbol: row.symbol, tickerSymbol: row.symbol, type: "future", marketIdentificationCode: row.mic, currency: row.currency },
          derivativesInfo: { contractSize: row.contractSize, expirationDate: isoDay(expiryMs) },
          pricing: { kind: "future", underlyingId: underlying.key, expiryMs, hourlyVolume: 300 },
        });
      });
    }
  }

  private addTurbos(): void {
    let serial = 1;
    for (const [reference, mic, label, category] of TURBO_UNDERLYINGS) {
      const underlying = this.resolve(reference, mic);
      underlying.flags.leveraged = true;
      const spot = referenceOf(underlying);
      for (const [publisher, publisherLabel, productMic, prefix] of PUBLISHERS) {
        for (const direction of ["long", "short"] as const) {
          TURBO_DISTANCES.forEach((distance, index) => {
            const xl = index === 0;
            const financing = Number((direction === "long" ? spot * distance : spot * (2 - distance)).toPrecision(4));
            const stopLoss = Number((direction === "long" ? financing * 1.03 : financing * 0.97).toPrecision(4));
            const ratio = spot > 1000 ? 0.01 : spot > 100 ? 0.1 : spot < 5 ? 10 : 1;
            const isin = synthesizeIsin(prefix, serial++);
            const name = `${publisherLabel} Turbo${xl ? " XL" : ""} ${direction === "long" ? "Long" : "Short"} ${label} ${financing}`;
            this.add({
              key: `${isin}|${productMic}`, ticks: PRODUCT_TICKS, lists: ["leveragedProducts"], quotable: true, hasBook: true, flags: {},
              underlyingKey: underlying.key,
              model: { name, symbol: `T${label.replace(/[^A-Za-z0-9]/g, "").slice(0, 4).toUpperCase()}`, tickerSymbol: isin.slice(-6), isincode: isin, type: "turbo", marketIdentificationCode: productMic, currency: "EUR" },
              leveraged: { category, publisher, direction, xl },
              leveragedProduct: {
                financingLevel: financing, ...(xl ? {} : { stopLossLevel: stopLoss }), exchangeRatio: ratio,
                leverage: Number((spot / Math.abs(spot - financing)).toFixed(2)),
              },
              pricing: { kind: "linear", underlyingId: underlying.key, offset: financing, factor: direction === "long" ? ratio : -ratio, hourlyVolume: 2000 },
            });
          });
        }
      }
    }
  }

  private addCertificates(): void {
    CERTIFICATES.forEach(([name, reference, mic, ratio, code], index) => {
      const underlying = this.resolve(reference, reference.startsWith("symbol:") ? "" : micOfIsin(reference, this.byKey));
      const isin = synthesizeIsin(mic === "XAMS" ? "NL0015C" : mic === "SEDX" ? "IT0005C" : "XS2900C", 1000 + index);
      this.add({
        key: `${isin}|${mic}`, ticks: PRODUCT_TICKS, lists: expand(code), quotable: true, hasBook: true, flags: {}, underlyingKey: underlying.key,
        model: { name, symbol: `CERT${index + 1}`, tickerSymbol: isin.slice(-6), isincode: isin, type: "certificate", marketIdentificationCode: mic, currency: "EUR" },
        pricing: { kind: "linear", underlyingId: underlying.key, offset: 0, factor: ratio, hourlyVolume: 500 },
      });
    });
  }

  private addBonds(): void {
    BONDS.forEach(([issuer, coupon, maturity, currency, mic, country, price, list], index) => {
      const isin = synthesizeIsin(`${country}00B`, 700000 + index * 37);
      const name = `${issuer} ${coupon.toFixed(coupon % 1 === 0 ? 2 : 3).replace(/0$/, "")}% ${maturity}`;
      const key = `${isin}|${mic}`;
      this.add({
        key, ticks: BOND_TICKS, lists: [list], quotable: true, hasBook: true, flags: {},
        model: { name, symbol: `${issuer.split(" ")[0].toUpperCase().slice(0, 6)}${String(maturity).slice(2)}`, tickerSymbol: isin.slice(-7), isincode: isin, type: "bond", marketIdentificationCode: mic, currency },
        pricing: this.walk(price, DAILY_VOLATILITY.bond, key, 50_000 / price),
      });
    });
  }

  private addSrdClasses(): void {
    for (const draft of [...this.drafts]) {
      if (draft.model.type !== "equity" || !draft.lists.some((list) => SRD_LISTS.includes(list))) continue;
      draft.flags.srd = true;
      this.add({
        key: `srdClass|${draft.key}`, ticks: draft.ticks, lists: [], quotable: false, hasBook: false, flags: {}, underlyingKey: draft.key,
        model: { name: `${draft.model.name} SRD`, symbol: draft.model.symbol, tickerSymbol: draft.model.tickerSymbol, ...(draft.model.isincode ? { isincode: draft.model.isincode } : {}), type: "srdClass", marketIdentificationCode: draft.model.marketIdentificationCode, currency: draft.model.currency },
        pricing: { kind: "walk", reference: 1, dailyVolatility: 0, hourlyVolume: 0 },
      });
    }
  }

  /** Gives every draft its id (collisions rehash deterministically) and its final wire model. */
  private finish(): CatalogueEntry[] {
    const ids = new Map<string, string>();
    const used = new Set<string>();
    for (const draft of this.drafts) {
      let id = instrumentIdFor(this.seed, draft.key);
      for (let salt = 1; used.has(id); salt++) id = instrumentIdFor(this.seed, `${draft.key}#${salt}`);
      used.add(id);
      ids.set(draft.key, id);
    }
    const idOf = (key: string) => ids.get(key)!;
    for (const [listId, mic] of Object.entries(MARKET_LISTS)) {
      for (const draft of this.drafts) if (draft.model.type === "equity" && draft.model.marketIdentificationCode === mic) draft.lists.push(listId);
    }
    return this.drafts.map((draft) => {
      const type = draft.model.type;
      const tradable = draft.quotable ? draft.hasBook : type === "srdClass";
      const id = idOf(draft.key);
      const model: InstrumentModel = {
        id,
        ...draft.model,
        priceDecimals: priceDecimalsOf(draft.ticks),
        isTradable: tradable,
        isKidApplicable: DERIVATIVE_TYPES.has(type),
        hasOptions: draft.flags.options === true,
        hasFutures: draft.flags.futures === true,
        hasSrd: draft.flags.srd === true,
        hasLeveragedProducts: draft.flags.leveraged === true,
        hasOrderModifications: tradable,
        tickSizeCollection: { tickSizes: draft.ticks.map((step) => ({ from: step.from, size: step.size })) },
      };
      if (draft.derivativesInfo) model.derivativesInfo = { underlyingInstrumentId: idOf(draft.underlyingKey!), ...draft.derivativesInfo };
      if (type === "srdClass") model.srdInfo = { underlyingInstrumentId: idOf(draft.underlyingKey!) };
      if (type === "bond") model.bondInfo = {};
      if (draft.leveragedProduct) model.leveragedProduct = draft.leveragedProduct;
      const lists = draft.quotable || type === "srdClass" ? [...new Set([...draft.lists, "allInstruments"])] : draft.lists;
      return {
        model, lists, quotable: draft.quotable, ticks: draft.ticks, hasBook: draft.hasBook,
        pricing: withIds(draft.pricing, idOf),
        ...(draft.classKey ? { classId: idOf(draft.classKey) } : {}),
        ...(draft.leveraged ? { leveraged: draft.leveraged } : {}),
      };
    });
  }
}

function withIds(pricing: Pricing, idOf: (key: string) => string): Pricing {
  return pricing.kind === "walk" ? pricing : { ...pricing, underlyingId: idOf(pricing.underlyingId) };
}

function referenceOf(draft: Draft): number {
  const pricing = draft.pricing;
  if (pricing.kind !== "walk") throw new Error(`Underlying ${draft.key} must have its own price walk.`);
  return pricing.reference;
}

function micOfIsin(isin: string, byKey: Map<string, Draft>): string {
  for (const key of byKey.keys()) if (key.startsWith(`${isin}|`)) return key.slice(isin.length + 1);
  throw new Error(`Catalogue data names an unknown underlying: ${isin}`);
}

function expand(codes: string): string[] {
  return codes.split(" ").filter(Boolean).flatMap((code) => {
    const lists = LIST_CODES[code];
    if (!lists) throw new Error(`Catalogue data uses an unknown list code: ${code}`);
    return lists;
  });
}

function isoDay(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`;
}
