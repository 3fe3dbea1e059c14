import type { ServerResponse } from "node:http";
import { TransportKind, type HubTransport, type TransportListener } from "./hub-transport";
import { SSE_PREAMBLE, writeSseEvent } from "./sse-format";

/**
 * The Server-Sent Events transport: server→client on one long `GET /stream/v1?id=…` response (`text/event-stream`),
 * client→server as `POST /stream/v1?id=…` bodies, handed in through `receive`. The client stops by closing the
 * stream (no DELETE for this transport, as in ASP.NET).
 */
export class ServerSentEventsTransport implements HubTransport {
  readonly kind = TransportKind.ServerSentEvents;
  private listener?: TransportListener;
  private ended = false;

  constructor(private readonly response: ServerResponse, private readonly onEnded: () => void = () => undefined) {
    response.on("close", () => this.end());
  }

  /** Sends the headers and the preamble: the client's EventSource opens. */
  start(): void {
    this.response.writeHead(200, {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache,no-store",
      Pragma: "no-cache",
      // No compression or buffering on the way: each event must reach the client as it is written.
      "Content-Encoding": "identity",
    });
    this.response.write(SSE_PREAMBLE);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Bytes written but not yet taken by the network (the response's and its socket's buffers). */
  get bufferedAmount(): number {
    return this.response.writableLength;
  }

  listen(listener: TransportListener): void {
    this.listener = listener;
  }

  /** A POST body from the client. */
  receive(text: string, bytes: number): void {
    if (!this.ended) this.listener?.text(text, bytes);
  }

  send(frame: string): void {
    if (!this.ended) this.response.write(writeSseEvent(frame));
  }

  close(): void {
    if (!this.ended) this.response.end();
  }

  terminate(): void {
    if (this.ended) return;
    this.response.destroy();
    this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.listener?.closed();
    this.onEnded();
  }
}
