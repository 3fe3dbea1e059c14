import { every, type Clock } from "../../../src/core/clock";
import type { NewsMessage } from "../../../src/core/wire/realtime";
import type { SandboxEvents } from "../events";
import { hashInts, hashString, unit } from "./hashing";
import type { Market, SandboxInstrument } from "./market";
import type { NewsSubscription } from "../../../src/core/wire/instruments";
import { NEWS_FEEDS, NEWS_TEMPLATES, type NewsFeed } from "./news-templates";

export interface NewsDeskDeps {
  clock: Clock;
  seed: number;
  events: SandboxEvents;
  market: Market;
  /** A new item appears in every feed this often. */
  periodMs?: number;
}

export const DEFAULT_NEWS_PERIOD_MS = 5 * 60_000;
/** How far back the seeded history reaches (REST allows one month back). */
export const NEWS_HISTORY_MS = 32 * 86_400_000;
/** Spacing of history items: between 30 minutes and 2.5 hours. */
const HISTORY_GAP_MIN_MS = 30 * 60_000;
const HISTORY_GAP_SPREAD_MS = 120 * 60_000;

/** One published item, as REST shows it (the stream uses the short keys of NewsMessage). */
export interface NewsItem {
  readonly culture: string;
  readonly headline: string;
  readonly body?: string;
  readonly format: "plain" | "html";
  readonly publishedMs: number;
  readonly instrumentIds: readonly string[];
}

/** Seeded news per culture: a month of history, then a new item per feed every period, emitted as events. */
export class NewsDesk {
  private readonly feeds = new Map<string, { feed: NewsFeed; items: NewsItem[]; companies: SandboxInstrument[]; serial: number }>();
  private readonly periodMs: number;
  private stopTimer: (() => void) | undefined;

  constructor(private readonly deps: NewsDeskDeps) {
    this.periodMs = deps.periodMs ?? DEFAULT_NEWS_PERIOD_MS;
    if (!Number.isFinite(this.periodMs) || this.periodMs < 1000) throw new RangeError(`NewsDesk periodMs ${this.periodMs} must be at least 1000.`);
    this.reset();
  }

  /** The items of a subscription published in [fromMs, toMs], newest first; optionally about some instruments. */
  items(subscription: NewsSubscription, fromMs: number, toMs: number, instrumentIds?: readonly string[]): NewsItem[] {
    const state = [...this.feeds.values()].find((candidate) => candidate.feed.subscriptions.includes(subscription));
    if (!state) return [];
    const wanted = instrumentIds ? new Set(instrumentIds) : undefined;
    return state.items
      .filter((item) => item.publishedMs >= fromMs && item.publishedMs <= toMs)
      .filter((item) => !wanted || item.instrumentIds.some((id) => wanted.has(id)))
      .reverse();
  }

  /** Publishes one new item in every feed now (the timer does this every period). */
  publishNow(): void {
    for (const state of this.feeds.values()) {
      const item = this.compose(state, this.deps.clock.now());
      state.items.push(item);
      const message: NewsMessage = { cul: item.culture, dt: new Date(item.publishedMs).toISOString(), head: item.headline, fmt: item.format };
      if (item.body !== undefined) message.body = item.body;
      if (item.instrumentIds.length > 0) message.iids = [...item.instrumentIds];
      this.deps.events.emit("news", { subscriptions: [...state.feed.subscriptions], message });
    }
  }

  reset(): void {
    this.stop();
    this.feeds.clear();
    const now = this.deps.clock.now();
    const equities = this.deps.market.catalogue.all().filter((instrument) => instrument.model.type === "equity");
    for (const feed of NEWS_FEEDS) {
      const companies = equities.filter((instrument) => feed.mics.includes(instrument.model.marketIdentificationCode ?? ""));
      const state = { feed, items: [] as NewsItem[], companies, serial: 0 };
      const times: number[] = [];
      for (let time = now - HISTORY_GAP_MIN_MS; time > now - NEWS_HISTORY_MS; ) {
        times.push(time);
        time -= HISTORY_GAP_MIN_MS + Math.floor(unit(hashInts(hashString(feed.culture, this.deps.seed), times.length)) * HISTORY_GAP_SPREAD_MS);
      }
      for (const time of times.reverse()) state.items.push(this.compose(state, time));
      this.feeds.set(feed.culture, state);
    }
    this.stopTimer = every(this.deps.clock, this.periodMs, () => this.publishNow());
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
  }

  private compose(state: { feed: NewsFeed; companies: SandboxInstrument[]; serial: number }, publishedMs: number): NewsItem {
    const serial = state.serial++;
    const pick = (purpose: number) => unit(hashInts(hashString(state.feed.culture, this.deps.seed), 1000 + purpose, serial));
    const templates = NEWS_TEMPLATES[state.feed.language];
    let template = templates[Math.floor(pick(1) * templates.length)];
    if (template.aboutCompany && state.companies.length === 0) template = templates.find((candidate) => !candidate.aboutCompany)!;
    const company = template.aboutCompany ? state.companies[Math.floor(pick(2) * state.companies.length)] : undefined;
    const fill = (text: string) => text
      .replace(/\{name\}/g, company?.model.name ?? "")
      .replace(/\{pct\}/g, (1 + pick(3) * 9).toFixed(1))
      .replace(/\{year\}/g, String(new Date(publishedMs).getUTCFullYear()));
    const headline = fill(template.headline);
    const item: NewsItem = {
      culture: state.feed.culture,
      headline,
      format: template.format,
      publishedMs,
      instrumentIds: company ? [company.model.id] : [],
      ...(template.body !== undefined && !headline.startsWith("*") ? { body: fill(template.body) } : {}),
    };
    return item;
  }
}
