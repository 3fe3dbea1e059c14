import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { ManualClock } from "../../../src/core/clock";
import type { QuoteMessage } from "../../../src/core/wire/realtime";
import { LongPollingTransport } from "../../../server/sandbox/realtime/long-polling-transport";
import { Outbox, type FlushScheduler } from "../../../server/sandbox/realtime/outbox";

/** The part of a ServerResponse the transport uses, recording what it was told. */
class FakeResponse extends EventEmitter {
  statusCode = 0;
  body?: string;
  destroyed = false;
  writableEnded = false;
  writableLength = 0;
  readonly headers: Record<string, string | number> = {};
  setHeader(name: string, value: string | number): void {
    this.headers[name.toLowerCase()] = value;
  }
  end(body?: string, callback?: () => void): void {
    this.body = body ?? "";
    this.writableEnded = true;
    callback?.();
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** The client gave up on the request. */
  abort(): void {
    this.emit("close");
  }
  get asResponse(): ServerResponse {
    return this as unknown as ServerResponse;
  }
}

/** Runs flushes only when the test says so. */
class TurnScheduler implements FlushScheduler {
  private queued: Array<() => void> = [];
  nextTurn(callback: () => void): void {
    this.queued.push(callback);
  }
  later(callback: () => void): void {
    this.queued.push(callback);
  }
  run(): void {
    for (const callback of this.queued.splice(0)) callback();
  }
}

const limits = { pollTimeoutMs: 90_000, disconnectTimeoutMs: 15_000 };

function setUp() {
  const clock = new ManualClock();
  const ended = jest.fn();
  const transport = new LongPollingTransport(limits, clock, ended);
  const received: string[] = [];
  const closed = jest.fn();
  transport.listen({ text: (text) => received.push(text), closed });
  return { clock, transport, ended, received, closed };
}

describe("LongPollingTransport", () => {
  describe("#poll", () => {
    it("answers at once with everything queued, as one body", () => {
      const { transport } = setUp();
      transport.send("a\x1e");
      transport.send("b\x1e");
      const response = new FakeResponse();
      expect(transport.poll(response.asResponse)).toBe("answered");
      expect(response).toMatchObject({ statusCode: 200, body: "a\x1eb\x1e" });
      expect(response.headers).toEqual({ "content-type": "application/octet-stream", "content-length": 4 });
      expect(transport.bufferedAmount).toBe(0);
    });

    it("waits for text when there is none, and answers the waiting poll with the next send", () => {
      const { transport } = setUp();
      const response = new FakeResponse();
      expect(transport.poll(response.asResponse)).toBe("parked");
      expect(response.writableEnded).toBe(false);
      transport.send("x\x1e");
      expect(response).toMatchObject({ statusCode: 200, body: "x\x1e" });
    });

    it("refuses a second poll while one waits", () => {
      const { transport } = setUp();
      transport.poll(new FakeResponse().asResponse);
      expect(transport.poll(new FakeResponse().asResponse)).toBe("busy");
    });

    it("answers a waiting poll with 200 and no content after pollTimeoutMs", () => {
      const { transport, clock } = setUp();
      const response = new FakeResponse();
      transport.poll(response.asResponse);
      clock.advance(limits.pollTimeoutMs - 1);
      expect(response.writableEnded).toBe(false);
      clock.advance(1);
      expect(response).toMatchObject({ statusCode: 200, body: "" });
      expect(response.headers["content-length"]).toBe(0);
    });
  });

  describe("#bufferedAmount", () => {
    it("counts queued bytes, so the outbox holds back and coalesces quotes while the client does not poll", () => {
      const { transport } = setUp();
      const scheduler = new TurnScheduler();
      const outbox = new Outbox(transport, { sendHighWaterMarkBytes: 10, maxHeldRecords: 100, congestionRetryMs: 10 }, () => undefined, scheduler);
      const quote = (price: number): QuoteMessage => ({ id: "aSm1L", lvl: 0, sdt: "2026-01-05T09:00:00.000Z", qt: [{ msg: "qu", typ: "lst", prc: price }] });
      outbox.pushQuote(quote(1));
      scheduler.run();
      // No poll has taken the first quote: the transport holds more than the high-water mark.
      expect(transport.bufferedAmount).toBeGreaterThan(10);
      outbox.pushQuote(quote(2));
      scheduler.run();
      expect(outbox.isCongested).toBe(true);
      outbox.pushQuote(quote(3));
      outbox.pushQuote(quote(4));
      expect(outbox.heldCount).toBe(1);
      const first = new FakeResponse();
      transport.poll(first.asResponse);
      expect(first.body).toContain('"prc":1');
      scheduler.run();
      const second = new FakeResponse();
      transport.poll(second.asResponse);
      expect(second.body).toContain('"prc":4');
      expect(second.body).not.toMatch(/"prc":[23]/);
    });
  });

  describe("#close", () => {
    it("lets the next poll drain what is queued, then answers 204 and ends", () => {
      const { transport, ended } = setUp();
      transport.send("close\x1e");
      transport.close();
      const drain = new FakeResponse();
      transport.poll(drain.asResponse);
      expect(drain.body).toBe("close\x1e");
      expect(ended).not.toHaveBeenCalled();
      const last = new FakeResponse();
      transport.poll(last.asResponse);
      expect(last.statusCode).toBe(204);
      expect(ended).toHaveBeenCalledTimes(1);
    });

    it("answers a waiting poll with 204 when nothing is queued", () => {
      const { transport, ended, closed } = setUp();
      const waiting = new FakeResponse();
      transport.poll(waiting.asResponse);
      transport.close();
      expect(waiting.statusCode).toBe(204);
      expect(ended).toHaveBeenCalledTimes(1);
      expect(closed).toHaveBeenCalledTimes(1);
    });
  });

  describe("#stop (DELETE)", () => {
    it("answers the waiting poll with 204, drops the queue and ends once", () => {
      const { transport, ended, closed } = setUp();
      const waiting = new FakeResponse();
      transport.poll(waiting.asResponse);
      transport.stop();
      transport.stop();
      expect(waiting.statusCode).toBe(204);
      expect(ended).toHaveBeenCalledTimes(1);
      expect(closed).toHaveBeenCalledTimes(1);
    });
  });

  describe("#terminate", () => {
    it("breaks the waiting poll's connection, as a network failure would", () => {
      const { transport, closed } = setUp();
      const waiting = new FakeResponse();
      transport.poll(waiting.asResponse);
      transport.terminate();
      expect(waiting.destroyed).toBe(true);
      expect(waiting.writableEnded).toBe(false);
      expect(closed).toHaveBeenCalledTimes(1);
    });
  });

  describe("disconnect timeout", () => {
    it("ends the connection when the client does not poll again within disconnectTimeoutMs", () => {
      const { transport, clock, closed, ended } = setUp();
      transport.poll(new FakeResponse().asResponse);
      transport.send("a\x1e");
      clock.advance(limits.disconnectTimeoutMs - 1);
      expect(closed).not.toHaveBeenCalled();
      clock.advance(1);
      expect(closed).toHaveBeenCalledTimes(1);
      expect(ended).toHaveBeenCalledTimes(1);
    });

    it("starts counting when a waiting poll is abandoned by the client", () => {
      const { transport, clock, closed } = setUp();
      const waiting = new FakeResponse();
      transport.poll(waiting.asResponse);
      clock.advance(limits.disconnectTimeoutMs);
      expect(closed).not.toHaveBeenCalled();
      waiting.abort();
      clock.advance(limits.disconnectTimeoutMs);
      expect(closed).toHaveBeenCalledTimes(1);
    });
  });

  describe("#receive", () => {
    it("hands POST bodies up while open, and nothing after the end", () => {
      const { transport, received } = setUp();
      transport.receive("{}\x1e", 3);
      transport.stop();
      transport.receive("late\x1e", 5);
      expect(received).toEqual(["{}\x1e"]);
    });
  });
});
