import type { NewsMessage } from "../wire/realtime";
import type { CellServices } from "./cell-services";
import { problemOf, value, type Emit, type Stop } from "./cell-output";
import { withInstrument } from "./instrument-cell";
import { whileSignedIn } from "./signed-in-gate";

export type NewsRow = [time: number, headline: string, instruments: string];

interface Headline {
  timeMs: number;
  headline: string;
  instrumentIds: readonly string[];
}

/**
 * =BINCK.NEWS: the latest headlines, newest first — time (an Excel date), headline, instrument ids. The first
 * rows come from GET /news, then the feed's News events are added as they arrive.
 */
export function newsCell(services: CellServices, args: { count: number; instrument?: string }, emit: Emit<NewsRow[]>): Stop {
  return whileSignedIn(services, emit, (ready) => {
    const run = (instrumentId?: string): Stop => {
      let headlines: Headline[] = [];
      let stopped = false;
      const show = () => emit(value(headlines.map((item): NewsRow => [services.toExcelDate(item.timeMs), item.headline, item.instrumentIds.join(", ")])));
      const add = (items: Headline[]) => {
        const seen = new Set(headlines.map(key));
        headlines = [...headlines, ...items.filter((item) => !seen.has(key(item)))]
          .sort((a, b) => b.timeMs - a.timeMs)
          .slice(0, args.count);
      };
      const stopWatching = ready.streaming.feed.watchNews((message: NewsMessage) => {
        if (instrumentId !== undefined && !(message.iids ?? []).includes(instrumentId)) return;
        add([{ timeMs: Date.parse(message.dt), headline: message.head, instrumentIds: message.iids ?? [] }]);
        show();
      });
      ready.streaming.rest
        .getNews({ accountNumber: ready.accountNumber, count: args.count, instrumentIds: instrumentId === undefined ? undefined : [instrumentId] }, { priority: "visibleCell" })
        .then(
          (items) => {
            if (stopped) return;
            add(items.map((item) => ({ timeMs: Date.parse(item.publishedDateTime), headline: item.headline, instrumentIds: item.instrumentIds ?? [] })));
            show();
          },
          (error: unknown) => {
            if (!stopped && headlines.length === 0) emit(problemOf(error));
          },
        );
      return () => {
        stopped = true;
        stopWatching();
      };
    };
    if (args.instrument === undefined) return run();
    return withInstrument(services.clock, ready, args.instrument, emit, (instrument) => run(instrument.id));
  });
}

function key(item: Headline): string {
  return `${item.timeMs}|${item.headline}`;
}
