import WebSocket from "ws";
import { FakeMarket } from "../fakes/fake-market";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { JANSEN_TRADING, until, withTimeout } from "./realtime-helpers";

const RS = "\x1e";
const HANDSHAKE = `{"protocol":"json","version":1}${RS}`;
const NO_CONNECTION = "No Connection with that ID: negotiate again (a connection token is valid once, for a short time).";

/** Reads a text/event-stream response as it arrives. */
class EventStreamReader {
  text = "";
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  constructor(response: Response) {
    this.reader = response.body!.getReader();
  }

  /** Reads until the text received so far contains `expected`. */
  async waitFor(expected: string, timeoutMs = 5000): Promise<string> {
    const read = async () => {
      while (!this.text.includes(expected)) {
        const { done, value } = await this.reader.read();
        if (done) throw new Error(`The event stream ended before '${expected}'; got ${JSON.stringify(this.text)}.`);
        this.text += this.decoder.decode(value, { stream: true });
      }
      return this.text;
    };
    return withTimeout(read(), timeoutMs, `'${expected}' on the event stream`);
  }

  /** Resolves once the server has ended the stream. */
  async ended(timeoutMs = 5000): Promise<void> {
    const read = async () => {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) return;
        this.text += this.decoder.decode(value, { stream: true });
      }
    };
    await withTimeout(read(), timeoutMs, "the event stream to end");
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }
}

/** Raw requests on the hub, as the official client makes them (and as it never would). */
function wireHelpers(currentSandbox: () => TestSandbox) {
  const hubUrl = (query: string) => `${currentSandbox().urls.realtime}/stream/v1${query}`;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const negotiate = async (token: string): Promise<string> => {
    const response = await fetch(hubUrl("/negotiate?negotiateVersion=1"), { method: "POST", headers: bearer(token) });
    return (await response.json()).connectionToken;
  };
  const poll = (id: string, token: string) => fetch(hubUrl(`?id=${id}`), { headers: bearer(token) });
  const post = (id: string, token: string, body: string) => fetch(hubUrl(`?id=${id}`), { method: "POST", headers: bearer(token), body });
  const remove = (id: string, token: string) => fetch(hubUrl(`?id=${id}`), { method: "DELETE", headers: bearer(token) });
  /** As the official client opens it: the token in the query (the browser's EventSource cannot send headers). */
  const openStream = (id: string, token: string) => fetch(hubUrl(`?id=${id}&access_token=${token}`), { headers: { Accept: "text/event-stream" } });
  /** A long polling connection past its handshake. */
  const startLongPolling = async () => {
    const { access_token: token } = await currentSandbox().signIn("jansen");
    const id = await negotiate(token);
    expect((await poll(id, token)).status).toBe(200);
    expect((await post(id, token, HANDSHAKE)).status).toBe(200);
    expect(await (await poll(id, token)).text()).toBe(`{}${RS}`);
    return { id, token };
  };

  return { hubUrl, bearer, negotiate, poll, post, remove, openStream, startLongPolling };
}

function records(body: string): unknown[] {
  return body.split(RS).slice(0, -1).map((record) => JSON.parse(record));
}

