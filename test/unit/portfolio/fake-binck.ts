import type { ManualClock } from "../../../src/core/clock";
import { BinckRestClient, type FetchLike } from "../../../src/core/rest/client";
import { RequestBudget, type RequestBudgetPolicy } from "../../../src/core/rest/request-budget";
import type { TokenSource } from "../../../src/core/session/token-source";
import type { OrderEventName, OrderEventMessage } from "../../../src/core/wire/realtime";
import type { BackSignal, OrderEventSource } from "../../../src/core/portfolio/sources";

const BASE = "https://api.test/api/v1";
const metadata = { version: "1", timestamp: "t" };

/**
 * A Binck over the fetch seam whose answers carry a version per path (1 for its first answer, 2 for the next…),
 * so a test sees which fetch it got. `state.maintenance` answers the guide's PascalCase 503, `state.signedOut` a
 * bare 401 (the test tokens cannot be renewed).
 */
export function fakeBinck() {
  const requests: string[] = [];
  const versions = new Map<string, number>();
  const state = { maintenance: false, signedOut: false };
  const fetchFn: FetchLike = async (url) => {
    const path = url.replace(BASE, "");
    requests.push(path);
    if (state.maintenance) {
      return new Response(JSON.stringify({ DeveloperMessage: "Temporary maintenance mode", EndUserMessage: "Binck is down for planned maintenance.", ErrorCode: "ServiceUnavailable", ErrorId: 503 }), { status: 503 });
    }
    if (state.signedOut) return new Response("", { status: 401, statusText: "Unauthorized" });
    const bare = path.split("?")[0];
    const version = (versions.get(bare) ?? 0) + 1;
    versions.set(bare, version);
    const account = /^\/accounts\/(\w+)/.exec(bare)?.[1];
    let body: unknown;
    if (bare === "/accounts") body = { accountsCollection: { accounts: [{ name: "A", number: "111", type: "binckComplete", isReadOnly: false }] }, metadata };
    else if (bare.endsWith("/balances")) body = { balancesCollection: { balances: [{ cashBalance: version }], currency: "EUR" }, metadata };
    else if (bare.endsWith("/positions")) body = { positionsCollection: { positions: [{ instrument: { id: `${account}`, name: "x" }, quantity: version }] }, count: 1, metadata };
    else if (bare.endsWith("/orders")) body = { ordersCollection: { orders: [{ number: version }] }, count: 1, metadata };
    else if (bare.endsWith("/transactions")) body = { transactionsCollection: { transactions: [{ number: version }] }, count: 1, metadata };
    else if (bare.endsWith("/history")) body = { historicalQuotesCollection: { historicalQuotes: [{ dateTime: "d", first: 1, high: 1, low: 1, last: version, cumVol: 1 }] }, metadata };
    else if (bare.startsWith("/instruments/")) body = { instrumentsCollection: { instruments: bare.slice(13).split(",").map((id) => ({ id, name: `${id} v${version}` })) }, count: 1, metadata };
    else return new Response("{}", { status: 404 });
    return new Response(JSON.stringify(body), { status: 200 });
  };
  return { requests, state, fetchFn };
}

export const tokens: TokenSource = {
  getAccessToken: () => "token",
  renewAfterRejection: async () => false,
  noteActivity: () => undefined,
  onTokenRefreshed: () => () => undefined,
};

export function restOn(fetchFn: FetchLike, clock: ManualClock, policy: Partial<RequestBudgetPolicy> = {}) {
  const budget = new RequestBudget(clock, policy);
  return { budget, rest: new BinckRestClient(BASE, tokens, fetchFn, undefined, budget) };
}

/** Order events fed by hand, as the realtime feed would deliver them. */
export class FakeOrderEvents implements OrderEventSource {
  private readonly listeners = new Set<(event: OrderEventName, order: OrderEventMessage) => void>();
  watchOrders(listener: (event: OrderEventName, order: OrderEventMessage) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
  emit(event: OrderEventName, accountNumber: string, status = "placed"): void {
    const order: OrderEventMessage = { accountNumber, number: 1, instrument: { id: "aSm1L" }, status, dt: "2026-01-05T09:02:10Z" };
    for (const listener of [...this.listeners]) listener(event, order);
  }
  get size(): number {
    return this.listeners.size;
  }
}

export class FakeBackSignal implements BackSignal {
  private readonly listeners = new Set<() => void>();
  onBack(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
  back(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** Lets settled promises run their callbacks (a fetch passes several awaits). */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
