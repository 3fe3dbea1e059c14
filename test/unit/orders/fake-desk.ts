import { BinckError } from "../../../src/core/errors";
import type { RequestBudget } from "../../../src/core/rest/request-budget";
import type { ChangeOutcome, CheckedOrder, OpenOrders, OrderDesk, OrderFields, OrderPreview, PlacementOutcome } from "../../../src/core/orders/contract";
import type { InstrumentModel, OrderModel, OrderStatus } from "../../../src/core/wire/models";
import type { OrderEventMessage, OrderEventName } from "../../../src/core/wire/realtime";

/** An instrument of the fake desk: its price, currency and the warnings its preview gives. */
export interface FakeInstrument {
  price: number;
  currency?: string;
  warningsToBeConfirmed?: string[];
  warningsToBeShown?: string[];
  canBeRegistered?: boolean;
  costsInEuro?: number;
}

/**
 * An OrderDesk over a table of instruments: previews cost 2 requests and placements 1, each through a real
 * RequestBudget, so the batch's time left is read from real figures. It is also the feed's order events, which a
 * test sends with `setStatus`.
 */
export class FakeDesk implements OrderDesk {
  readonly placed: Array<{ referenceId: string; acceptedWarnings: readonly string[] }> = [];
  readonly open = new Map<string, OrderModel[]>();
  readonly listeners = new Set<(orders: readonly OrderModel[]) => void>();
  readonly eventListeners = new Set<(event: OrderEventName, order: OrderEventMessage) => void>();
  /** Outcomes to give instead of "placed", by row quantity (a test's way of picking a row). */
  readonly outcomes = new Map<number, (order: CheckedOrder) => PlacementOutcome>();
  private nextNumber = 5001;
  private nextReference = 1;
  readonly journal = { entries: () => [], onChange: () => () => undefined };

  constructor(private readonly budget: RequestBudget, private readonly instruments: Record<string, FakeInstrument>) {}

  async permission() {
    return { allowed: true as const };
  }

  async check(fields: OrderFields) {
    const known = fields.instrument !== undefined ? this.instruments[fields.instrument] : undefined;
    if (!known) {
      return { ok: false as const, problems: [{ field: "instrument" as const, code: "instrumentUnknown" as const, params: {}, message: `instrument '${fields.instrument ?? ""}' is not known.` }] };
    }
    const instrument = { id: fields.instrument, name: fields.instrument, currency: known.currency ?? "EUR" } as InstrumentModel;
    const order: CheckedOrder = { referenceId: `ref-${this.nextReference++}`, accountNumber: fields.accountNumber ?? "190126781", instrument, side: fields.side === "sell" ? "sell" : "buy", quantity: Number(fields.quantity), type: "market", duration: "day" };
    return { ok: true as const, order };
  }

  async preview(order: CheckedOrder): Promise<OrderPreview> {
    const known = this.instruments[order.instrument.id];
    await this.budget.run(async () => undefined, { priority: "userAction" });
    await this.budget.run(async () => undefined, { priority: "userAction" });
    const warningsToBeConfirmed = known.warningsToBeConfirmed ?? [];
    const warningsToBeShown = known.warningsToBeShown ?? [];
    const canBeRegistered = known.canBeRegistered ?? true;
    return {
      order, canBeRegistered, warningsToBeShown, warningsToBeConfirmed, validationCode: "v",
      costs: { categories: [], totalInEuro: known.costsInEuro ?? 1 }, kids: [],
      estimatedValue: order.quantity * known.price, currency: order.instrument.currency,
      raw: { orderCanBeRegistered: canBeRegistered, warningsToBeShown, warningsToBeConfirmed },
    };
  }

  async place(preview: OrderPreview, acceptedWarnings: readonly string[]): Promise<PlacementOutcome> {
    if (!preview.warningsToBeConfirmed.every((warning) => acceptedWarnings.includes(warning))) {
      throw new BinckError("invalidInput", "Accept every warning first.", "warnings not accepted");
    }
    return this.budget.run(async () => {
      this.placed.push({ referenceId: preview.order.referenceId, acceptedWarnings });
      const special = this.outcomes.get(preview.order.quantity);
      if (special) return special(preview.order);
      const orderNumber = this.nextNumber++;
      const list = this.open.get(preview.order.accountNumber) ?? [];
      list.push({ number: orderNumber, lastStatus: "placed", quantity: preview.order.quantity } as OrderModel);
      this.open.set(preview.order.accountNumber, list);
      return { kind: "placed" as const, orderNumber, referenceId: preview.order.referenceId, recovered: false };
    }, { priority: "userAction" });
  }

  /** An order event from the feed (the runs follow statuses from these; the events say completelyExecuted). */
  setStatus(accountNumber: string, orderNumber: number, status: OrderStatus | "completelyExecuted"): void {
    for (const listener of this.eventListeners) listener("OrderStatus", { accountNumber, number: orderNumber, instrument: { id: "x" }, status, dt: "2026-01-05T09:00:00Z" });
  }

  watchOrders(listener: (event: OrderEventName, order: OrderEventMessage) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  openOrders(accountNumber: string): OpenOrders {
    return {
      current: () => this.open.get(accountNumber) ?? [],
      onChange: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      dispose: () => undefined,
    };
  }

  async previewModify(): Promise<never> {
    throw new Error("not used");
  }
  async modify(): Promise<never> {
    throw new Error("not used");
  }
  async cancel(_account: string, orderNumber: number): Promise<ChangeOutcome> {
    return { kind: "done", orderNumber };
  }
  async kidDocument(): Promise<never> {
    throw new Error("not used");
  }
}
