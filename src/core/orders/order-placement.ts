import type { Clock, TimerHandle } from "../clock";
import { BinckError, isBinckError } from "../errors";
import type { Logger } from "../log";
import type { OrderApi } from "../rest/order-requests";
import type { OrderModel } from "../wire/models";
import type { OrderPreview, PlacementOutcome } from "./contract";
import { newOrderBody } from "./new-order-body";
import type { StoredJournal } from "./order-journal";

export interface PlacementPolicy {
  /** A placement not answered within this is treated as a lost answer: the order is looked for, never sent again. */
  answerTimeoutMs: number;
}

export const DEFAULT_PLACEMENT_POLICY: PlacementPolicy = { answerTimeoutMs: 30_000 };

export interface PlacementDeps {
  api: Pick<OrderApi, "registerOrder" | "getOrders" | "getHistoricalOrders">;
  journal: StoredJournal;
  clock: Clock;
  logger: Logger;
  policy: PlacementPolicy;
  /** Told of every order placed (the open-orders views take it before its event's details would arrive). */
  onPlaced?(accountNumber: string, orders: readonly OrderModel[]): void;
}

const TIMED_OUT = Symbol("timedOut");

/**
 * "Never a duplicate" (issue 9 §3): at most one placement per referenceId. A second or concurrent call gets the
 * first call's promise; a referenceId the journal already shows as placing or unknown (a runtime closed half-way)
 * is looked for, not sent. When an answer is lost (network failure, timeout, 5xx), the order is looked for by its
 * referenceId in today's orders, then the month's history, before anything else; not found is "unknown", and
 * never retried automatically.
 */
export class OrderPlacement {
  private readonly placements = new Map<string, Promise<PlacementOutcome>>();

  constructor(private readonly deps: PlacementDeps) {}

  /** The placement of this referenceId, when one was started in this runtime. */
  existing(referenceId: string): Promise<PlacementOutcome> | undefined {
    return this.placements.get(referenceId);
  }

  place(preview: OrderPreview, acceptedWarnings: readonly string[]): Promise<PlacementOutcome> {
    const { referenceId } = preview.order;
    const existing = this.placements.get(referenceId);
    if (existing) return existing;
    const missing = preview.warningsToBeConfirmed.filter((warning) => !acceptedWarnings.includes(warning));
    if (missing.length > 0) {
      return Promise.reject(new BinckError("invalidInput", `Accept every warning before placing the order: ${missing.join(" ")}`,
        `place(${referenceId}) refused before sending: ${missing.length} of ${preview.warningsToBeConfirmed.length} warningsToBeConfirmed not accepted.`));
    }
    if (!preview.canBeRegistered || preview.validationCode === undefined) {
      const reasons = preview.warningsToBeShown.join(" ") || "Binck's preview did not allow it.";
      return Promise.reject(new BinckError("invalidInput", `This order cannot be placed: ${reasons}`, `place(${referenceId}) refused before sending: the preview says orderCanBeRegistered false.`));
    }
    const placement = this.run(preview);
    this.placements.set(referenceId, placement);
    return placement;
  }

  private async run(preview: OrderPreview): Promise<PlacementOutcome> {
    const { order } = preview;
    const { journal, api } = this.deps;
    await journal.ready;
    const earlier = journal.find(order.referenceId);
    if (earlier?.result === "placed" && earlier.orderNumber !== undefined) {
      return { kind: "placed", orderNumber: earlier.orderNumber, referenceId: order.referenceId, recovered: false };
    }
    if (earlier?.result === "refused") {
      return { kind: "refused", referenceId: order.referenceId, error: new BinckError("api", earlier.message ?? "Binck refused this order.", `Order ${order.referenceId} was refused before.`) };
    }
    if (earlier) return this.recover(preview, new BinckError("network", "The answer to this order was lost.", `Order ${order.referenceId} was being placed by an earlier runtime.`));

    // Written before the request leaves: a runtime closed half-way leaves "placing" behind, never nothing.
    await journal.record({
      time: this.deps.clock.now(), accountNumber: order.accountNumber, instrumentName: order.instrument.name, instrumentId: order.instrument.id,
      side: order.side, quantity: order.quantity, type: order.type, referenceId: order.referenceId, result: "placing",
      ...(order.limitPrice !== undefined ? { limitPrice: order.limitPrice } : {}),
    });
    // The timeout runs from the moment the request leaves, not while it waits for its turn in the budget.
    let leftAt: (() => void) | undefined;
    const left = new Promise<void>((resolve) => (leftAt = resolve));
    const sent = api.registerOrder(order.accountNumber, newOrderBody(order, preview.validationCode), () => leftAt?.());
    let answer: OrderModel[] | typeof TIMED_OUT;
    try {
      answer = await this.withinTimeout(sent, left);
    } catch (error) {
      if (isRefusal(error)) {
        await journal.settle(order.referenceId, { result: "refused", message: error.endUserMessage });
        return { kind: "refused", referenceId: order.referenceId, error };
      }
      this.deps.logger.log("warn", `The answer to order ${order.referenceId} was lost (${describe(error)}); looking for it before anything else.`);
      return this.recover(preview, lostError(error));
    }
    if (answer === TIMED_OUT) {
      // The late answer, if it comes, still completes the journal.
      sent.then((orders) => this.placed(order.accountNumber, order.referenceId, orders), () => undefined);
      return this.recover(preview, new BinckError("network", "Binck did not answer the order in time.", `POST orders for ${order.referenceId}: no answer within ${this.deps.policy.answerTimeoutMs} ms.`));
    }
    const number = await this.placed(order.accountNumber, order.referenceId, answer);
    if (number === undefined) return this.recover(preview, new BinckError("api", "Binck's answer did not name the order.", `POST orders for ${order.referenceId}: 2xx without an order.`));
    return { kind: "placed", orderNumber: number, referenceId: order.referenceId, recovered: false };
  }

