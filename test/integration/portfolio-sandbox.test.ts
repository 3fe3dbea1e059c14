import type { HubConnection } from "@microsoft/signalr";
import { ManualClock } from "../../src/core/clock";
import { AvailabilityMonitor } from "../../src/core/connection/availability-monitor";
import { ConnectionStatus } from "../../src/core/connection/connection-status";
import { versionProbe } from "../../src/core/connection/version-probe";
import type { WatchUpdate } from "../../src/core/portfolio/data-watch";
import { Portfolio } from "../../src/core/portfolio/portfolio";
import type { OrderEventSource } from "../../src/core/portfolio/sources";
import { BinckRestClient } from "../../src/core/rest/client";
import { RequestBudget } from "../../src/core/rest/request-budget";
import type { TokenSource } from "../../src/core/session/token-source";
import type { BalanceModel, PositionModel } from "../../src/core/wire/models";
import { HubEvent, type OrderEventName, type OrderEventMessage } from "../../src/core/wire/realtime";
import { FakeMarket } from "../fakes/fake-market";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { connectHub } from "./realtime-helpers";

const SMITH = "190300007";
const ING = "iNg01";
const INVALIDATION_DELAY_MS = 250;

function tokenSource(accessToken: string): TokenSource {
  return { getAccessToken: () => accessToken, renewAfterRejection: async () => false, noteActivity: () => undefined, onTokenRefreshed: () => () => undefined };
}

/** The order events of the official SignalR client, as the add-in's feed hands them on (src/core/stream). */
function hubOrderEvents(hub: HubConnection, seen: (name: OrderEventName) => void): OrderEventSource {
  return {
    watchOrders(listener) {
      const names = [HubEvent.OrderStatus, HubEvent.OrderModified, HubEvent.OrderExecution] as const;
      const handlers = names.map((name) => (order: OrderEventMessage) => {
        listener(name, order);
        seen(name);
      });
      names.forEach((name, i) => hub.on(name, handlers[i]));
      return () => names.forEach((name, i) => hub.off(name, handlers[i]));
    },
  };
}

/** Everything a watcher was told, and a way to wait for an update that passes a test. */
class Updates<T> {
  readonly all: WatchUpdate<T>[] = [];
  private waiters: { test: (update: WatchUpdate<T>) => boolean; resolve: (update: WatchUpdate<T>) => void }[] = [];
  readonly listener = (update: WatchUpdate<T>) => {
    this.all.push(update);
    this.waiters = this.waiters.filter((waiter) => !(waiter.test(update) && (waiter.resolve(update), true)));
  };
  next(test: (update: WatchUpdate<T>) => boolean): Promise<WatchUpdate<T>> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

describe("Portfolio against the sandbox", () => {
  const clock = new ManualClock();
  let sandbox: TestSandbox;
  let hub: HubConnection;
  let portfolio: Portfolio;
  let connection: ConnectionStatus;
  let monitor: AvailabilityMonitor;
  let token: string;
  const eventNames: OrderEventName[] = [];

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clock, market: new FakeMarket(() => clock.now()) });
    token = (await sandbox.signIn("smith")).access_token;
    hub = await connectHub(sandbox, token);
    expect(await hub.invoke("SubscribeOrders", SMITH)).toEqual({ isSucceeded: true });
    const budget = new RequestBudget(clock);
    connection = new ConnectionStatus({ clock });
    const apiBase = `${sandbox.urls.api}/api/v1`;
    const rest = new BinckRestClient(apiBase, tokenSource(token), undefined, connection, budget);
    monitor = new AvailabilityMonitor({ connection, probe: versionProbe(apiBase), clock, intervalMs: 3_000 });
    const orderEvents = hubOrderEvents(hub, (name) => eventNames.push(name));
    portfolio = new Portfolio({ rest, budget, clock, orderEvents, back: monitor, invalidationDelayMs: INVALIDATION_DELAY_MS });
  });
  afterAll(async () => {
    portfolio.dispose();
    monitor.dispose();
    await hub.stop();
    await sandbox.close();
  });

  it("shows the new position and cash after a market order fills: the OrderExecution from the hub invalidates them", async () => {
    const positions = new Updates<PositionModel[]>();
    const balances = new Updates<{ balances?: BalanceModel[] }>();
    const first = positions.next(() => true);
    const firstBalance = balances.next(() => true);
    portfolio.watchPositions(SMITH, positions.listener);
    portfolio.watchBalances(SMITH, balances.listener);
    expect(await first).toEqual({ ok: true, value: [], fetchedAtMs: clock.now() });
    const cashBefore = (await firstBalance as { ok: true; value: { balances?: BalanceModel[] } }).value.balances![0].cashBalance;

    const order = { type: "market", quantity: 20, duration: "day", cash: { side: "buy", instrumentId: ING } };
    const preview = await (await sandbox.api(`/api/v1/accounts/${SMITH}/orders/preview`, { method: "POST", token: token, body: JSON.stringify(order) })).json();
    const placed = await sandbox.api(`/api/v1/accounts/${SMITH}/orders`, { method: "POST", token: token, body: JSON.stringify({ ...order, validationCode: preview.previewOrder.validationCode }) });
    expect(placed.status).toBe(201);
    await waitFor(() => eventNames.includes("OrderExecution"));

    const filled = positions.next((update) => update.ok && update.value.length > 0);
    const newCash = balances.next((update) => update.ok && update.value.balances![0].cashBalance !== cashBefore);
    clock.advance(INVALIDATION_DELAY_MS);
    const update = await filled;
    expect(update.ok && update.value.map((row) => [row.instrument.id, row.quantity])).toEqual([[ING, 20]]);
    expect(positions.all).toHaveLength(2);
    const cash = await newCash;
    expect(cash.ok && cash.value.balances![0].cashBalance).toBeLessThan(cashBefore);
  });

  it("tells watchers Binck's maintenance message in the middle of a session, and recovers by itself when maintenance ends", async () => {
    const orders = new Updates<unknown[]>();
    const first = orders.next(() => true);
    portfolio.watchOrders(SMITH, { status: "all" }, orders.listener);
    expect((await first).ok).toBe(true);

    await sandbox.control("maintenance", { on: true });
    const expected = await (await sandbox.api(`/api/v1/accounts/${SMITH}/orders`, { token: token })).json();
    const failed = orders.next((update) => !update.ok);
    const report = await portfolio.refreshAll();
    const failure = await failed;
    expect(failure.ok ? undefined : [failure.error.code, failure.error.endUserMessage]).toEqual(["maintenance", expected.EndUserMessage]);
    expect(report.refreshed.every((item) => item.error?.code === "maintenance")).toBe(true);
    expect(connection.current().api).toBe("maintenance");

    // Nothing is sent again until the monitor, asking GET /version every 3 s, sees Binck back.
    const sentDuringMaintenance = report.requests;
    await sandbox.control("maintenance", { on: false });
    const recovered = orders.next((update) => update.ok);
    clock.advance(3_000);
    const back = await recovered;
    expect(back.ok).toBe(true);
    expect(connection.current().api).toBe("online");
    expect(sentDuringMaintenance).toBe(3); // orders, positions, balances: once each
    expect(orders.all.map((update) => update.ok)).toEqual([true, false, true]);
  });

});

/** Waits until `condition` holds, checking after every turn of the event loop. */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
