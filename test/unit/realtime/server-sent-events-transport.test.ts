import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { ServerSentEventsTransport } from "../../../server/sandbox/realtime/server-sent-events-transport";

/** The part of a ServerResponse the transport uses, recording what it was told. */
class FakeResponse extends EventEmitter {
  status = 0;
  headers: Record<string, string> = {};
  written = "";
  ended = false;
  destroyed = false;
  writableLength = 0;
  writeHead(status: number, headers: Record<string, string>): void {
    this.status = status;
    this.headers = headers;
  }
  write(text: string): void {
    this.written += text;
  }
  end(): void {
    this.ended = true;
    this.emit("close");
  }
  destroy(): void {
    this.destroyed = true;
    this.emit("close");
  }
  get asResponse(): ServerResponse {
    return this as unknown as ServerResponse;
  }
}

function setUp() {
  const response = new FakeResponse();
  const ended = jest.fn();
  const transport = new ServerSentEventsTransport(response.asResponse, ended);
  const received: string[] = [];
  const closed = jest.fn();
  transport.listen({ text: (text) => received.push(text), closed });
  return { response, transport, ended, received, closed };
}

describe("ServerSentEventsTransport", () => {
  it("starts a text/event-stream with ASP.NET's headers and the preamble", () => {
    const { response, transport } = setUp();
    transport.start();
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({ "Content-Type": "text/event-stream", "Cache-Control": "no-cache,no-store", Pragma: "no-cache", "Content-Encoding": "identity" });
    expect(response.written).toBe(":\r\n");
  });

  it("sends each frame as one event", () => {
    const { response, transport } = setUp();
    transport.send('{}\x1e{"type":6}\x1e');
    expect(response.written).toBe('data: {}\x1e{"type":6}\x1e\r\n\r\n');
  });

  it("reports the response's buffered bytes, so the outbox can hold back", () => {
    const { response, transport } = setUp();
    response.writableLength = 4096;
    expect(transport.bufferedAmount).toBe(4096);
  });

  it("ends the response on close, and tells the listener and the owner once", () => {
    const { response, transport, closed, ended } = setUp();
    transport.close();
    transport.terminate();
    expect(response.ended).toBe(true);
    expect(response.destroyed).toBe(false);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it("destroys the response on terminate, as a network failure would", () => {
    const { response, transport, closed } = setUp();
    transport.terminate();
    expect(response.destroyed).toBe(true);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it("hands POST bodies up while the stream is open, and nothing once it is gone", () => {
    const { response, transport, received } = setUp();
    transport.receive("{}\x1e", 3);
    response.emit("close");
    transport.receive("late\x1e", 5);
    transport.send("ignored\x1e");
    expect(received).toEqual(["{}\x1e"]);
    expect(response.written).toBe("");
  });
});
