import { isBinckError } from "../errors";
import { silentLogger, type Logger } from "../log";
import type { OrderEventSource } from "../portfolio/sources";
import type { RequestBudgetFigures } from "../rest/request-budget-policy";
import type { OrderStatus } from "../wire/models";
import { previewRow, summarise, type PreviewedRow } from "./batch-summary";
import { secondsForRequests } from "./batch-time";
import type { BatchPhase, BatchProgress, BatchRow, BatchRowResult, BatchRun, BatchSummary, OrderDesk, PlacementOutcome } from "./contract";
import { RunPhase } from "./run-phase";
import { OrderStatusFollower } from "./status-follower";

export interface BatchRunOptions {
  tableName: string;
  rows: readonly BatchRow[];
  desk: OrderDesk;
  /** The feed's order events: each placed row follows its order's status. */
  orderEvents: OrderEventSource;
  /** The runtime's request budget: the time left is estimated from its free capacity. */
  budget: { figures(): RequestBudgetFigures };
  /** Requests one row's check and preview cost (instrument look-up, `orders/preview`, `orders/costs`). */
  requestsPerPreview?: number;
  /** Requests one placement costs (`POST orders`). */
  requestsPerPlacement?: number;
  /** Rows checked and previewed at once (they queue in the budget anyway; a few keep the progress moving). */
  previewConcurrency?: number;
  logger?: Logger;
}

const NOT_CONFIRMED = "Not placed: the table was cancelled before confirmation.";
const STOPPED = "Not placed: stopped before this row.";

/**
 * One run of "Place orders from table" (issue 9 §2): every row checked and previewed, one summary, one
 * confirmation, then the ready rows placed one by one through `desk.place` (never twice: the desk keys each on its
 * referenceId); Stop leaves the rows not yet placed "skipped". Placed rows follow their order's status from the
 * order events until `dispose()`.
 */
export class OrderBatchRun implements BatchRun {
  readonly tableName: string;
  /** Resolves with the final phase once the run has placed, stopped or been cancelled. */
  readonly finished: Promise<BatchPhase>;
  private readonly state = new RunPhase("previewing");
  private readonly rows: Array<PreviewedRow | undefined>;
  private summaryValue: BatchSummary | undefined;
  private placedCount = 0;
  private stopRequested = false;
  private confirmation: { resolve(go: boolean): void } | undefined;
  private readonly statuses: OrderStatusFollower;
  private readonly logger: Logger;

  constructor(private readonly options: BatchRunOptions) {
    this.tableName = options.tableName;
    this.logger = options.logger ?? silentLogger;
    this.rows = options.rows.map(() => undefined);
    this.statuses = new OrderStatusFollower(options.orderEvents, (changes) => this.applyStatuses(changes));
    this.finished = this.run().catch((error: unknown) => {
      this.logger.log("error", `Order table ${this.tableName}: ${String(error)}`);
      this.skipUnplaced(STOPPED);
      return this.state.enter("stopped");
    });
  }

  phase(): BatchPhase {
    return this.state.current;
  }

  summary(): BatchSummary | undefined {
    return this.summaryValue;
  }

  progress(): BatchProgress {
    const results = this.results();
    const figures = this.options.budget.figures();
    if (this.state.current === "previewing") {
      const previewed = results.length;
      const requests = (this.rows.length - previewed) * (this.options.requestsPerPreview ?? 3);
      return { done: previewed, total: this.rows.length, secondsLeft: secondsForRequests(requests, figures), stopped: this.stopRequested, rows: results };
    }
    const total = this.summaryValue?.ready ?? 0;
    const left = this.state.current === "placing" && !this.stopRequested ? (total - this.placedCount) * (this.options.requestsPerPlacement ?? 1) : 0;
    return { done: this.placedCount, total, secondsLeft: secondsForRequests(left, figures), stopped: this.stopRequested, rows: results };
  }

  onChange(listener: () => void): () => void {
    return this.state.onChange(listener);
  }

  confirm(): void {
    this.confirmation?.resolve(true);
    this.confirmation = undefined;
  }

  stop(): void {
    if (this.stopRequested || !["previewing", "awaitingConfirmation", "placing"].includes(this.state.current)) return;
    this.stopRequested = true;
    this.confirmation?.resolve(false);
    this.confirmation = undefined;
    this.state.changed();
  }

  /** Stops following the placed orders' statuses (a new run replaces this one). */
  dispose(): void {
    this.statuses.dispose();
    this.state.clear();
  }

  private results(): BatchRowResult[] {
    return this.rows.flatMap((row) => (row ? [row.result] : []));
  }

  private async run(): Promise<BatchPhase> {
    await this.previewAll();
    if (this.stopRequested) {
      this.skipUnplaced(NOT_CONFIRMED);
      return this.state.enter("cancelled");
    }
    this.summaryValue = summarise(this.rows as PreviewedRow[]);
    if (this.summaryValue.ready === 0) return this.state.enter("done");
    const go = await new Promise<boolean>((resolve) => {
      this.confirmation = { resolve };
      this.state.enter("awaitingConfirmation");
    });
    if (!go) {
      this.skipUnplaced(NOT_CONFIRMED);
      return this.state.enter("cancelled");
    }
    this.state.enter("placing");
    for (const row of this.rows as PreviewedRow[]) {
      if (row.result.status !== "ready" || !row.preview) continue;
      if (this.stopRequested) break;
      await this.place(row);
      this.placedCount++;
      this.state.changed();
    }
    this.skipUnplaced(STOPPED);
    return this.state.enter(this.stopRequested ? "stopped" : "done");
  }

  private async previewAll(): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < this.rows.length && !this.stopRequested) {
        const position = next++;
        this.rows[position] = await previewRow(this.options.desk, this.options.rows[position], (message) => this.logger.log("warn", `Order table ${this.tableName}: ${message}`));
        this.state.changed();
      }
    };
    const workers = Math.max(1, Math.min(this.options.previewConcurrency ?? 4, this.rows.length));
    await Promise.all(Array.from({ length: workers }, worker));
  }

  private async place(row: PreviewedRow): Promise<void> {
    const preview = row.preview!;
    row.result = { index: row.result.index, status: "placing" };
    this.state.changed();
    let outcome: PlacementOutcome;
    try {
      outcome = await this.options.desk.place(preview, preview.warningsToBeConfirmed);
    } catch (error) {
      const refusedBeforeSending = isBinckError(error) && error.code === "invalidInput";
      row.result = { index: row.result.index, status: refusedBeforeSending ? "refused" : "unknown", message: isBinckError(error) ? error.endUserMessage : String(error) };
      return;
    }
    if (outcome.kind === "placed") {
      row.result = { index: row.result.index, status: "placed", orderNumber: outcome.orderNumber, ...(outcome.recovered ? { message: "Placed; its answer was lost, so it was found by its reference." } : {}) };
      this.statuses.follow(outcome.orderNumber, "placed");
    } else row.result = { index: row.result.index, status: outcome.kind, message: outcome.error.endUserMessage };
  }

  private applyStatuses(changes: ReadonlyMap<number, OrderStatus>): void {
    for (const row of this.rows) {
      const status = row?.result.orderNumber !== undefined ? changes.get(row.result.orderNumber) : undefined;
      if (row && status) row.result = { ...row.result, status };
    }
    this.state.changed();
  }

  private skipUnplaced(message: string): void {
    this.rows.forEach((row, position) => {
      if (!row) this.rows[position] = { result: { index: this.options.rows[position].index, status: "skipped", message } };
      else if (row.result.status === "ready") row.result = { index: row.result.index, status: "skipped", message };
    });
  }
}
