import type { ServerResponse } from "node:http";
import type { Clock, TimerHandle } from "../../../src/core/clock";
import { TransportKind, type HubTransport, type TransportListener } from "./hub-transport";

export interface LongPollingLimits {
  /** How long a poll waits for data before it is answered 200 with no content (ASP.NET LongPolling.PollTimeout). */
  pollTimeoutMs: number;
  /** How long the client may go without a poll before the connection counts as gone (ASP.NET DisconnectTimeout). */
  disconnectTimeoutMs: number;
}

/** What a poll got; the endpoint answers "busy" with 409. */
export type PollOutcome = "answered" | "parked" | "busy";

type State = "open" | "closing" | "ended";

/**
 * The long polling transport (ASP.NET LongPollingServerTransport): server→client text waits here until the client's
 * next `GET /stream/v1?id=…`, which gets everything queued as one 200 body, or waits for some (a parked poll);
 * client→server text comes from `POST` bodies through `receive`. After the connection ends, the poll gets 204 and
 * the client stops. `DELETE` ends it from the client side. The timers only pace I/O, on `timers` (wall time).
 */
export class LongPollingTransport implements HubTransport {
  readonly kind = TransportKind.LongPolling;
  private listener?: TransportListener;
  private state: State = "open";
  private queue: string[] = [];
  private queuedBytes = 0;
  private parked?: { response: ServerResponse; timer: TimerHandle };
  /** The last answered poll, while its body is still on its way (it counts as buffered). */
  private inFlight?: ServerResponse;
  private disconnectTimer?: TimerHandle;

  constructor(
    private readonly limits: LongPollingLimits,
    private readonly timers: Clock,
    /** Called once, when the connection is over for the transport too (final 204, DELETE, drop, disconnect timeout). */
    private readonly onEnded: () => void = () => undefined,
  ) {
    this.armDisconnectTimer();
  }

  get isEnded(): boolean {
    return this.state === "ended";
  }

  /** Queued text not yet taken by a poll, plus the answered poll's bytes still being written. */
  get bufferedAmount(): number {
    return this.queuedBytes + (this.inFlight?.writableLength ?? 0);
  }

  listen(listener: TransportListener): void {
    this.listener = listener;
  }

  /** A poll after the first: answered now when there is text (or the end), parked otherwise; a second one is refused. */
  poll(response: ServerResponse): PollOutcome {
    if (this.parked) return "busy";
    if (this.disconnectTimer) this.timers.clearTimeout(this.disconnectTimer);
    this.disconnectTimer = undefined;
    if (this.state === "ended") {
      answerEnd(response);
      return "answered";
    }
    if (this.queue.length > 0) {
      this.answerWithQueue(response);
      return "answered";
    }
    if (this.state === "closing") {
      answerEnd(response);
      this.end();
      return "answered";
    }
    const timer = this.timers.setTimeout(() => this.onPollTimeout(), this.limits.pollTimeoutMs);
    this.parked = { response, timer };
    response.on("close", () => this.onParkedPollClosed(response));
    return "parked";
  }

  /** A POST body from the client. */
  receive(text: string, bytes: number): void {
    if (this.state === "open") this.listener?.text(text, bytes);
  }

  send(frame: string): void {
    if (this.state === "ended") return;
    this.queue.push(frame);
    this.queuedBytes += Buffer.byteLength(frame);
    const parked = this.unpark();
    if (parked) this.answerWithQueue(parked);
  }

  /** The hub closed: the next poll drains what is queued (the Close record), the one after gets 204. */
  close(): void {
    if (this.state !== "open") return;
    this.state = "closing";
    if (this.queue.length > 0) return;
    const parked = this.unpark();
    if (parked) {
      answerEnd(parked);
      this.end();
    }
  }

  /** DELETE from the client: a parked poll gets 204, queued text is dropped. */
  stop(): void {
    if (this.state === "ended") return;
    const parked = this.unpark();
    if (parked) answerEnd(parked);
    this.end();
  }

  terminate(): void {
    if (this.state === "ended") return;
    // A network failure: the waiting poll's connection breaks, so the client's request fails and it reconnects.
    const parked = this.unpark();
    parked?.destroy();
    this.inFlight?.destroy();
    this.end();
  }

  private answerWithQueue(response: ServerResponse): void {
    const body = this.queue.join("");
    this.queue = [];
    this.queuedBytes = 0;
    response.statusCode = 200;
    response.setHeader("Content-Type", "application/octet-stream");
    response.setHeader("Content-Length", Buffer.byteLength(body));
    this.inFlight = response;
    response.end(body, () => {
      if (this.inFlight === response) this.inFlight = undefined;
    });
    this.armDisconnectTimer();
  }

  private onPollTimeout(): void {
    const parked = this.unpark();
    if (!parked) return;
    parked.statusCode = 200;
    parked.setHeader("Content-Type", "text/plain");
    parked.setHeader("Content-Length", 0);
    parked.end();
    this.armDisconnectTimer();
  }

  /** The client gave up on its poll (stop, or the network): it has disconnectTimeoutMs to poll again. */
  private onParkedPollClosed(response: ServerResponse): void {
    if (this.parked?.response !== response || response.writableEnded) return;
    this.unpark();
    this.armDisconnectTimer();
  }

  private unpark(): ServerResponse | undefined {
    const parked = this.parked;
    if (!parked) return undefined;
    this.timers.clearTimeout(parked.timer);
    this.parked = undefined;
    return parked.response;
  }

  private armDisconnectTimer(): void {
    if (this.state === "ended") return;
    if (this.disconnectTimer) this.timers.clearTimeout(this.disconnectTimer);
    this.disconnectTimer = this.timers.setTimeout(() => this.end(), this.limits.disconnectTimeoutMs);
  }

  private end(): void {
    if (this.state === "ended") return;
    this.state = "ended";
    this.queue = [];
    this.queuedBytes = 0;
    if (this.disconnectTimer) this.timers.clearTimeout(this.disconnectTimer);
    this.listener?.closed();
    this.onEnded();
  }
}

/** The connection is over: 204 tells the client to stop polling. */
function answerEnd(response: ServerResponse): void {
  response.statusCode = 204;
  response.setHeader("Content-Type", "text/plain");
  response.end();
}
