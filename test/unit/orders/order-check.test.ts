import type { DraftCheck, FieldProblem, OrderFields } from "../../../src/core/orders/contract";
import { ACCOUNT, ING_TICKS, SAVINGS } from "./fake-order-api";
import { deskWorld, T0 } from "./desk-setup";

const GOOD: OrderFields = { accountNumber: ACCOUNT, instrument: "INGA", side: "buy", quantity: 10 };

async function problemsOf(fields: OrderFields, defaultAccount?: string): Promise<[string, string, string][]> {
  const { desk, api } = deskWorld({ defaultAccount });
  const check = await desk.check(fields);
  expect(api.orderCalls()).toEqual([]);
  if (check.ok) throw new Error(`expected problems, got ${JSON.stringify(check.order)}`);
  return check.problems.map((problem: FieldProblem) => [problem.field, problem.code, problem.message]);
}

function orderOf(check: DraftCheck) {
  if (!check.ok) throw new Error(check.problems.map((problem) => problem.message).join(" | "));
  return check.order;
}

describe("Checking a draft order: every problem of every field at once, and nothing sent", () => {
  it("turns valid text into a CheckedOrder: case and spelling of the values, the type from the limit, an Excel date, a fresh referenceId", async () => {
    const { desk, api } = deskWorld();
    const order = orderOf(await desk.check({ accountNumber: ` ${ACCOUNT} `, instrument: "inga", side: "Buy", quantity: "10", limitPrice: "12.345", duration: "GTD", expirationDate: 46030 }));
    expect(order).toEqual({
      referenceId: `xl-${T0.toString(36)}-0123456789ab`, accountNumber: ACCOUNT, instrument: ING_TICKS, side: "buy", quantity: 10, type: "limit", limitPrice: 12.345,
      duration: "goodTillDate", expirationDate: "2026-01-08",
    });
    expect(api.calls.map((call) => call.op)).toEqual(["getAccounts", "getInstruments"]);
    expect(api.calls[1].args).toEqual([ACCOUNT, [ING_TICKS.id]]);
    const second = orderOf(await desk.check({ ...GOOD, type: "stop-limit", limitPrice: 12.34, stopPrice: "12.5", duration: "good till cancelled" }));
    expect(second).toMatchObject({ type: "stopLimit", limitPrice: 12.34, stopPrice: 12.5, duration: "goodTillCancelled" });
    expect(second.referenceId).not.toBe(order.referenceId);
    // Accounts and tick sizes are read once.
    expect(api.calls.map((call) => call.op)).toEqual(["getAccounts", "getInstruments"]);
  });

  it("defaults: a market order for the day on the taskpane's account", async () => {
    const { desk } = deskWorld({ defaultAccount: ACCOUNT });
    expect(orderOf(await desk.check({ instrument: "INGA", side: "sell", quantity: 1 }))).toMatchObject({ accountNumber: ACCOUNT, type: "market", duration: "day" });
  });

  it("names every missing field", async () => {
    expect(await problemsOf({})).toEqual([
      ["side", "required", "Side is required."],
      ["quantity", "required", "Quantity is required."],
      ["accountNumber", "required", "Account is required."],
      ["instrument", "required", "Instrument is required."],
    ]);
  });

  it("names every bad value at once, with the value and the rule", async () => {
    expect(await problemsOf({
      accountNumber: "123", instrument: "NOPE", side: "hold", quantity: "ten", type: "fancy", limitPrice: "-1", stopPrice: "2000000", duration: "forever", expirationDate: "2026-02-30",
    })).toEqual([
      ["side", "unknownValue", "Side 'hold' is not one of buy, sell."],
      ["quantity", "notANumber", "Quantity 'ten' is not a number (digits with a dot for decimals, e.g. 12.5)."],
      ["type", "unknownValue", "Order type 'fancy' is not one of market, limit, stop, stopLimit."],
      ["limitPrice", "notPositive", "Limit price -1 is not above 0."],
      ["stopPrice", "tooLarge", "Stop price 2000000 is above the maximum of 1000000."],
      ["duration", "unknownValue", "Duration 'forever' is not one of day, goodTillDate, goodTillCancelled."],
      ["expirationDate", "dateNotADate", "Expiration date '2026-02-30' is not a day of the calendar: give yyyy-mm-dd or an Excel date."],
      ["accountNumber", "accountUnknown", "Account '123' is not one of your accounts (190300007, 190126799)."],
      ["instrument", "instrumentUnknown", "No instrument has the symbol NOPE."],
    ]);
  });

  it("quantity: a whole number from 1 to 1,000,000", async () => {
    expect(await problemsOf({ ...GOOD, quantity: 2.5 })).toEqual([["quantity", "notWhole", "Quantity 2.5 is not a whole number."]]);
    expect(await problemsOf({ ...GOOD, quantity: "0" })).toEqual([["quantity", "notPositive", "Quantity 0 is not above 0."]]);
    expect(await problemsOf({ ...GOOD, quantity: 1_000_001 })).toEqual([["quantity", "tooLarge", "Quantity 1000001 is above the maximum of 1000000."]]);
    expect(await problemsOf({ ...GOOD, quantity: "1,000" })).toEqual([["quantity", "notANumber", "Quantity '1,000' is not a number (digits with a dot for decimals, e.g. 12.5)."]]);
    expect(await problemsOf({ ...GOOD, quantity: Number.NaN })).toEqual([["quantity", "notANumber", "Quantity NaN is not a number."]]);
  });

  it("limit and stop prices only for their types, and required by them", async () => {
    expect(await problemsOf({ ...GOOD, type: "market", limitPrice: 12.34, stopPrice: 12 })).toEqual([
      ["limitPrice", "notAllowedForType", "Limit price is not allowed for a market order."],
      ["stopPrice", "notAllowedForType", "Stop price is not allowed for a market order."],
    ]);
    expect(await problemsOf({ ...GOOD, type: "limit", stopPrice: 12 })).toEqual([
      ["limitPrice", "required", "Limit price is required for a limit order."],
      ["stopPrice", "notAllowedForType", "Stop price is not allowed for a limit order."],
    ]);
    expect(await problemsOf({ ...GOOD, type: "stop", limitPrice: 12 })).toEqual([
      ["limitPrice", "notAllowedForType", "Limit price is not allowed for a stop order."],
      ["stopPrice", "required", "Stop price is required for a stop order."],
    ]);
    expect(await problemsOf({ ...GOOD, type: "stopLimit" })).toEqual([
      ["limitPrice", "required", "Limit price is required for a stopLimit order."],
      ["stopPrice", "required", "Stop price is required for a stopLimit order."],
    ]);
    expect(await problemsOf({ ...GOOD, limitPrice: "12,34" })).toEqual([["limitPrice", "notANumber", "Limit price '12,34' is not a number (digits with a dot for decimals, e.g. 12.5)."]]);
  });

  it("prices on the instrument's tick sizes, naming the nearest valid prices", async () => {
    const { desk } = deskWorld();
    const check = await desk.check({ ...GOOD, type: "stopLimit", limitPrice: "12.343", stopPrice: 0.12345 });
    expect(check).toEqual({ ok: false, problems: [
      { field: "limitPrice", code: "notOnTick", params: { value: 12.343, tickSize: 0.005, from: 10, below: 12.34, above: 12.345 }, message: "Limit price 12.343 is not on the tick size 0.005 for prices from 10: use 12.34 or 12.345." },
      { field: "stopPrice", code: "notOnTick", params: { value: 0.12345, tickSize: 0.0001, from: 0, below: 0.1234, above: 0.1235 }, message: "Stop price 0.12345 is not on the tick size 0.0001: use 0.1234 or 0.1235." },
    ] });
    expect(await problemsOf({ ...GOOD, limitPrice: 100.07 })).toEqual([["limitPrice", "notOnTick", "Limit price 100.07 is not on the tick size 0.05 for prices from 100: use 100.05 or 100.1."]]);
    expect(orderOf(await desk.check({ ...GOOD, limitPrice: 100.05 })).limitPrice).toBe(100.05);
    expect(orderOf(await desk.check({ ...GOOD, limitPrice: "0.1234" })).limitPrice).toBe(0.1234);
  });

  it("duration and expiration date: a date only with goodTillDate, not in the past, yyyy-mm-dd or an Excel serial", async () => {
    expect(await problemsOf({ ...GOOD, duration: "goodTillDate" })).toEqual([["expirationDate", "required", "Expiration date is required with duration goodTillDate."]]);
    expect(await problemsOf({ ...GOOD, duration: "day", expirationDate: "2026-02-01" })).toEqual([
      ["expirationDate", "dateNotAllowed", "Expiration date is only allowed with duration goodTillDate, not with day."],
    ]);
    expect(await problemsOf({ ...GOOD, duration: "gtd", expirationDate: "2026-01-04" })).toEqual([
      ["expirationDate", "dateInPast", "Expiration date 2026-01-04 is in the past (today is 2026-01-05)."],
    ]);
    expect(await problemsOf({ ...GOOD, duration: "gtd", expirationDate: 46026 })).toEqual([
      ["expirationDate", "dateInPast", "Expiration date 2026-01-04 is in the past (today is 2026-01-05)."],
    ]);
    expect(await problemsOf({ ...GOOD, duration: "gtd", expirationDate: "31-12-2026" })).toEqual([
      ["expirationDate", "dateNotADate", "Expiration date '31-12-2026' is not a date: give yyyy-mm-dd or an Excel date."],
    ]);
    const { desk } = deskWorld();
    expect(orderOf(await desk.check({ ...GOOD, duration: "gtd", expirationDate: "2026-01-05" })).expirationDate).toBe("2026-01-05");
    expect(orderOf(await desk.check({ ...GOOD, duration: "gtd", expirationDate: "46027.75" })).expirationDate).toBe("2026-01-05");
  });

  it("instrument unknown, ambiguous (naming the candidates) or not tradable; account unknown or unable to trade", async () => {
    expect(await problemsOf({ ...GOOD, instrument: "SHELL" })).toEqual([["instrument", "instrumentAmbiguous", "SHELL is ambiguous: Shell (XAMS), Shell (XLON) — use SHELL:XAMS."]]);
    expect(await problemsOf({ ...GOOD, instrument: "AEX" })).toEqual([["instrument", "instrumentNotTradable", "Instrument 'AEX' (AEX-index, index) cannot be traded."]]);
    expect(await problemsOf({ ...GOOD, accountNumber: SAVINGS })).toEqual([["accountNumber", "accountCannotTrade", "Account 190126799 (A. Jansen — Sparen) cannot trade in this session."]]);
  });
});
