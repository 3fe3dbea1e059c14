import type { Clock, TimerHandle } from "../clock";
import { silentLogger, type Logger } from "../log";
import type { ConnectionStatus, Reachability } from "./connection-status";

/** Asks Binck, without a token, whether its API answers: GET /version (guide.txt "Testing the connection"). */
export type AvailabilityProbe = () => Promise<Exclude<Reachability, "unknown">>;

export interface AvailabilityMonitorOptions {
  connection: ConnectionStatus;
  probe: AvailabilityProbe;
  clock: Clock;
  logger?: Logger;
  /** How often to ask while Binck is in maintenance or cannot be reached. */
  intervalMs?: number;
}

/**
 * While the API is in maintenance or unreachable, polls the cheap, token-free probe so that recovery is seen
 * within seconds instead of at the next backoff step of whatever failed; it reports every answer to the
 * connection status, whose "online" then wakes the session and the parts waiting to reload.
 */
export class AvailabilityMonitor {
  private timer: TimerHandle | undefined;
  private probing = false;
  private wasDown = false;
  private readonly backListeners = new Set<() => void>();
  private readonly intervalMs: number;
  private readonly logger: Logger;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: AvailabilityMonitorOptions) {
    this.intervalMs = options.intervalMs ?? 3_000;
    this.logger = options.logger ?? silentLogger;
    this.unsubscribe = options.connection.onChange((state) => {
      const down = state.api === "maintenance" || state.api === "offline";
      if (down) {
        if (!this.timer) this.schedule(this.intervalMs);
      } else {
        this.cancel();
      }
      if (state.api === "online" && this.wasDown) for (const listener of [...this.backListeners]) listener();
      if (state.api !== "unknown") this.wasDown = down;
    });
  }

  /** Binck answers again after maintenance or an outage (the session renews its token, failed loads retry). */
  onBack(listener: () => void): () => void {
    this.backListeners.add(listener);
    return () => {
      this.backListeners.delete(listener);
    };
  }

  /** Something failed in a way that may mean Binck is down (a refresh answered 503): find out now. */
  check(): void {
    this.schedule(0);
  }

  dispose(): void {
    this.cancel();
    this.unsubscribe();
  }

  private schedule(delayMs: number): void {
    if (this.probing) return;
    this.cancel();
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = undefined;
      void this.probeOnce();
    }, delayMs);
  }

  private async probeOnce(): Promise<void> {
    this.probing = true;
    let answer: Exclude<Reachability, "unknown">;
    try {
      answer = await this.options.probe();
    } catch (error) {
      answer = "offline";
      this.logger.log("debug", `The availability probe failed: ${(error as Error).message}`);
    } finally {
      this.probing = false;
    }
    // Reporting notifies the listener above, which schedules the next probe unless Binck is back.
    this.options.connection.reportApi(answer);
  }

  private cancel(): void {
    if (this.timer) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
