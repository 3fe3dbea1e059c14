import { quoteCell } from "../../../src/core/cells/quote-cell";
import { QUOTE_FIELDS, type QuoteField } from "../../../src/core/quotes/quote-fields";
import { cellHarness, instrument, outputs, settle, SIGNED_IN } from "./cell-harness";

const ASML = instrument("eM1X1", "NL0010273215", "ASML Holding");
const field = (name: QuoteField) => QUOTE_FIELDS.get(name)!;

describe("quoteCell (=BINCK.QUOTE)", () => {
  it("resolves the ISIN once, watches at the field's level, and shows each new last price", async () => {
    const h = cellHarness({ instruments: [ASML] });
    const out = outputs<number>();
    quoteCell(h.services, { instrument: "NL0010273215", field: field("lst"), property: "price" }, out.emit);
    await settle();
    expect(h.lookups).toEqual(["search NL0010273215"]);
    expect(h.feed.watches.map((watch) => [watch.instrumentId, watch.level])).toEqual([["eM1X1", "Trades"]]);
    expect(out.last()).toEqual({ ok: false, problem: { kind: "notAvailable", message: "waiting for the first quote" } });
    h.feed.quote("eM1X1", [{ msg: "qi", typ: "lst", prc: 612.4, vol: 100, dt: "2026-01-05T08:59:59.000Z" }]);
    h.feed.quote("eM1X1", [{ msg: "qu", typ: "lst", prc: 612.5, vol: 50, dt: "2026-01-05T09:00:00.000Z" }]);
    expect(out.seen.slice(-2)).toEqual([{ ok: true, value: 612.4 }, { ok: true, value: 612.5 }]);
  });

  it("goes straight to the feed with a Binck id (no request), and shows bid volume and the time as an Excel date", async () => {
    const h = cellHarness();
    const volume = outputs<number>();
    const time = outputs<number>();
    quoteCell(h.services, { instrument: "eM1X1", field: field("bid"), property: "volume" }, volume.emit);
    quoteCell(h.services, { instrument: "eM1X1", field: field("bid"), property: "time" }, time.emit);
    await settle();
    expect(h.lookups).toEqual([]);
    expect(h.feed.watches.map((watch) => watch.level)).toEqual(["TopOfBook", "TopOfBook"]);
    h.feed.quote("eM1X1", [{ msg: "qu", typ: "bid", prc: 612.3, vol: 400, ord: 3, dt: "2026-01-05T09:00:00.000Z" }]);
    expect(volume.last()).toEqual({ ok: true, value: 400 });
    expect(time.last()).toEqual({ ok: true, value: Date.UTC(2026, 0, 5, 9) / 86_400_000 + 25_569 });
  });

  it("derives chg and chgpct from the last price and the previous close", async () => {
    const h = cellHarness();
    const change = outputs<number>();
    const percent = outputs<number>();
    quoteCell(h.services, { instrument: "eM1X1", field: field("chg"), property: "price" }, change.emit);
    quoteCell(h.services, { instrument: "eM1X1", field: field("chgpct"), property: "price" }, percent.emit);
    await settle();
    h.feed.quote("eM1X1", [{ msg: "qi", typ: "cls", prc: 600 }, { msg: "qu", typ: "lst", prc: 612.3 }]);
    expect(change.last()).toEqual({ ok: true, value: 12.3 });
    expect(percent.last()).toEqual({ ok: true, value: 2.05 });
  });

  it("says 'sign in' while signed out, and comes alive by itself after sign-in", async () => {
    const h = cellHarness({ session: { status: "signedOut" } });
    const out = outputs<number>();
    quoteCell(h.services, { instrument: "eM1X1", field: field("lst"), property: "price" }, out.emit);
    await settle();
    expect(out.last()).toEqual({ ok: false, problem: { kind: "notAvailable", message: "sign in to Binck in the taskpane" } });
    expect(h.feed.watches).toHaveLength(0);
    h.session.set(SIGNED_IN);
    h.feed.quote("eM1X1", [{ msg: "qi", typ: "lst", prc: 10 }]);
    expect(out.last()).toEqual({ ok: true, value: 10 });
    h.session.set({ status: "signedOut" });
    expect(h.feed.active()).toEqual([]);
    expect(out.last()).toEqual({ ok: false, problem: { kind: "notAvailable", message: "sign in to Binck in the taskpane" } });
  });

  it("shows the feed's conditions as #N/A, and the feed refusing the instrument as #VALUE!", async () => {
    const h = cellHarness();
    const out = outputs<number>();
    quoteCell(h.services, { instrument: "zzzzz", field: field("lst"), property: "price" }, out.emit);
    await settle();
    h.feed.condition("zzzzz", { kind: "connectionLost", sinceMs: 0, message: "connection lost since 09:00:01 — reconnecting" });
    expect(out.last()).toEqual({ ok: false, problem: { kind: "notAvailable", message: "connection lost since 09:00:01 — reconnecting" } });
    h.feed.condition("zzzzz", { kind: "refused", message: "Binck refused quotes for instrument 'zzzzz' (unknown id, or an option or future class)" });
    expect(out.last()).toMatchObject({ ok: false, problem: { kind: "invalidValue" } });
  });

  it("shows an unknown ISIN as #VALUE! with the resolver's message, and a malformed one without any request", async () => {
    const h = cellHarness({ instruments: [ASML] });
    const unknown = outputs<number>();
    const malformed = outputs<number>();
    quoteCell(h.services, { instrument: "US0378331005", field: field("lst"), property: "price" }, unknown.emit);
    quoteCell(h.services, { instrument: "NL0010273216", field: field("lst"), property: "price" }, malformed.emit);
    await settle();
    expect(unknown.last()).toEqual({ ok: false, problem: { kind: "invalidValue", message: "No instrument has ISIN US0378331005." } });
    expect(malformed.last()).toMatchObject({ ok: false, problem: { kind: "invalidValue", message: expect.stringContaining("check digit is wrong") } });
    expect(h.lookups).toEqual(["search US0378331005"]);
  });

  it("stops watching when the cell is stopped (formula edited or deleted)", async () => {
    const h = cellHarness();
    const out = outputs<number>();
    const stop = quoteCell(h.services, { instrument: "eM1X1", field: field("lst"), property: "price" }, out.emit);
    await settle();
    expect(h.feed.active()).toEqual(["eM1X1"]);
    stop();
    expect(h.feed.active()).toEqual([]);
    const count = out.seen.length;
    h.session.set({ status: "signedOut" });
    expect(out.seen).toHaveLength(count);
  });
});
