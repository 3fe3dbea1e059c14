/** How Binck answered the last request: what the taskpane shows as the connection status. */
export type Reachability = "unknown" | "online" | "maintenance" | "offline";

export interface ConnectionState {
  api: Reachability;
  /** When the API last answered or failed to answer. */
  checkedAtMs?: number;
}

/** Collects what the REST client (and later the realtime session) learn about the connection. */
export class ConnectionStatus {
  private state: ConnectionState = { api: "unknown" };
  private readonly listeners = new Set<(state: ConnectionState) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  current(): ConnectionState {
    return this.state;
  }

  reportApi(api: Exclude<Reachability, "unknown">): void {
    this.state = { api, checkedAtMs: this.now() };
    for (const listener of [...this.listeners]) listener(this.state);
  }

  onChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
