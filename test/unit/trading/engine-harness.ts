import { ManualClock } from "../../../src/core/clock";
import { SandboxEvents, type SandboxEventMap } from "../../../server/sandbox/events";
import { silentLogger } from "../../../server/shared/logger";
import { parseNewOrder } from "../../../server/sandbox/trading/order-request";
import { Trading, type TradingCaller } from "../../../server/sandbox/trading/trading";
import { allAccounts } from "../../../server/sandbox/seed/people";
import { FakeMarket } from "../../fakes/fake-market";
import { addOptions } from "./option-market";

export const JANSEN = "190126781";
export const JANSEN_SAVINGS = "190126799";
export const SMITH = "190300007";
export const ING = "iNg01";

/** A Trading over a FakeMarket with ING options and a ManualClock (Monday 5 January 2026, 09:00 UTC), recording order events. */
export function tradingHarness() {
  const clock = new ManualClock();
  const market = new FakeMarket(() => clock.now());
  addOptions(market);
  const events = new SandboxEvents();
  const trading = new Trading({ clock, market, events, logger: silentLogger });
  const received: Array<SandboxEventMap["order"]> = [];
  events.on("order", (event) => received.push(event));
  const caller = (accountNumber: string, language: TradingCaller["language"] = "en"): TradingCaller => {
    const account = allAccounts().find((candidate) => candidate.number === accountNumber)!;
    return { account, realm: account.realm, language };
  };
  /** Previews the order body and places it with the returned code. */
  const place = (accountNumber: string, body: Record<string, unknown>) => {
    const who = caller(accountNumber);
    const preview = trading.previewOrder(who, parseNewOrder(body));
    if (!preview.validationCode) throw new Error(`Preview refused: ${preview.warningsToBeShown.join(" ")}`);
    return trading.placeOrder(who, parseNewOrder({ ...body, validationCode: preview.validationCode }));
  };
  /** Event names and statuses, the part of each event that tests compare. */
  const eventLog = () => received.map((event) => `${event.name}:${event.message.status}`);
  return { clock, market, events, trading, received, caller, place, eventLog };
}

export function buy(instrumentId: string, quantity: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "market", quantity, duration: "day", cash: { side: "buy", instrumentId }, ...extra };
}

export function sell(instrumentId: string, quantity: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "market", quantity, duration: "day", cash: { side: "sell", instrumentId }, ...extra };
}

/** An option strategy body (API.md 3.5): leg1 and leg2 with their sides, the condition, a net limit price. */
export function strategy(leg1: [string, string], leg2: [string, string], condition: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "limit", quantity: 2, duration: "day",
    option: { condition, leg1: { side: leg1[0], instrumentId: leg1[1] }, leg2: { side: leg2[0], instrumentId: leg2[1] } },
    ...extra,
  };
}
