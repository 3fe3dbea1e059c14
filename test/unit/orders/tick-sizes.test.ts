import { checkTick, tickSizeAt } from "../../../src/core/orders/tick-sizes";
import { ING, ING_TICKS } from "./fake-order-api";

describe("Tick sizes", () => {
  it("takes the size of the last step at or below the price", () => {
    expect([0.5, 1, 4.9995, 5, 10, 49.99, 50, 100, 5000].map((price) => tickSizeAt(ING_TICKS, price))).toEqual([
      { from: 0, size: 0.0001 }, { from: 1, size: 0.0005 }, { from: 1, size: 0.0005 }, { from: 5, size: 0.001 }, { from: 10, size: 0.005 },
      { from: 10, size: 0.005 }, { from: 50, size: 0.01 }, { from: 100, size: 0.05 }, { from: 100, size: 0.05 },
    ]);
  });

  it("without a table, or below its first step, the finest price decimal", () => {
    expect(tickSizeAt(ING, 12)).toEqual({ from: 0, size: 0.0001 });
    expect(tickSizeAt({ ...ING, priceDecimals: 2, tickSizeCollection: { tickSizes: [{ from: 1, size: 0.05 }] } }, 0.5)).toEqual({ from: 0, size: 0.01 });
  });

  it("checks prices without floating-point noise and names the neighbours", () => {
    expect([12.345, 12.34, 0.1, 0.3, 100.1, 1000.05, 5.001].map((price) => checkTick(ING_TICKS, price).onTick)).toEqual([true, true, true, true, true, true, true]);
    expect(checkTick(ING_TICKS, 12.343)).toEqual({ onTick: false, size: 0.005, from: 10, below: 12.34, above: 12.345 });
    expect(checkTick(ING_TICKS, 100.07)).toEqual({ onTick: false, size: 0.05, from: 100, below: 100.05, above: 100.1 });
    expect(checkTick(ING_TICKS, 0.123456789)).toMatchObject({ onTick: false, below: 0.1234, above: 0.1235 });
    expect(checkTick(ING_TICKS, 59.999)).toEqual({ onTick: false, size: 0.01, from: 50, below: 59.99, above: 60 });
  });
});
