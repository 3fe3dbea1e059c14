import type { LongPollingTransport } from "./long-polling-transport";
import type { ServerSentEventsTransport } from "./server-sent-events-transport";
import type { WebSocketTransport } from "./websocket-transport";

/** A negotiated connection whose transport has started. */
export interface StartedConnection {
  readonly connectionId: string;
  readonly sessionId: string;
  readonly transport: WebSocketTransport | ServerSentEventsTransport | LongPollingTransport;
}

/**
 * Connections by the `id` their transport started with (the connectionToken), so that later requests on
 * /stream/v1?id=… (polls, sends, DELETE) find theirs, and misuse gets ASP.NET's answer. An entry lives as long as
 * its transport; a later request for it is "No Connection with that ID".
 */
export class StartedConnections {
  private readonly byId = new Map<string, StartedConnection>();

  add(id: string, connection: StartedConnection): void {
    this.byId.set(id, connection);
  }

  get(id: string): StartedConnection | undefined {
    return this.byId.get(id);
  }

  /** Removes the entry only if it still is this connection's. */
  remove(id: string, connection: StartedConnection): void {
    if (this.byId.get(id) === connection) this.byId.delete(id);
  }
}
