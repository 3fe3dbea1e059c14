import type { OrderEventName, OrderEventMessage } from "../wire/realtime";

/** The one thing the portfolio needs from the realtime feed (src/core/stream provides it): the order events. */
export interface OrderEventSource {
  watchOrders(listener: (event: OrderEventName, order: OrderEventMessage) => void): () => void;
}

/** "Binck answers again" after maintenance or an outage (the composition root wires AvailabilityMonitor.onBack). */
export interface BackSignal {
  onBack(listener: () => void): () => void;
}
