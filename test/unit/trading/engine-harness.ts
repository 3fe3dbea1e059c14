import { ManualClock } from "../../../src/core/clock";
import { SandboxEvents, type SandboxEventMap } from "../../../server/sandbox/events";
import { silentLogger } from "../../../server/sandbox/logger";
import { parseNewOrder } from "../../../server/sandbox/trading/order-request";
import { Trading, type TradingCaller } from "../../../server/sandbox/trading/trading";
import { allAccounts } from "../../../server/sandbox/seed/people";
import { FakeMarket } from "../../fakes/fake-market";

export const JANSEN = "190126781";
export const JANSEN_SAVINGS = "190126799";
export const SMITH = "190300007";
export const ING = "iNg01";

/** A Trading over a FakeMarket and a ManualClock (Monday 5 January 2026, 09:00 UTC), recording order events. */
export function tradingHarness() {
  const clock = new ManualClock();
  const market = new FakeMarket(() => clock.now());
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
