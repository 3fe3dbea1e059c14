import type { QuoteMessage } from "../../../src/core/wire/realtime";
import { Outbox, type FlushScheduler } from "../../../server/sandbox/realtime/outbox";
import { RECORD_SEPARATOR } from "../../../server/sandbox/realtime/protocol";

class FakeSocket {
  bufferedAmount = 0;
  readonly frames: string[] = [];
  send(frame: string): void {
    this.frames.push(frame);
  }
  /** The records of frame n, parsed. */
  records(n: number): unknown[] {
    return this.frames[n].split(RECORD_SEPARATOR).slice(0, -1).map((record) => JSON.parse(record));
  }
}

/** Flushes only when the test says the turn is over (or the retry delay has passed). */
class StepScheduler implements FlushScheduler {
  private turn: Array<() => void> = [];
  private retries: Array<() => void> = [];
  nextTurn(callback: () => void): void {
    this.turn.push(callback);
  }
  later(callback: () => void): void {
    this.retries.push(callback);
  }
  endTurn(): void {
    for (const callback of this.turn.splice(0)) callback();
  }
  retry(): void {
    for (const callback of this.retries.splice(0)) callback();
  }
  get pendingRetries(): number {
    return this.retries.length;
  }
}

const limits = { sendHighWaterMarkBytes: 1000, maxHeldRecords: 3, congestionRetryMs: 10 };

function quote(id: string, sdt: string, items: QuoteMessage["qt"]): QuoteMessage {
  return { id, lvl: 1, sdt, qt: items };
}

