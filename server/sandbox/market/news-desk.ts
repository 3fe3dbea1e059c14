import type { Clock } from "../../../src/core/clock";
import type { SandboxEvents } from "../events";
import type { Market } from "./market";

export interface NewsDeskDeps {
  clock: Clock;
  seed: number;
  events: SandboxEvents;
  market: Market;
}

/** PLACEHOLDER: being written (market helper). */
export class NewsDesk {
  constructor(_deps: NewsDeskDeps) {}
  reset(): void {}
  stop(): void {}
}
