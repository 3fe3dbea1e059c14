import { randomBytes, randomUUID } from "node:crypto";
import type { Clock } from "../../../src/core/clock";

/** A connection announced by negotiate and not yet opened by its WebSocket upgrade. */
export interface NegotiatedConnection {
  readonly connectionId: string;
  /** What the client puts in `?id=` (negotiateVersion 1); version 0 clients use the connectionId there. */
  readonly connectionToken: string;
  readonly sessionId: string;
  readonly createdAtMs: number;
}

/** Connections between POST …/negotiate and the upgrade; each may be opened once, within its lifetime. */
export class NegotiatedConnections {
  private readonly byToken = new Map<string, NegotiatedConnection>();

  constructor(private readonly clock: Clock, private readonly lifetimeMs: number) {}

  create(sessionId: string): NegotiatedConnection {
    this.forgetStale();
    const connection: NegotiatedConnection = {
      connectionId: randomUUID(),
      connectionToken: randomBytes(16).toString("base64url"),
      sessionId,
      createdAtMs: this.clock.now(),
    };
    this.byToken.set(connection.connectionToken, connection);
    this.byToken.set(connection.connectionId, connection);
    return connection;
  }

  /** The connection for an `id` query value (token or, for version 0, id); it cannot be taken twice. */
  take(id: string): NegotiatedConnection | undefined {
    const connection = this.byToken.get(id);
    if (!connection) return undefined;
    this.byToken.delete(connection.connectionToken);
    this.byToken.delete(connection.connectionId);
    return this.isStale(connection) ? undefined : connection;
  }

  private isStale(connection: NegotiatedConnection): boolean {
    return this.clock.now() - connection.createdAtMs > this.lifetimeMs;
  }

  private forgetStale(): void {
    for (const [key, connection] of this.byToken) if (this.isStale(connection)) this.byToken.delete(key);
  }
}
