import { formatCost, formatMoney, formatPrice, parseTypedNumber, tickHint, tickSizeAt } from "../../../src/taskpane/ticket/format";
import { TICKET_TEXTS } from "../../../src/taskpane/i18n/ticket-texts";

const TICKS = [{ from: 10, size: 0.05 }, { from: 0, size: 0.01 }, { from: 100, size: 0.1 }];
const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("the ticket's formatting", () => {
  it("finds the tick size band of a price", () => {
    expect(tickSizeAt(TICKS, 9.99)).toEqual({ from: 0, size: 0.01 });
    expect(tickSizeAt(TICKS, 10)).toEqual({ from: 10, size: 0.05 });
    expect(tickSizeAt(TICKS, 250)).toEqual({ from: 100, size: 0.1 });
    expect(tickSizeAt([{ from: 1, size: 0.1 }], 0.5)).toBeUndefined();
  });

  it("hints the tick size of the typed price, or every band, in the person's language", () => {
    expect(tickHint(TICKS, 12.3, "en", TICKET_TEXTS.en.tickHint)).toBe("tick 0.05 from 10");
    expect(tickHint(TICKS, 12.3, "nl", TICKET_TEXTS.nl.tickHint)).toBe("stapgrootte 0,05 vanaf 10");
    expect(tickHint(TICKS, undefined, "en", TICKET_TEXTS.en.tickHint)).toBe("tick 0.01 from 0; tick 0.05 from 10; tick 0.1 from 100");
    expect(tickHint([], 5, "en", TICKET_TEXTS.en.tickHint)).toBeUndefined();
  });

  it("reads typed prices with a comma or a point, and nothing else", () => {
    expect(parseTypedNumber("12,34")).toBe(12.34);
    expect(parseTypedNumber(" 600 ")).toBe(600);
    expect(parseTypedNumber("1e3")).toBeUndefined();
    expect(parseTypedNumber("-1")).toBeUndefined();
    expect(parseTypedNumber("")).toBeUndefined();
  });

  it("formats prices, money and costs per language", () => {
    expect(formatPrice(1234.5, 2, "nl")).toBe("1.234,50");
    expect(formatPrice(undefined, 2, "en")).toBe("–");
    expect(nbsp(formatMoney(12.5, "EUR", "fr"))).toBe("12,50 €");
    expect(formatMoney(12.5, "USD", "en")).toBe("US$12.50");
    expect(nbsp(formatCost({ valueInEuro: 3.5, percentage: 0.125 }, "en"))).toBe("€3.50 · 0.125 %");
    expect(formatCost({}, "en")).toBe("–");
  });
});
