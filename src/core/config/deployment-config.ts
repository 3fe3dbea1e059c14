import { isBinckError } from "../errors";
import { silentLogger, type Logger } from "../log";
import type { BrokerClient } from "../session/broker-client";
import type { BrokerPublicConfig } from "../wire/broker";

export type DeploymentState =
  | { status: "loading" }
  | { status: "loaded"; config: BrokerPublicConfig }
  | { status: "failed"; endUserMessage: string };

/**
 * The deployment the add-in talks to (GET /auth/config: API and realtime URLs, realms), loaded once per runtime
 * and shared by the taskpane, the functions and the commands; a failed load can be retried.
 */
export class DeploymentConfig {
  private state: DeploymentState = { status: "loading" };
  private pending: Promise<BrokerPublicConfig> | undefined;
  private readonly listeners = new Set<(state: DeploymentState) => void>();
  private readonly waiters: Array<(config: BrokerPublicConfig) => void> = [];

  constructor(private readonly broker: BrokerClient, private readonly logger: Logger = silentLogger) {}

  current(): DeploymentState {
    return this.state;
  }

  onChange(listener: (state: DeploymentState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Starts the load (again, after a failure); repeated calls while loading share one request. */
  load(): void {
    if (this.state.status === "loaded" || this.pending) return;
    this.set({ status: "loading" });
    this.pending = this.broker.config();
    this.pending.then(
      (config) => {
        this.pending = undefined;
        this.set({ status: "loaded", config });
        for (const waiter of this.waiters.splice(0)) waiter(config);
      },
      (error: unknown) => {
        this.pending = undefined;
        this.logger.log("error", isBinckError(error) ? error.developerMessage : String(error));
        this.set({ status: "failed", endUserMessage: isBinckError(error) ? error.endUserMessage : "The add-in's server cannot be reached." });
      },
    );
  }

  /** Resolves once the configuration is known (it waits through failures until a retry succeeds). */
  loaded(): Promise<BrokerPublicConfig> {
    if (this.state.status === "loaded") return Promise.resolve(this.state.config);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private set(state: DeploymentState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}
