import type { OrderEventName } from "../wire/realtime";
import type { AccountDataKind } from "./lifetimes";

/**
 * What each order event changes (API.md 5.3, 5.6): an execution moves positions, cash and the transaction list;
 * every order event changes the order list.
 */
export const INVALIDATED_BY: Readonly<Record<OrderEventName, readonly AccountDataKind[]>> = {
  OrderStatus: ["orders"],
  OrderModified: ["orders"],
  OrderExecution: ["orders", "positions", "balances", "transactions"],
};