  private async placed(accountNumber: string, referenceId: string, orders: readonly OrderModel[]): Promise<number | undefined> {
    const number = orders[0]?.number;
    if (number === undefined) return undefined;
    this.deps.onPlaced?.(accountNumber, orders);
    await this.deps.journal.settle(referenceId, { result: "placed", orderNumber: number });
    return number;
  }

  /** Today's orders, then the month's history, by referenceId. */
  private async recover(preview: OrderPreview, lost: BinckError): Promise<PlacementOutcome> {
    const { order } = preview;
    const { api, journal, clock } = this.deps;
    try {
      let found = (await api.getOrders(order.accountNumber, { status: "all", includeStatusHistory: false })).find((candidate) => candidate.referenceId === order.referenceId);
      // The month it was sent in, and this month when a month ended since (history is per calendar month, UTC).
      const months = [...new Set([journal.find(order.referenceId)?.time ?? clock.now(), clock.now()].map((ms) => new Date(ms).toISOString().slice(0, 7)))];
      for (const month of months) {
        if (found) break;
        const [year, monthNumber] = month.split("-").map(Number);
        found = (await api.getHistoricalOrders(order.accountNumber, year, monthNumber)).find((candidate) => candidate.referenceId === order.referenceId);
      }
      if (found) {
        this.deps.onPlaced?.(order.accountNumber, [found]);
        await journal.settle(order.referenceId, { result: "placed", orderNumber: found.number, message: "Found after its answer was lost." });
        return { kind: "placed", orderNumber: found.number, referenceId: order.referenceId, recovered: true };
      }
    } catch (error) {
      this.deps.logger.log("warn", `Looking for order ${order.referenceId} failed: ${describe(error)}`);
    }
    const message = "The order's answer was lost and it was not found among your orders. Check your open orders before placing it again.";
    await journal.settle(order.referenceId, { result: "unknown", message });
    return { kind: "unknown", referenceId: order.referenceId, error: new BinckError(lost.code, message, lost.developerMessage, lost.status, { cause: lost }) };
  }

  private withinTimeout<T>(promise: Promise<T>, started: Promise<void>): Promise<T | typeof TIMED_OUT> {
    const { clock, policy } = this.deps;
    return new Promise((resolve, reject) => {
      let timer: TimerHandle | undefined;
      let settled = false;
      void started.then(() => {
        if (!settled) timer = clock.setTimeout(() => resolve(TIMED_OUT), policy.answerTimeoutMs);
      });
      const done = () => {
        settled = true;
        if (timer) clock.clearTimeout(timer);
      };
      promise.then((value) => {
        done();
        resolve(value);
      }, (error: unknown) => {
        done();
        reject(error);
      });
    });
  }
}

/** Binck answered and refused (4xx, maintenance, signed out): nothing was placed. Anything else may have been. */
function isRefusal(error: unknown): error is BinckError {
  if (!isBinckError(error) || error.code === "network") return false;
  return error.status === undefined ? error.code === "signInRequired" || error.code === "invalidInput" : error.status < 500 || error.status === 503;
}

function lostError(error: unknown): BinckError {
  if (isBinckError(error)) return error;
  return new BinckError("network", "The answer to this order was lost.", `POST orders failed: ${describe(error)}`, undefined, { cause: error });
}

function describe(error: unknown): string {
  return isBinckError(error) ? error.developerMessage : String(error);
}
