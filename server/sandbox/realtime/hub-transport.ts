import type { OutboxSocket } from "./outbox";

/** The transports negotiate offers, spelled as on the wire (`availableTransports[].transport`), WebSockets first. */
export const TransportKind = {
  WebSockets: "WebSockets",
  ServerSentEvents: "ServerSentEvents",
  LongPolling: "LongPolling",
} as const;
export type TransportKind = (typeof TransportKind)[keyof typeof TransportKind];

/** What a transport tells the hub connection above it. */
export interface TransportListener {
  /** Text the client sent (one WebSocket frame or one POST body); `bytes` is its size on the wire. */
  text(text: string, bytes: number): void;
  /** The transport is gone (client went away, network failure, DELETE). Called at most once. */
  closed(): void;
}

/**
 * The seam between one SignalR connection (HubConnection: handshake, records, pings, close) and the way its bytes
 * travel (API.md 5.1: WebSockets, Server-Sent Events or long polling; the client picks). A transport moves text
 * and knows nothing of records. `bufferedAmount` lets the Outbox hold back and coalesce quotes for a slow client,
 * whatever the transport.
 */
export interface HubTransport extends OutboxSocket {
  readonly kind: TransportKind;
  /** Set once by the hub connection, before any text can arrive. */
  listen(listener: TransportListener): void;
  /** Ends in order: what was sent still reaches the client, then the connection ends. */
  close(): void;
  /** Ends at once without a word, as a network failure would: the official client reconnects. */
  terminate(): void;
}
