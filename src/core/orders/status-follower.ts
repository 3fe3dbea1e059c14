import type { OrderEventSource } from "../portfolio/sources";
import type { OrderStatus } from "../wire/models";

/**
 * How far along its life a status is. Events and answers can cross (an order's event may beat its placement's
 * answer, API.md 3.3 #16; a cancel's answer may beat its event), so a status never moves back to an earlier stage.
 */
const STAGE: Readonly<Record<OrderStatus, number>> = {
  placed: 0, other: 0, placementConfirmed: 1,
  modificationRequested: 2, cancelationRequested: 2, modificationRefused: 2, cancelationRefused: 2, modified: 2,
  partiallyExecuted: 3,
  executed: 4, expired: 4, canceled: 4, refused: 4, remainderCanceled: 4, remainderExpired: 4, remainderExecuted: 4,
};

/** The events' status names as REST's (the events say `completelyExecuted` where REST says `executed`, API.md 5.6). */
function restStatus(status: string): OrderStatus {
  if (status === "completelyExecuted") return "executed";
  return status in STAGE ? (status as OrderStatus) : "other";
}

/**
 * Follows the statuses of some orders from the order events, from the moment it is made (so an event that beats a
 * placement's answer is not lost) until disposed. The open-orders view cannot do this: a final status removes
 * the order from it. `onStatus` hears of each followed order whose status moved on.
 */
export class OrderStatusFollower {
  private readonly seen = new Map<number, OrderStatus>();
  private readonly followed = new Map<number, OrderStatus>();
  private readonly stop: () => void;

  constructor(events: OrderEventSource, private readonly onStatus: (changes: ReadonlyMap<number, OrderStatus>) => void) {
    this.stop = events.watchOrders((_event, message) => this.update(message.number, restStatus(message.status)));
  }

  /** Follows an order from its known status (or a later one an event already brought). */
  follow(orderNumber: number, status: OrderStatus): void {
    this.followed.set(orderNumber, status);
    const seen = this.seen.get(orderNumber);
    if (seen !== undefined) this.update(orderNumber, seen);
  }

  dispose(): void {
    this.stop();
  }

  private update(orderNumber: number, status: OrderStatus): void {
    const before = this.followed.get(orderNumber);
    if (before === undefined) {
      const earlier = this.seen.get(orderNumber);
      if (earlier === undefined || STAGE[status] >= STAGE[earlier]) this.seen.set(orderNumber, status);
      return;
    }
    if (before === status || STAGE[status] < STAGE[before]) return;
    this.followed.set(orderNumber, status);
    this.onStatus(new Map([[orderNumber, status]]));
  }
}
