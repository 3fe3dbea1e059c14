import { bookCell, type BookRow } from "../../../src/core/cells/book-cell";
import type { MatrixEntry } from "../../../src/core/cells/cell-output";
import { newsCell, type NewsRow } from "../../../src/core/cells/news-cell";
import { quotesCell } from "../../../src/core/cells/quotes-cell";
import { parseStatusItem, statusCell, STATUS_ITEM_NAMES } from "../../../src/core/cells/status-cell";
import { QUOTE_FIELDS, type QuoteField } from "../../../src/core/quotes/quote-fields";
import { cellHarness, instrument, outputs, settle } from "./cell-harness";

const fields = (...names: QuoteField[]) => names.map((name) => QUOTE_FIELDS.get(name)!);

describe("quotesCell (=BINCK.QUOTES)", () => {
  it("watches each row at the highest level its fields need and rebuilds the matrix at most once per interval", async () => {
    const h = cellHarness({ instruments: [instrument("eM1X1", "NL0010273215")] });
    const out = outputs<MatrixEntry[][]>();
    quotesCell(h.services, { instruments: ["NL0010273215", "", "fApit"], fields: fields("lst", "bid", "chgpct"), rebuildIntervalMs: 250 }, out.emit);
    await settle();
    expect(h.feed.watches.map((watch) => [watch.instrumentId, watch.level])).toEqual([["fApit", "TopOfBook"], ["eM1X1", "TopOfBook"]]);
    h.clock.advance(0);
    const builds = out.seen.length;
    for (let tick = 0; tick < 20; tick++) h.feed.quote("eM1X1", [{ msg: "qu", typ: "lst", prc: 600 + tick }]);
    h.feed.quote("fApit", [{ msg: "qi", typ: "bid", prc: 5.5, vol: 10 }]);
    expect(out.seen).toHaveLength(builds);
    h.clock.advance(250);
    expect(out.seen).toHaveLength(builds + 1);
    expect(out.last()).toEqual({ ok: true, value: [[619, "", ""], ["", "", ""], ["", 5.5, ""]] });
  });

  it("gives a row that cannot be resolved its own #VALUE!, leaving the others alive", async () => {
    const h = cellHarness();
    const out = outputs<MatrixEntry[][]>();
    quotesCell(h.services, { instruments: ["XX12345", "fApit"], fields: fields("lst"), rebuildIntervalMs: 0 }, out.emit);
    await settle();
    h.feed.quote("fApit", [{ msg: "qi", typ: "lst", prc: 7 }]);
    h.clock.advance(0);
    const value = out.last();
    expect(value.ok && value.value[1]).toEqual([7]);
    expect(value.ok && value.value[0][0]).toMatchObject({ kind: "invalidValue" });
  });
});

describe("bookCell (=BINCK.BOOK)", () => {
  it("shows one row per level, best first, with blanks where the book is thinner", async () => {
    const h = cellHarness();
    const out = outputs<BookRow[]>();
    bookCell(h.services, { instrument: "eM1X1", depth: 3 }, out.emit);
    await settle();
    expect(h.feed.watches[0].level).toBe("Book");
    h.feed.quote("eM1X1", [
      { msg: "qi", typ: "bid", prc: 10, vol: 100, ord: 2 }, { msg: "qi", typ: "ask", prc: 10.1, vol: 50, ord: 1 },
      { msg: "qi", typ: "bid2", prc: 9.9, vol: 300, ord: 4 },
    ]);
    expect(out.last()).toEqual({ ok: true, value: [[2, 100, 10, 10.1, 50, 1], [4, 300, 9.9, "", "", ""], ["", "", "", "", "", ""]] });
  });

  it("watches only the top of the book for depth 1", async () => {
    const h = cellHarness();
    bookCell(h.services, { instrument: "eM1X1", depth: 1 }, outputs<BookRow[]>().emit);
    await settle();
    expect(h.feed.watches[0].level).toBe("TopOfBook");
  });
});

