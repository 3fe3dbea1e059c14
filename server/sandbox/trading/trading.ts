import type { Clock } from "../../../src/core/clock";
import type { SandboxEvents } from "../events";
import type { Logger } from "../logger";
import type { Market } from "../market/market";

export interface TradingDeps {
  clock: Clock;
  market: Market;
  events: SandboxEvents;
  logger: Logger;
}

/** PLACEHOLDER: being written (trading helper). */
export class Trading {
  constructor(_deps: TradingDeps) {}
  reset(): void {}
  stop(): void {}
}