describe("Outbox", () => {
  let socket: FakeSocket;
  let scheduler: StepScheduler;
  let overflows: number[];
  let outbox: Outbox;
  beforeEach(() => {
    socket = new FakeSocket();
    scheduler = new StepScheduler();
    overflows = [];
    outbox = new Outbox(socket, limits, (held) => overflows.push(held), scheduler);
  });

  it("sends everything queued in one turn as one frame, in order", () => {
    outbox.push(`{"type":3,"invocationId":"1"}${RECORD_SEPARATOR}`);
    outbox.pushQuote(quote("a", "t1", [{ msg: "qi", typ: "lst", prc: 1 }]));
    outbox.push(`{"type":6}${RECORD_SEPARATOR}`);
    expect(socket.frames).toHaveLength(0);
    scheduler.endTurn();
    expect(socket.frames).toHaveLength(1);
    expect(socket.records(0)).toEqual([
      { type: 3, invocationId: "1" },
      { type: 1, target: "Quote", arguments: [{ id: "a", lvl: 1, sdt: "t1", qt: [{ msg: "qi", typ: "lst", prc: 1 }] }] },
      { type: 6 },
    ]);
  });

  it("keeps every quote message apart while the socket keeps up", () => {
    outbox.pushQuote(quote("a", "t1", [{ msg: "qu", typ: "lst", prc: 1 }]));
    outbox.pushQuote(quote("a", "t2", [{ msg: "qu", typ: "lst", prc: 2 }]));
    scheduler.endTurn();
    expect(socket.records(0)).toHaveLength(2);
  });

  it("holds records while the socket is above the high-water mark and merges quotes per instrument and type", () => {
    socket.bufferedAmount = 5000;
    outbox.pushQuote(quote("a", "t1", [{ msg: "qu", typ: "lst", prc: 1 }, { msg: "qu", typ: "vol", prc: 0, vol: 10 }]));
    scheduler.endTurn();
    expect(socket.frames).toHaveLength(0);
    expect(outbox.isCongested).toBe(true);
    outbox.pushQuote(quote("a", "t2", [{ msg: "qu", typ: "lst", prc: 2 }]));
    outbox.pushQuote(quote("b", "t2", [{ msg: "qu", typ: "lst", prc: 9 }]));
    outbox.pushQuote(quote("a", "t3", [{ msg: "qu", typ: "lst", prc: 3 }, { msg: "qu", typ: "bid", prc: 2.9 }]));
    expect(outbox.heldCount).toBe(2);
    scheduler.retry();
    expect(socket.frames).toHaveLength(0);
    socket.bufferedAmount = 0;
    scheduler.retry();
    expect(socket.frames).toHaveLength(1);
    expect(socket.records(0)).toEqual([
      { type: 1, target: "Quote", arguments: [{ id: "a", lvl: 1, sdt: "t3", qt: [{ msg: "qu", typ: "vol", prc: 0, vol: 10 }, { msg: "qu", typ: "lst", prc: 3 }, { msg: "qu", typ: "bid", prc: 2.9 }] }] },
      { type: 1, target: "Quote", arguments: [{ id: "b", lvl: 1, sdt: "t2", qt: [{ msg: "qu", typ: "lst", prc: 9 }] }] },
    ]);
    expect(outbox.isCongested).toBe(false);
  });

  it("drops held items of an instrument when a new cycle (tag C) starts", () => {
    socket.bufferedAmount = 5000;
    outbox.pushQuote(quote("a", "t1", [{ msg: "qu", typ: "lst", prc: 1 }, { msg: "qu", typ: "bid", prc: 0.9 }]));
    scheduler.endTurn();
    outbox.pushQuote(quote("a", "t2", [{ msg: "qu", typ: "cls", prc: 1.5, tags: "C" }, { msg: "qu", typ: "lst", prc: 2 }]));
    socket.bufferedAmount = 0;
    scheduler.retry();
    expect(socket.records(0)).toEqual([
      { type: 1, target: "Quote", arguments: [{ id: "a", lvl: 1, sdt: "t2", qt: [{ msg: "qu", typ: "cls", prc: 1.5, tags: "C" }, { msg: "qu", typ: "lst", prc: 2 }] }] },
    ]);
  });

  it("never drops other records, and cuts the client off past maxHeldRecords", () => {
    socket.bufferedAmount = 5000;
    outbox.push(`{"type":6}${RECORD_SEPARATOR}`);
    scheduler.endTurn();
    outbox.push(`{"type":6}${RECORD_SEPARATOR}`);
    outbox.push(`{"type":6}${RECORD_SEPARATOR}`);
    expect(overflows).toEqual([]);
    outbox.push(`{"type":6}${RECORD_SEPARATOR}`);
    expect(overflows).toEqual([4]);
    outbox.push(`{"type":6}${RECORD_SEPARATOR}`);
    socket.bufferedAmount = 0;
    scheduler.retry();
    expect(socket.frames).toHaveLength(0);
  });

  it("sends nothing after close", () => {
    outbox.push(`{"type":6}${RECORD_SEPARATOR}`);
    outbox.close();
    scheduler.endTurn();
    outbox.push(`{"type":6}${RECORD_SEPARATOR}`);
    outbox.flushNow();
    expect(socket.frames).toEqual([]);
  });

  it("flushNow sends at once what the turn has queued so far", () => {
    outbox.push(`{"type":6}${RECORD_SEPARATOR}`);
    outbox.flushNow();
    expect(socket.frames).toEqual([`{"type":6}${RECORD_SEPARATOR}`]);
    scheduler.endTurn();
    expect(socket.frames).toHaveLength(1);
  });

  it("stamps sdt with the moment each frame is sent, the same message differently in two frames", () => {
    const sendTimes = ["2026-12-01T10:00:00.005Z", "2026-12-01T10:00:00.250Z"];
    const stamped = new Outbox(socket, limits, (held) => overflows.push(held), scheduler, () => sendTimes.shift()!);
    const shared = quote("a", "2026-12-01T10:00:00.000Z", [{ msg: "qu", typ: "lst", prc: 1.5 }]);
    stamped.pushQuote(shared);
    stamped.pushQuote(quote("b", "2026-12-01T10:00:00.001Z", [{ msg: "qu", typ: "bid", prc: 2 }]));
    scheduler.endTurn();
    socket.bufferedAmount = 5000;
    stamped.pushQuote(shared);
    scheduler.endTurn();
    socket.bufferedAmount = 0;
    scheduler.retry();
    const sdts = (frame: number) => socket.records(frame).map((record) => (record as { arguments: QuoteMessage[] }).arguments[0].sdt);
    expect(sdts(0)).toEqual(["2026-12-01T10:00:00.005Z", "2026-12-01T10:00:00.005Z"]);
    expect(sdts(1)).toEqual(["2026-12-01T10:00:00.250Z"]);
    expect(socket.records(1)).toEqual([{ type: 1, target: "Quote", arguments: [{ ...shared, sdt: "2026-12-01T10:00:00.250Z" }] }]);
  });
});