describe("newsCell (=BINCK.NEWS)", () => {
  it("starts from GET /news and puts each News event on top, newest first, keeping count rows", async () => {
    const h = cellHarness({
      news: [
        { culture: "nl-NL", headline: "Older", format: "plain", publishedDateTime: "2026-01-05T08:00:00Z", instrumentIds: ["eM1X1"] },
        { culture: "nl-NL", headline: "Newer", format: "plain", publishedDateTime: "2026-01-05T08:30:00Z", instrumentIds: [] },
      ],
    });
    const out = outputs<NewsRow[]>();
    newsCell(h.services, { count: 2 }, out.emit);
    await settle();
    expect(h.newsCalls).toEqual([{ accountNumber: "190126781", count: 2, instrumentIds: undefined }]);
    const day = (iso: string) => Date.parse(iso) / 86_400_000 + 25_569;
    expect(out.last()).toEqual({ ok: true, value: [[day("2026-01-05T08:30:00Z"), "Newer", ""], [day("2026-01-05T08:00:00Z"), "Older", "eM1X1"]] });
    h.feed.news({ cul: "nl-NL", dt: "2026-01-05T09:00:00Z", head: "Newest", fmt: "plain", iids: ["eM1X1", "fApit"] });
    expect(out.last()).toEqual({ ok: true, value: [[day("2026-01-05T09:00:00Z"), "Newest", "eM1X1, fApit"], [day("2026-01-05T08:30:00Z"), "Newer", ""]] });
  });

  it("keeps only the news about the instrument asked for", async () => {
    const h = cellHarness();
    const out = outputs<NewsRow[]>();
    newsCell(h.services, { count: 5, instrument: "fApit" }, out.emit);
    await settle();
    expect(h.newsCalls).toEqual([{ accountNumber: "190126781", count: 5, instrumentIds: ["fApit"] }]);
    h.feed.news({ cul: "nl-NL", dt: "2026-01-05T09:00:00Z", head: "Other", fmt: "plain", iids: ["eM1X1"] });
    h.feed.news({ cul: "nl-NL", dt: "2026-01-05T09:01:00Z", head: "About it", fmt: "plain", iids: ["fApit"] });
    expect(out.last()).toEqual({ ok: true, value: [[Date.parse("2026-01-05T09:01:00Z") / 86_400_000 + 25_569, "About it", "fApit"]] });
  });
});

describe("statusCell (=BINCK.STATUS)", () => {
  it("spills every item with its label, and follows the feed and the clock", async () => {
    const h = cellHarness();
    const out = outputs<unknown>();
    statusCell(h.services, undefined, out.emit);
    await settle();
    h.feed.setStatus({ state: "connected", subscriptions: 12, lastMessageAtMs: h.clock.now() });
    const table = () => {
      const last = out.last();
      return new Map((last.ok ? (last.value as Array<[string, unknown]>) : []).map(([label, value]) => [label, value]));
    };
    expect(table().get("realtime connection")).toBe("connected");
    expect(table().get("subscriptions (of 3,000)")).toBe(12);
    expect(table().get("account")).toBe("190126781");
    expect(table().size).toBe(STATUS_ITEM_NAMES.length);
    h.clock.advance(3_000);
    expect(table().get("seconds since the last message")).toBe(3);
  });

  it("shows one item, and refuses an unknown one naming the valid ones", async () => {
    const h = cellHarness({ session: { status: "signedOut" } });
    const out = outputs<unknown>();
    statusCell(h.services, parseStatusItem("Connection"), out.emit);
    await settle();
    expect(out.last()).toEqual({ ok: true, value: "signed out" });
    expect(() => parseStatusItem("speed")).toThrow(expect.objectContaining({ code: "invalidInput", endUserMessage: expect.stringContaining("use one of connection, signedIn, account") }));
  });
});
