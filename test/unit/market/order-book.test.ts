import { buildCatalogue } from "../../../server/sandbox/market/catalogue/build-catalogue";
import type { QuoteState } from "../../../server/sandbox/market/market";
import { OrderBookMaker, type BookMemo } from "../../../server/sandbox/market/order-book";
import { PriceModel } from "../../../server/sandbox/market/price-model";

const SEED = 20210630;
/** 09:00:00.000 on a weekday, a whole second and a whole 4 s period. */
const START_MS = Date.UTC(2021, 5, 30, 7, 0, 0);

function books(count: number) {
  const catalogue = buildCatalogue(SEED, START_MS);
  const model = new PriceModel(SEED, catalogue, START_MS);
  const maker = new OrderBookMaker(model);
  const entries = catalogue.all().filter((entry) => entry.quotable && entry.hasBook).slice(0, count);
  const states = entries.map((entry): QuoteState => ({ instrumentId: entry.model.id, cumVol: 0, bid: [], ask: [] }));
  return { maker, entries, states };
}

const levels = (state: QuoteState) => [...state.bid, ...state.ask].map(({ price, volume, orderCount }) => ({ price, volume, orderCount }));
const cells = (memo: BookMemo, timeMs: number) => [Math.floor((timeMs + memo.phaseMs) / 1000), Math.floor((timeMs + memo.phaseMs) / 4000)];

describe("OrderBookMaker", () => {
  it("keeps a book whose last price stands still until its own spread or volume period turns", () => {
    const { maker, entries, states } = books(300);
    const memos = entries.map((entry, index) => maker.move(entry, states[index], undefined, 10, START_MS));
    let turned = 0;
    for (let step = 1; step <= 40; step++) {
      const timeMs = START_MS + step * 100;
      entries.forEach((entry, index) => {
        const before = levels(states[index]);
        const cellsBefore = cells(memos[index], timeMs - 100);
        memos[index] = maker.move(entry, states[index], memos[index], 10, timeMs);
        const turns = cells(memos[index], timeMs).some((cell, which) => cell !== cellsBefore[which]);
        if (turns) turned++;
        else expect(levels(states[index])).toEqual(before);
        expect([...states[index].bid, ...states[index].ask].every((level) => level.timeMs === timeMs)).toBe(true);
      });
    }
    // Over 4 s each book's spread period turns 4 times (its volume period's turn falls on one of them).
    expect(turned).toBe(300 * 4);
  });

  it("spreads the turns over the period: no 100 ms step rebuilds more than a fifth of the books", () => {
    const { maker, entries, states } = books(1000);
    const memos: Array<BookMemo | undefined> = entries.map(() => undefined);
    entries.forEach((entry, index) => (memos[index] = maker.move(entry, states[index], undefined, 10, START_MS - 100)));
    const perStep: number[] = [];
    for (let step = 0; step < 40; step++) {
      const timeMs = START_MS + step * 100;
      let rebuilt = 0;
      entries.forEach((entry, index) => {
        const before = cells(memos[index]!, timeMs - 100);
        memos[index] = maker.move(entry, states[index], memos[index], 10, timeMs);
        if (cells(memos[index]!, timeMs).some((cell, which) => cell !== before[which])) rebuilt++;
      });
      perStep.push(rebuilt);
    }
    // Evenly spread: 1,000 books turn their spread once a second, ~100 per 100 ms step (all 1,000 at once before).
    expect(Math.max(...perStep)).toBeLessThan(200);
    expect(perStep.reduce((sum, count) => sum + count, 0)).toBe(1000 * 4);
  });
});
