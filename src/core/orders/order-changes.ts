import type { Clock } from "../clock";
import { BinckError, isBinckError } from "../errors";
import type { OrderApi } from "../rest/order-requests";
import type { InstrumentModel, OrderModel } from "../wire/models";
import type { ChangeOutcome, JournalEntry, ModifyPreview, OrderKind } from "./contract";
import { checkPlainFields } from "./field-rules";
import type { StoredJournal } from "./order-journal";
import { checkTick } from "./tick-sizes";

export interface OrderChangesDeps {
  api: Pick<OrderApi, "previewModifyOrder" | "modifyOrder" | "cancelOrder" | "getOrder">;
  journal: StoredJournal;
  clock: Clock;
  /** Told of the order models a modification or cancellation answered with. */
  onChanged?(accountNumber: string, orders: readonly OrderModel[]): void;
  /** An order the open-orders views already hold (saves a GET). */
  findOrder?(accountNumber: string, orderNumber: number): OrderModel | undefined;
}

/**
 * Modifying an order's limit price (its own preview first, API.md 3.3 #17/#18: only the limit can change) and
 * cancelling one (#19: asynchronous, `canceled` follows as an event). Both go into the journal. Unlike a placement,
 * neither can duplicate anything, so a failure is simply a refusal the person may try again.
 */
export class OrderChanges {
  constructor(private readonly deps: OrderChangesDeps) {}

  async previewModify(accountNumber: string, orderNumber: number, limitPrice: number | string,
    instrumentWithTicks: (accountNumber: string, instrumentId: string) => Promise<InstrumentModel>): Promise<ModifyPreview> {
    const { plain, problems } = checkPlainFields({ side: "buy", quantity: 1, type: "limit", limitPrice }, "0000-00-00");
    const problem = problems.find((candidate) => candidate.field === "limitPrice");
    if (problem || plain.limitPrice === undefined) throw new BinckError("invalidInput", problem?.message ?? "Limit price is required.", `previewModify(${orderNumber}) refused before sending: ${problem?.message}`);
    const order = await this.order(accountNumber, orderNumber);
    const instrument = await instrumentWithTicks(accountNumber, order.instrument.id);
    const tick = checkTick(instrument, plain.limitPrice);
    if (!tick.onTick) {
      const from = tick.from > 0 ? ` for prices from ${tick.from}` : "";
      const message = `Limit price ${plain.limitPrice} is not on the tick size ${tick.size}${from}: use ${tick.below} or ${tick.above}.`;
      throw new BinckError("invalidInput", message, `previewModify(${orderNumber}) refused before sending: ${message}`);
    }
    const raw = await this.deps.api.previewModifyOrder(accountNumber, { orderNumber, limitPrice: plain.limitPrice });
    return {
      accountNumber, orderNumber, limitPrice: plain.limitPrice,
      warningsToBeShown: raw.warningsToBeShown ?? [], warningsToBeConfirmed: raw.warningsToBeConfirmed ?? [],
      canBeRegistered: raw.orderCanBeRegistered,
      ...(raw.validationCode !== undefined ? { validationCode: raw.validationCode } : {}),
    };
  }

  async modify(preview: ModifyPreview, acceptedWarnings: readonly string[]): Promise<ChangeOutcome> {
    const missing = preview.warningsToBeConfirmed.filter((warning) => !acceptedWarnings.includes(warning));
    if (missing.length > 0) {
      throw new BinckError("invalidInput", `Accept every warning before changing the order: ${missing.join(" ")}`, `modify(${preview.orderNumber}) refused before sending: warnings not accepted.`);
    }
    if (!preview.canBeRegistered || preview.validationCode === undefined) {
      throw new BinckError("invalidInput", `This change cannot be made: ${preview.warningsToBeShown.join(" ") || "Binck's preview did not allow it."}`,
        `modify(${preview.orderNumber}) refused before sending: orderCanBeRegistered false.`);
    }
    const { accountNumber, orderNumber, limitPrice, validationCode } = preview;
    return this.change(accountNumber, orderNumber, "modified", () => this.deps.api.modifyOrder(accountNumber, { orderNumber, limitPrice, validationCode }));
  }

  cancel(accountNumber: string, orderNumber: number): Promise<ChangeOutcome> {
    return this.change(accountNumber, orderNumber, "cancelled", () => this.deps.api.cancelOrder(accountNumber, orderNumber));
  }

  private async change(accountNumber: string, orderNumber: number, result: "modified" | "cancelled", send: () => Promise<OrderModel[]>): Promise<ChangeOutcome> {
    try {
      const orders = await send();
      this.deps.onChanged?.(accountNumber, orders);
      const order = orders[0] ?? this.deps.findOrder?.(accountNumber, orderNumber);
      await this.deps.journal.record(entryOf(accountNumber, orderNumber, order, result, this.deps.clock.now()));
      return { kind: "done", orderNumber };
    } catch (error) {
      if (!isBinckError(error)) throw error;
      return { kind: "refused", orderNumber, error };
    }
  }

  private async order(accountNumber: string, orderNumber: number): Promise<OrderModel> {
    const known = this.deps.findOrder?.(accountNumber, orderNumber);
    if (known) return known;
    const [order] = await this.deps.api.getOrder(accountNumber, orderNumber);
    if (!order) throw new BinckError("api", `Order ${orderNumber} was not found.`, `GET orders/${orderNumber} answered without an order.`);
    return order;
  }
}

function entryOf(accountNumber: string, orderNumber: number, order: OrderModel | undefined, result: "modified" | "cancelled", time: number): JournalEntry {
  const type: OrderKind = order && order.type !== "allOrNone" ? order.type : "limit";
  return {
    time, accountNumber, instrumentName: order?.instrument.name ?? "", instrumentId: order?.instrument.id ?? "", side: order?.side ?? "buy",
    quantity: order?.quantity ?? 0, type, referenceId: order?.referenceId ?? `#${orderNumber}`, result, orderNumber,
    ...(order?.limitPrice !== undefined ? { limitPrice: order.limitPrice } : {}),
  };
}
