import type { OrderModel, OrderStatus } from "../wire/models";
import type { OpenOrders, OrderDesk } from "./contract";

/**
 * How far along its life a status is. A view's list can lag behind what the add-in already knows (a cancel
 * answered before its event arrives, any other order's event re-sending the whole list), so a status never moves
 * back to an earlier stage.
 */
const STAGE: Readonly<Record<OrderStatus, number>> = {
  placed: 0, other: 0, placementConfirmed: 1,
  modificationRequested: 2, cancelationRequested: 2, modificationRefused: 2, cancelationRefused: 2, modified: 2,
  partiallyExecuted: 3,
  executed: 4, expired: 4, canceled: 4, refused: 4, remainderCanceled: 4, remainderExpired: 4, remainderExecuted: 4,
};

/**
 * Follows the statuses of some orders from the desk's live open orders (the order events), one view per account,
 * until disposed. `onStatus` hears of each order whose status changed.
 */
export class OrderStatusFollower {
  private readonly views = new Map<string, { view: OpenOrders; stop: () => void }>();
  private readonly known = new Map<number, OrderStatus>();

  constructor(private readonly desk: OrderDesk, private readonly onStatus: (changes: ReadonlyMap<number, OrderStatus>) => void) {}

  follow(accountNumber: string, orderNumber: number, status: OrderStatus): void {
    this.known.set(orderNumber, status);
    let entry = this.views.get(accountNumber);
    if (!entry) {
      const view = this.desk.openOrders(accountNumber);
      entry = { view, stop: view.onChange((orders) => this.apply(orders)) };
      this.views.set(accountNumber, entry);
    }
    this.apply(entry.view.current());
  }

  dispose(): void {
    for (const { view, stop } of this.views.values()) {
      stop();
      view.dispose();
    }
    this.views.clear();
  }

  private apply(orders: readonly OrderModel[]): void {
    const changes = new Map<number, OrderStatus>();
    for (const order of orders) {
      const before = this.known.get(order.number);
      if (before === undefined || order.lastStatus === undefined || before === order.lastStatus || STAGE[order.lastStatus] < STAGE[before]) continue;
      this.known.set(order.number, order.lastStatus);
      changes.set(order.number, order.lastStatus);
    }
    if (changes.size > 0) this.onStatus(changes);
  }
}
