import WebSocket from "ws";
import { FakeMarket } from "../fakes/fake-market";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { JANSEN_TRADING, withTimeout } from "./realtime-helpers";

const RS = "\x1e";
const HANDSHAKE = `{"protocol":"json","version":1}${RS}`;

/** A bare WebSocket on the hub, to send what the official client never would. */
class RawHub {
  readonly frames: string[] = [];
  readonly records: any[] = [];
  readonly closedAt: Promise<number>;
  private waiters: Array<() => void> = [];

  constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const frame = data.toString();
      this.frames.push(frame);
      for (const record of frame.split(RS).slice(0, -1)) this.records.push(JSON.parse(record));
      for (const waiter of this.waiters.splice(0)) waiter();
    });
    this.closedAt = new Promise((resolve) => socket.on("close", (code) => resolve(code)));
  }

  static async open(sandbox: TestSandbox, token: string, id?: string | null): Promise<RawHub> {
    const connectionId = id === undefined ? await negotiate(sandbox, token) : id;
    const socket = new WebSocket(hubUrl(sandbox, connectionId), { headers: { Authorization: `Bearer ${token}` } });
    await withTimeout(new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    }), 5000, "the WebSocket to open");
    return new RawHub(socket);
  }

  send(text: string): void {
    this.socket.send(text);
  }

  async handshake(): Promise<void> {
    this.send(HANDSHAKE);
    await this.waitForRecords(1);
    expect(this.records[0]).toEqual({});
  }

  async waitForRecords(count: number, timeoutMs = 5000): Promise<any[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.records.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${count} records; got ${JSON.stringify(this.records)}.`);
      await withTimeout(new Promise<void>((resolve) => this.waiters.push(resolve)), left, `${count} records`).catch(() => undefined);
    }
    return this.records;
  }

  invocation(id: string, target: string, args: unknown[]): string {
    return JSON.stringify({ type: 1, invocationId: id, target, arguments: args }) + RS;
  }
}

function hubUrl(sandbox: TestSandbox, id: string | null): string {
  return `${sandbox.urls.realtime.replace(/^https/, "wss")}/stream/v1${id === null ? "" : `?id=${encodeURIComponent(id)}`}`;
}

async function negotiate(sandbox: TestSandbox, token: string): Promise<string> {
  const response = await fetch(`${sandbox.urls.realtime}/stream/v1/negotiate?negotiateVersion=1`, { method: "POST", headers: { Authorization: `Bearer ${token}` } });
  return (await response.json()).connectionToken;
}

/** The HTTP status of a refused upgrade. */
function refusedUpgrade(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return withTimeout(new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on("open", () => reject(new Error("The upgrade was accepted.")));
    socket.on("unexpected-response", (_request, response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
  }), 5000, "the refused upgrade");
}

describe("realtime hub: the SignalR protocol over a raw WebSocket", () => {
  let sandbox: TestSandbox;
  let token: string;
  const sockets: RawHub[] = [];
  const open = async (id?: string | null) => {
    const hub = await RawHub.open(sandbox, token, id);
    sockets.push(hub);
    return hub;
  };
  beforeAll(async () => {
    sandbox = await startTestSandbox({ market: new FakeMarket(), realtime: { keepAliveIntervalMs: 100, clientTimeoutMs: 1500, handshakeTimeoutMs: 300 } });
  });
  beforeEach(async () => {
    token = (await sandbox.signIn("jansen")).access_token;
  });
  afterEach(() => {
    for (const hub of sockets.splice(0)) hub.socket.terminate();
  });
  afterAll(() => sandbox.close());

  describe("handshake", () => {
    it.each([
      ['{"protocol":"messagepack","version":1}', "The protocol 'messagepack' is not supported: this hub speaks 'json' only."],
      ['{"protocol":"json","version":2}', "The server does not support version 2 of the 'json' protocol (only 1)."],
      ['{"type":1,"invocationId":"0","target":"SubscribeNews","arguments":["190126781"]}', `The handshake request has no 'protocol' string (got nothing); send {"protocol":"json","version":1}.`],
    ])("refuses %s with an error record, then closes", async (request, error) => {
      const hub = await open();
      hub.send(request + RS);
      expect(await hub.waitForRecords(1)).toEqual([{ error }]);
      expect(await hub.closedAt).toBe(1000);
    });

    it("closes a socket that sends no handshake in time", async () => {
      const hub = await open();
      expect(await withTimeout(hub.closedAt, 3000, "close")).toBe(1000);
      expect(hub.frames).toEqual([]);
    });

    it("accepts a handshake split over two frames", async () => {
      const hub = await open();
      hub.send(HANDSHAKE.slice(0, 10));
      hub.send(HANDSHAKE.slice(10));
      expect(await hub.waitForRecords(1)).toEqual([{}]);
    });
  });

  describe("after the handshake", () => {
    it("pings at the keep-alive interval", async () => {
      const hub = await open();
      await hub.handshake();
      hub.send(`{"type":6}${RS}`);
      const records = await hub.waitForRecords(3);
      expect(records.slice(1, 3)).toEqual([{ type: 6 }, { type: 6 }]);
    });

    it("closes a client that stays silent past the client timeout", async () => {
      const hub = await open();
      await hub.handshake();
      const code = await withTimeout(hub.closedAt, 4000, "close");
      expect(code).toBe(1000);
      expect(hub.records.at(-1)).toEqual({ type: 7, error: expect.stringMatching(/^The client sent nothing for \d+ ms \(client timeout 1500 ms; the client should ping every 15 s\)\.$/) });
    });

    it("answers several invocations of one frame in one frame, in order", async () => {
      const hub = await open();
      await hub.handshake();
      hub.send(hub.invocation("a", "SubscribeNews", [JANSEN_TRADING]) + hub.invocation("b", "UnSubscribeNews", []) + hub.invocation("c", "SubscribeOrders", ["0"]));
      const records = await hub.waitForRecords(4);
      expect(records.slice(1)).toEqual([
        { type: 3, invocationId: "a", result: { isSucceeded: true } },
        { type: 3, invocationId: "b", result: { isSucceeded: true } },
        { type: 3, invocationId: "c", result: { isSucceeded: false } },
      ]);
      expect(hub.frames).toHaveLength(2);
    });

    it("sends the SubscribeQuotes completion and every qi snapshot in one frame", async () => {
      const hub = await open();
      await hub.handshake();
      hub.send(hub.invocation("q", "SubscribeQuotes", [JANSEN_TRADING, ["aSm1L", "iNg01", "dAn0n"], "Trades"]));
      const records = await hub.waitForRecords(5);
      expect(records.slice(1).map((record) => (record.type === 3 ? `completion ${JSON.stringify(record.result)}` : `${record.target} ${record.arguments[0].id}`))).toEqual([
        'completion {"isSucceeded":true,"subcount":3}', "Quote aSm1L", "Quote iNg01", "Quote dAn0n",
      ]);
      expect(hub.frames).toHaveLength(2);
    });

    it("keeps a record split over two frames until its separator arrives", async () => {
      const hub = await open();
      await hub.handshake();
      const record = hub.invocation("s", "UnSubscribeNews", []);
      hub.send(record.slice(0, 25));
      hub.send(record.slice(25));
      expect((await hub.waitForRecords(2))[1]).toEqual({ type: 3, invocationId: "s", result: { isSucceeded: true } });
    });

    it("ignores an unknown message type (a newer peer) and an unknown method sent without invocationId", async () => {
      const hub = await open();
      await hub.handshake();
      hub.send(`{"type":99,"x":1}${RS}`);
      hub.send(`{"type":1,"target":"NoSuchMethod","arguments":[]}${RS}`);
      hub.send(hub.invocation("after", "UnSubscribeOrders", []));
      expect((await hub.waitForRecords(2)).slice(1)).toEqual([{ type: 3, invocationId: "after", result: { isSucceeded: true } }]);
    });

    it("answers a stream invocation with a completion error", async () => {
      const hub = await open();
      await hub.handshake();
      hub.send(`{"type":4,"invocationId":"7","target":"SubscribeQuotes","arguments":[]}${RS}`);
      expect((await hub.waitForRecords(2))[1]).toEqual({ type: 3, invocationId: "7", error: "'SubscribeQuotes' is not a streaming method: this hub has no streaming methods; use invoke." });
    });

    it.each([
      ["text that is not JSON", `{"type":1,${RS}`, /^The message is not valid JSON \(.+\): .+\.$/],
      ["a message without a type", `{"target":"SubscribeNews"}${RS}`, /^The message has no integer 'type' \(got nothing\)\.$/],
      ["an invocation without arguments", `{"type":1,"invocationId":"1","target":"SubscribeNews"}${RS}`, /^The invocation of 'SubscribeNews' has no 'arguments' array \(got nothing\)\.$/],
      ["a message over 32 KB", `{"type":1,"invocationId":"1","target":"UnSubscribeQuotes","arguments":[${JSON.stringify(Array.from({ length: 4000 }, () => "aSm1L01"))}]}${RS}`, /^The message of \d+ bytes exceeds the maximum of 32768 bytes\.$/],
    ])("closes with a specific error on %s", async (_name, frame, error) => {
      const hub = await open();
      await hub.handshake();
      hub.send(frame);
      expect(await withTimeout(hub.closedAt, 3000, "close")).toBe(1000);
      expect(hub.records.slice(1)).toEqual([{ type: 7, error: expect.stringMatching(error) }]);
    });
  });

  describe("upgrade", () => {
    it("refuses an upgrade without a token with 401", async () => {
      const id = await negotiate(sandbox, token);
      expect(await refusedUpgrade(hubUrl(sandbox, id), {})).toEqual({ status: 401, body: "No access token: send 'Authorization: Bearer <access_token>'." });
    });

    it("accepts the token in the access_token query (browsers) and ignores accountNumber", async () => {
      const id = await negotiate(sandbox, token);
      const socket = new WebSocket(`${hubUrl(sandbox, id)}&access_token=${token}&accountNumber=${JANSEN_TRADING}`);
      const hub = new RawHub(socket);
      sockets.push(hub);
      await withTimeout(new Promise((resolve) => socket.once("open", resolve)), 5000, "open");
      await hub.handshake();
    });

    it("refuses an unknown or already used connection token with 404", async () => {
      expect((await refusedUpgrade(hubUrl(sandbox, "made-up"), { Authorization: `Bearer ${token}` })).status).toBe(404);
      const id = await negotiate(sandbox, token);
      await open(id);
      expect(await refusedUpgrade(hubUrl(sandbox, id), { Authorization: `Bearer ${token}` })).toEqual({
        status: 404, body: "No Connection with that ID: negotiate again (a connection token is valid once, for a short time).",
      });
    });

    it("refuses a connection negotiated by another session with 403", async () => {
      const other = (await sandbox.signIn("jansen")).access_token;
      const id = await negotiate(sandbox, other);
      expect(await refusedUpgrade(hubUrl(sandbox, id), { Authorization: `Bearer ${token}` })).toEqual({
        status: 403, body: "The connection was negotiated with the token of another session.",
      });
    });

    it("accepts a WebSocket without negotiation (skipNegotiation)", async () => {
      const hub = await open(null);
      await hub.handshake();
      hub.send(hub.invocation("1", "SubscribeNews", [JANSEN_TRADING]));
      expect((await hub.waitForRecords(2))[1]).toEqual({ type: 3, invocationId: "1", result: { isSucceeded: true } });
    });
  });
});
