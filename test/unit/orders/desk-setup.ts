import { ManualClock } from "../../../src/core/clock";
import type { LogLevel } from "../../../src/core/log";
import { createOrderDesk, type OrderDeskPolicy } from "../../../src/core/orders/order-desk";
import type { SessionState } from "../../../src/core/session/session-manager";
import { MemoryStorage } from "../../../src/core/session/storage";
import type { OrderEventMessage, OrderEventName } from "../../../src/core/wire/realtime";
import { ACCOUNT, FakeOrderApi, RESOLUTIONS } from "./fake-order-api";

/** Monday 2026-01-05 10:00 UTC. */
export const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
export const SIGNED_IN: SessionState = { status: "signedIn", realm: "bincknlapi", scope: "read write", readOnly: false, expiresAtMs: T0 + 3_600_000 };

/** Order events pushed by hand. */
export class OrderEvents {
  private readonly listeners = new Set<(event: OrderEventName, order: OrderEventMessage) => void>();
  watchOrders(listener: (event: OrderEventName, order: OrderEventMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: OrderEventName, message: Partial<OrderEventMessage> & { number: number; status: string }): void {
    const full: OrderEventMessage = { accountNumber: ACCOUNT, instrument: { id: "iNg01" }, dt: "2026-01-05T10:00:01Z", ...message };
    for (const listener of [...this.listeners]) listener(event, full);
  }
}

export function deskWorld(options: { session?: SessionState; storage?: MemoryStorage; defaultAccount?: string; policy?: Partial<OrderDeskPolicy>; startMs?: number } = {}) {
  const clock = new ManualClock(options.startMs ?? T0);
  const api = new FakeOrderApi();
  const storage = options.storage ?? new MemoryStorage();
  const feed = new OrderEvents();
  const logs: { level: LogLevel; message: string }[] = [];
  let session = options.session ?? SIGNED_IN;
  let nextByte = 0;
  const desk = createOrderDesk({
    api,
    resolver: { explain: async (argument) => RESOLUTIONS[argument.trim().toUpperCase()] ?? { kind: "unknown", endUserMessage: `No instrument has the symbol ${argument}.`, developerMessage: "" } },
    session: { current: () => session, onChange: () => () => undefined },
    feed,
    storage,
    workbookKey: "url:https://example.test/Book1.xlsx",
    clock,
    logger: { log: (level, message) => logs.push({ level, message }) },
    defaultAccount: options.defaultAccount === undefined ? undefined : () => options.defaultAccount,
    randomBytes: (count) => Uint8Array.from({ length: count }, () => nextByte++),
    policy: options.policy,
  });
  return { clock, api, storage, feed, desk, logs, setSession: (state: SessionState) => (session = state) };
}

/** Lets every settled promise's callbacks run (the fakes answer at once). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
