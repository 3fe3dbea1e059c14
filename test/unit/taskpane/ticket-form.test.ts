import { emptyForm, formReducer, priceFieldsOf, toOrderFields, chosenFrom, type ChosenInstrument, type TicketForm } from "../../../src/taskpane/ticket/ticket-form";

const ASML: ChosenInstrument = { id: "Q1AB2", name: "ASML Holding", symbol: "ASML", isin: "NL0010273215", mic: "XAMS", currency: "EUR", priceDecimals: 2, tickSizes: [{ from: 0, size: 0.01 }, { from: 10, size: 0.05 }] };

function typed(...actions: Parameters<typeof formReducer>[1][]): TicketForm {
  return actions.reduce(formReducer, emptyForm("190126781"));
}

describe("the ticket's form state", () => {
  it("starts as a limit order for today on the given account, to buy", () => {
    expect(emptyForm("190126781")).toEqual({ accountNumber: "190126781", query: "", side: "buy", quantity: "", type: "limit", limitPrice: "", stopPrice: "", duration: "day", expirationDate: "" });
  });

  it("sends the chosen instrument's id, the typed text otherwise, trimmed", () => {
    expect(toOrderFields(typed({ kind: "query", text: " NL0010273215 " })).instrument).toBe("NL0010273215");
    const chosen = typed({ kind: "query", text: "asml" }, { kind: "choose", instrument: ASML });
    expect(chosen.query).toBe("ASML Holding");
    expect(toOrderFields(chosen).instrument).toBe("Q1AB2");
    // Typing again drops the choice: the text is what counts now.
    expect(formReducer(chosen, { kind: "query", text: "ING" }).instrument).toBeUndefined();
  });

  it("leaves out the prices and the date the order type and duration do not use", () => {
    const form = typed({ kind: "text", field: "limitPrice", value: "12.34" }, { kind: "text", field: "stopPrice", value: "11" },
      { kind: "text", field: "expirationDate", value: "2030-01-02" }, { kind: "text", field: "quantity", value: " 10 " });
    expect(toOrderFields(form)).toEqual({ accountNumber: "190126781", instrument: "", side: "buy", quantity: "10", type: "limit", duration: "day", limitPrice: "12.34" });
    const stopLimit = formReducer(formReducer(form, { kind: "type", type: "stopLimit" }), { kind: "duration", duration: "goodTillDate" });
    expect(toOrderFields(stopLimit)).toMatchObject({ limitPrice: "12.34", stopPrice: "11", expirationDate: "2030-01-02", type: "stopLimit", duration: "goodTillDate" });
    expect(toOrderFields(formReducer(form, { kind: "type", type: "market" }))).not.toHaveProperty("limitPrice");
    // Decimal commas as people in nl, fr and it type them; anything else goes to the desk as it is, to be refused there.
    const comma = typed({ kind: "text", field: "limitPrice", value: "12,34" }, { kind: "text", field: "quantity", value: "1.000,5" });
    expect(toOrderFields(comma)).toMatchObject({ limitPrice: "12.34", quantity: "1.000,5" });
    expect(priceFieldsOf("market")).toEqual({ limit: false, stop: false });
    expect(priceFieldsOf("stop")).toEqual({ limit: false, stop: true });
  });

  it("fills itself from a selected row, normalising spellings and keeping values it does not know", () => {
    const form = formReducer(emptyForm("190126781"), { kind: "fill", fields: { instrument: "ASML:XAMS", side: "Sell", quantity: 5, type: "stop limit", limitPrice: 600, stopPrice: 590, duration: "GOODTILLDATE", expirationDate: "2030-06-30" } });
    expect(form).toEqual({ accountNumber: "190126781", query: "ASML:XAMS", instrument: undefined, side: "sell", quantity: "5", type: "stopLimit", limitPrice: "600", stopPrice: "590", duration: "goodTillDate", expirationDate: "2030-06-30" });
    const odd = formReducer(emptyForm("1"), { kind: "fill", fields: { instrument: "X", side: "short", quantity: "ten", type: "iceberg", accountNumber: "999" } });
    expect(odd).toMatchObject({ accountNumber: "999", side: "short", quantity: "ten", type: "iceberg", duration: "day" });
    // Without a type: limit when a limit price is given, else market (the contract's defaults).
    expect(formReducer(emptyForm("1"), { kind: "fill", fields: { limitPrice: "1.5" } }).type).toBe("limit");
    expect(formReducer(emptyForm("1"), { kind: "fill", fields: { quantity: 1 } }).type).toBe("market");
  });

  it("clears quantity and prices for a new order but keeps account, instrument, side, type and duration", () => {
    const form = typed({ kind: "choose", instrument: ASML }, { kind: "side", side: "sell" }, { kind: "text", field: "quantity", value: "3" }, { kind: "text", field: "limitPrice", value: "600" });
    expect(formReducer(form, { kind: "clear" })).toEqual({ ...emptyForm("190126781"), query: "ASML Holding", instrument: ASML, side: "sell" });
  });

  it("takes the instrument the desk resolved, with its tick sizes", () => {
    const model = { id: "Q1AB2", name: "ASML Holding", symbol: "ASML", isincode: "NL0010273215", marketIdentificationCode: "XAMS", currency: "EUR", priceDecimals: 2,
      tickSizeCollection: { tickSizes: [{ from: 0, size: 0.01 }, { from: 10 }, { from: 10, size: 0.05 }] } } as Parameters<typeof chosenFrom>[0];
    expect(chosenFrom(model)).toEqual(ASML);
  });
});
