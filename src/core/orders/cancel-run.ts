import { isBinckError } from "../errors";
import type { OrderEventSource } from "../portfolio/sources";
import type { RequestBudgetFigures } from "../rest/request-budget-policy";
import type { OrderStatus } from "../wire/models";
import { secondsForRequests } from "./batch-time";
import type { BatchPhase, BatchProgress, BatchRowResult, BatchRun, BatchSummary, OrderDesk } from "./contract";
import { RunPhase } from "./run-phase";
import { OrderStatusFollower } from "./status-follower";

/** A selected row for "Cancel selected orders": its order, or why it has none. */
export interface CancelRow {
  index: number;
  accountNumber: string;
  orderNumber?: number;
  problem?: string;
}

/** A BatchRun that cancels orders; the taskpane words its summary as cancellations. */
export interface CancelBatchRun extends BatchRun {
  readonly action: "cancel";
}

export function isCancelRun(run: BatchRun): run is CancelBatchRun {
  return (run as Partial<CancelBatchRun>).action === "cancel";
}

/**
 * "Cancel selected orders": one confirmation for every selected order, then `desk.cancel` one by one (Stop leaves
 * the rest "skipped"); each row then follows its order's status from the order events until `dispose()`.
 */
export class OrderCancelRun implements CancelBatchRun {
  readonly action = "cancel" as const;
  readonly finished: Promise<BatchPhase>;
  private readonly state = new RunPhase("awaitingConfirmation");
  private readonly results: BatchRowResult[];
  private readonly summaryValue: BatchSummary;
  private done = 0;
  private stopRequested = false;
  private confirmation!: (go: boolean) => void;
  private readonly statuses: OrderStatusFollower;

  constructor(
    readonly tableName: string,
    private readonly rows: readonly CancelRow[],
    private readonly desk: OrderDesk,
    orderEvents: OrderEventSource,
    private readonly budget: { figures(): RequestBudgetFigures },
  ) {
    this.results = rows.map((row) => (row.orderNumber === undefined
      ? { index: row.index, status: "invalid" as const, message: row.problem ?? "This row has no order number." }
      : { index: row.index, status: "ready" as const, orderNumber: row.orderNumber }));
    const ready = this.results.filter((result) => result.status === "ready").length;
    this.summaryValue = { count: rows.length, ready, totalValueInEuro: 0, totalCostsInEuro: 0, warnings: [], rows: [...this.results] };
    this.statuses = new OrderStatusFollower(orderEvents, (changes) => this.applyStatuses(changes));
    const go = new Promise<boolean>((resolve) => (this.confirmation = resolve));
    if (ready === 0) this.state.current = "done";
    this.finished = ready === 0 ? Promise.resolve<BatchPhase>("done") : go.then((confirmed) => this.run(confirmed));
  }

  phase(): BatchPhase { return this.state.current; }
  summary(): BatchSummary { return this.summaryValue; }

  progress(): BatchProgress {
    const total = this.summaryValue.ready;
    const left = this.state.current === "placing" && !this.stopRequested ? total - this.done : 0;
    return { done: this.done, total, secondsLeft: secondsForRequests(left, this.budget.figures()), stopped: this.stopRequested, rows: [...this.results] };
  }

  onChange(listener: () => void): () => void {
    return this.state.onChange(listener);
  }

  confirm(): void {
    if (this.state.current === "awaitingConfirmation") this.confirmation(true);
  }

  stop(): void {
    if (this.stopRequested || (this.state.current !== "awaitingConfirmation" && this.state.current !== "placing")) return;
    this.stopRequested = true;
    this.confirmation(false);
    this.state.changed();
  }

  dispose(): void {
    this.statuses.dispose();
    this.state.clear();
  }

  private async run(confirmed: boolean): Promise<BatchPhase> {
    if (!confirmed) return this.finish("cancelled", "Not cancelled: the cancellation was not confirmed.");
    this.state.enter("placing");
    for (const [position, row] of this.rows.entries()) {
      const result = this.results[position];
      if (result.status !== "ready" || row.orderNumber === undefined) continue;
      if (this.stopRequested) break;
      try {
        const outcome = await this.desk.cancel(row.accountNumber, row.orderNumber);
        if (outcome.kind === "done") {
          this.results[position] = { ...result, status: "cancelationRequested" };
          this.statuses.follow(row.orderNumber, "cancelationRequested");
        } else this.results[position] = { ...result, status: "refused", message: outcome.error.endUserMessage };
      } catch (error) {
        this.results[position] = { ...result, status: "refused", message: isBinckError(error) ? error.endUserMessage : String(error) };
      }
      this.done++;
      this.state.changed();
    }
    return this.finish(this.stopRequested ? "stopped" : "done", "Not cancelled: stopped before this row.");
  }

  private finish(phase: BatchPhase, skippedMessage: string): BatchPhase {
    this.results.forEach((result, position) => {
      if (result.status === "ready") this.results[position] = { ...result, status: "skipped", message: skippedMessage };
    });
    return this.state.enter(phase);
  }

  private applyStatuses(changes: ReadonlyMap<number, OrderStatus>): void {
    this.results.forEach((result, position) => {
      const status = result.orderNumber !== undefined ? changes.get(result.orderNumber) : undefined;
      if (status) this.results[position] = { ...result, status };
    });
    this.state.changed();
  }
}