describe("realtime hub: Server-Sent Events and long polling requests on the wire", () => {
  let sandbox: TestSandbox;
  const streams: EventStreamReader[] = [];
  beforeAll(async () => {
    sandbox = await startTestSandbox({ market: new FakeMarket(), corsOrigins: ["https://addin.example"] });
  });
  afterEach(async () => {
    await Promise.all(streams.splice(0).map((stream) => stream.cancel().catch(() => undefined)));
    await sandbox.control("maintenance", { on: false });
  });
  afterAll(() => sandbox.close());

  const { hubUrl, bearer, negotiate, poll, post, remove, openStream, startLongPolling } = wireHelpers(() => sandbox);

  describe("malformed requests", () => {
    it("answers a request without id with 400 'Connection ID required'", async () => {
      const response = await fetch(hubUrl(""));
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("Connection ID required: add ?id=<connectionToken> from POST /stream/v1/negotiate.");
    });

    it.each(["GET", "POST", "DELETE"])("answers %s with an unknown id with 404 'No Connection with that ID'", async (method) => {
      const { access_token } = await sandbox.signIn("jansen");
      const response = await fetch(hubUrl("?id=not-negotiated"), { method, headers: bearer(access_token), body: method === "POST" ? HANDSHAKE : undefined });
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(NO_CONNECTION);
    });

    it.each(["PUT", "PATCH"])("answers %s with 405 and the allowed methods", async (method) => {
      const response = await fetch(hubUrl("?id=x"), { method, body: "x" });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, POST, DELETE");
      expect(await response.text()).toBe(`${method} is not allowed on /stream/v1: GET receives (event stream or long poll), POST sends, DELETE stops a long polling connection.`);
    });

    it("refuses a first GET without a token (401) and with another session's token (403)", async () => {
      const mine = await sandbox.signIn("jansen");
      const other = await sandbox.signIn("jansen");
      const id = await negotiate(mine.access_token);
      const anonymous = await fetch(hubUrl(`?id=${id}`));
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).toBe("No access token: send 'Authorization: Bearer <access_token>'.");
      const foreign = await poll(id, other.access_token);
      expect(foreign.status).toBe(403);
      expect(await foreign.text()).toBe("The connection was negotiated with the token of another session.");
    });

    it("refuses later requests without a token (401) or from another session (403)", async () => {
      const { id } = await startLongPolling();
      const other = await sandbox.signIn("jansen");
      const anonymous = await fetch(hubUrl(`?id=${id}`), { method: "POST", body: HANDSHAKE });
      expect(anonymous.status).toBe(401);
      const foreign = await post(id, other.access_token, HANDSHAKE);
      expect(foreign.status).toBe(403);
      expect(await foreign.text()).toBe("This connection belongs to another session: use the access token it was started with.");
    });

    it("answers 503 to a first GET during maintenance", async () => {
      const { access_token } = await sandbox.signIn("jansen");
      const id = await negotiate(access_token);
      await sandbox.control("maintenance", { on: true });
      const response = await poll(id, access_token);
      expect(response.status).toBe(503);
      expect(await response.text()).toBe("Binck is down for planned maintenance; try again later.");
    });

    it("answers POST for a WebSocket connection with 405, and DELETE with 400", async () => {
      const { access_token } = await sandbox.signIn("jansen");
      const id = await negotiate(access_token);
      const socket = new WebSocket(hubUrl(`?id=${id}`).replace("https:", "wss:"), { headers: bearer(access_token) });
      await withTimeout(new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject)), 5000, "the WebSocket to open");
      try {
        const send = await post(id, access_token, HANDSHAKE);
        expect(send.status).toBe(405);
        expect(await send.text()).toBe("POST requests are not allowed for WebSocket connections: send on the WebSocket.");
        const stop = await remove(id, access_token);
        expect(stop.status).toBe(400);
        expect(await stop.text()).toBe("Cannot terminate this connection using the DELETE endpoint: only long polling connections stop with DELETE.");
      } finally {
        socket.terminate();
      }
    });
  });

  describe("long polling", () => {
    it("answers the first poll at once, empty, and marks every poll not cacheable", async () => {
      const { access_token } = await sandbox.signIn("jansen");
      const id = await negotiate(access_token);
      const first = await poll(id, access_token);
      expect(first.status).toBe(200);
      expect(first.headers.get("content-type")).toBe("application/octet-stream");
      expect(first.headers.get("cache-control")).toBe("no-cache, no-store");
      expect(first.headers.get("expires")).toBe("Thu, 01 Jan 1970 00:00:00 GMT");
      expect(await first.text()).toBe("");
    });

    it("hands a poll every record queued since the last one, in one body", async () => {
      const { id, token } = await startLongPolling();
      await post(id, token, JSON.stringify({ type: 1, invocationId: "1", target: "SubscribeOrders", arguments: [JANSEN_TRADING] }) + RS);
      // No poll is waiting: the completion and then the order events queue up.
      const order = (number: number) => ({ accountNumber: JANSEN_TRADING, number, instrument: { id: "aSm1L" }, status: "placed", dt: "2026-01-05T09:02:10Z" });
      sandbox.sandbox.ctx.events.emit("order", { name: "OrderStatus", message: order(1) });
      sandbox.sandbox.ctx.events.emit("order", { name: "OrderStatus", message: order(2) });
      const response = await poll(id, token);
      expect(response.status).toBe(200);
      expect(records(await response.text())).toEqual([
        { type: 3, invocationId: "1", result: { isSucceeded: true } },
        { type: 1, target: "OrderStatus", arguments: [order(1)] },
        { type: 1, target: "OrderStatus", arguments: [order(2)] },
      ]);
    });

    it("refuses a second poll while one waits (409), then DELETE answers 202 and the waiting poll gets 204", async () => {
      const before = sandbox.sandbox.realtime.connectionCount;
      const { id, token } = await startLongPolling();
      // Whichever poll arrives first waits (the poll timeout is 90 s); the other is refused at once.
      const polls = [poll(id, token), poll(id, token)];
      const refused = await Promise.race(polls);
      expect(refused.status).toBe(409);
      expect(await refused.text()).toBe("A poll is already waiting on this connection: poll again once it has been answered.");
      const stop = await remove(id, token);
      expect(stop.status).toBe(202);
      expect((await Promise.all(polls)).map((response) => response.status).sort()).toEqual([204, 409]);
      const after = await poll(id, token);
      expect(after.status).toBe(404);
      expect(await after.text()).toBe(NO_CONNECTION);
      expect(sandbox.sandbox.realtime.connectionCount).toBe(before);
    });

    it("answers 204 once the hub has closed the connection, after the Close record", async () => {
      const { id, token } = await startLongPolling();
      await post(id, token, JSON.stringify({ type: 1, invocationId: "1", target: "NoSuchMethod" }) + RS);
      const closing = await poll(id, token);
      expect(records(await closing.text())).toEqual([
        { type: 7, error: "The invocation of 'NoSuchMethod' has no 'arguments' array (got nothing)." },
      ]);
      expect((await poll(id, token)).status).toBe(204);
      expect((await poll(id, token)).status).toBe(404);
    });

  });

  describe("Server-Sent Events", () => {
    it("opens a text/event-stream, then sends each flush as data: lines", async () => {
      const { access_token: token } = await sandbox.signIn("jansen");
      const id = await negotiate(token);
      const response = await openStream(id, token);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/event-stream");
      expect(response.headers.get("cache-control")).toBe("no-cache,no-store");
      const stream = new EventStreamReader(response);
      streams.push(stream);
      expect(await stream.waitFor(":\r\n")).toBe(":\r\n");
      expect((await post(id, token, HANDSHAKE)).status).toBe(200);
      expect(await stream.waitFor(`data: {}${RS}\r\n\r\n`)).toBe(`:\r\ndata: {}${RS}\r\n\r\n`);
      await post(id, token, JSON.stringify({ type: 1, invocationId: "7", target: "SubscribeNews", arguments: [JANSEN_TRADING] }) + RS);
      await stream.waitFor(`data: {"type":3,"invocationId":"7","result":{"isSucceeded":true}}${RS}\r\n\r\n`);
    });

    it("refuses a second event stream (409), a long poll (400) and DELETE (400) on the same connection", async () => {
      const { access_token: token } = await sandbox.signIn("jansen");
      const id = await negotiate(token);
      const stream = new EventStreamReader(await openStream(id, token));
      streams.push(stream);
      await stream.waitFor(":\r\n");
      const second = await openStream(id, token);
      expect(second.status).toBe(409);
      expect(await second.text()).toBe("The connection already has an event stream open: one GET per Server-Sent Events connection.");
      const longPoll = await poll(id, token);
      expect(longPoll.status).toBe(400);
      expect(await longPoll.text()).toBe("Cannot change transports mid-connection: this connection uses ServerSentEvents, not LongPolling.");
      const stop = await remove(id, token);
      expect(stop.status).toBe(400);
      expect(await stop.text()).toBe("Cannot terminate this connection using the DELETE endpoint: only long polling connections stop with DELETE.");
    });

    it("ends the stream after the Close record when the hub closes the connection", async () => {
      const { access_token: token } = await sandbox.signIn("jansen");
      const id = await negotiate(token);
      const stream = new EventStreamReader(await openStream(id, token));
      await post(id, token, `{"protocol":"messagepack","version":1}${RS}`);
      await stream.ended();
      expect(stream.text).toBe(`:\r\ndata: {"error":"The protocol 'messagepack' is not supported: this hub speaks 'json' only."}${RS}\r\n\r\n`);
      expect((await post(id, token, HANDSHAKE)).status).toBe(404);
    });
  });

  describe("CORS for the browser client", () => {
    it.each(["GET", "POST", "DELETE"])("answers the preflight of %s on /stream/v1 with credentials", async (method) => {
      const response = await fetch(hubUrl("?id=x"), {
        method: "OPTIONS",
        headers: { Origin: "https://addin.example", "Access-Control-Request-Method": method, "Access-Control-Request-Headers": "authorization,x-signalr-user-agent" },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("https://addin.example");
      expect(response.headers.get("access-control-allow-credentials")).toBe("true");
      expect(response.headers.get("access-control-allow-methods")).toContain(method);
    });

    it("allows an event stream and polls from the allowed origin", async () => {
      const { access_token: token } = await sandbox.signIn("jansen");
      const id = await negotiate(token);
      const response = await fetch(hubUrl(`?id=${id}`), { headers: { ...bearer(token), Origin: "https://addin.example" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("https://addin.example");
      expect(response.headers.get("access-control-allow-credentials")).toBe("true");
      await remove(id, token);
    });
  });
});

describe("realtime hub: long polling timeouts (pollTimeoutMs 100, disconnectTimeoutMs 300)", () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
  sandbox = await startTestSandbox({ market: new FakeMarket(), realtime: { pollTimeoutMs: 100, disconnectTimeoutMs: 300 } });
  });
  afterAll(() => sandbox.close());
  const { poll, remove, startLongPolling } = wireHelpers(() => sandbox);

  it("answers a poll with nothing to send after pollTimeoutMs with 200 and no content", async () => {
    const { id, token } = await startLongPolling();
    const response = await poll(id, token);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    await remove(id, token);
  });

  it("forgets a client that stops polling for disconnectTimeoutMs", async () => {
    const before = sandbox.sandbox.realtime.connectionCount;
    const { id, token } = await startLongPolling();
    expect(sandbox.sandbox.realtime.connectionCount).toBe(before + 1);
    await until(() => sandbox.sandbox.realtime.connectionCount === before, "the disconnect timeout");
    expect((await poll(id, token)).status).toBe(404);
  });
});
