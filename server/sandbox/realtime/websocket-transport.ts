import type { RawData, WebSocket } from "ws";
import { TransportKind, type HubTransport, type TransportListener } from "./hub-transport";

const WS_NORMAL_CLOSURE = 1000;

/** The WebSockets transport: one text frame per outbox flush, each received frame handed up as text. */
export class WebSocketTransport implements HubTransport {
  readonly kind = TransportKind.WebSockets;
  private listener?: TransportListener;
  private ended = false;

  constructor(
    private readonly socket: WebSocket,
    /** Socket errors, for the log; the close that follows ends the connection. */
    onError: (message: string) => void,
    /** Called once when the socket is gone. */
    private readonly onEnded: () => void = () => undefined,
  ) {
    socket.on("message", (data) => this.listener?.text(rawText(data), rawSize(data)));
    socket.on("close", () => this.end());
    socket.on("error", (error) => onError(error.message));
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  listen(listener: TransportListener): void {
    this.listener = listener;
  }

  send(frame: string): void {
    this.socket.send(frame);
  }

  close(): void {
    this.socket.close(WS_NORMAL_CLOSURE);
  }

  terminate(): void {
    this.socket.terminate();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.listener?.closed();
    this.onEnded();
  }
}

function rawSize(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return (data as Buffer | ArrayBuffer).byteLength;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data as Buffer).toString("utf8");
}
