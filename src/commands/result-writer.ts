import type { BatchRowResult, BatchRun, Logger } from "../core";
import { writeRowResults, type ExcelRun } from "./excel-orders";

/**
 * Writes a run's row results back into the BinckOrders table as they change, and keeps them live: one Excel.run
 * at a time, only the rows whose Status, Order or Message changed since the last write.
 */
export class ResultWriter {
  private readonly written = new Map<number, string>();
  private writing: Promise<void> | undefined;
  private again = false;
  private readonly stop: () => void;

  constructor(private readonly run: BatchRun, private readonly excel: ExcelRun, private readonly logger: Logger) {
    this.stop = run.onChange(() => this.schedule());
    this.schedule();
  }

  /** Resolves once what the run showed so far is in the table. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
  }

  dispose(): void {
    this.stop();
  }

  private schedule(): void {
    if (this.writing) {
      this.again = true;
      return;
    }
    this.writing = this.write().finally(() => {
      this.writing = undefined;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    });
  }

  private async write(): Promise<void> {
    const changed = this.run.progress().rows.filter((result) => this.written.get(result.index) !== key(result));
    if (changed.length === 0) return;
    try {
      await this.excel((context) => writeRowResults(context, changed));
      for (const result of changed) this.written.set(result.index, key(result));
    } catch (error) {
      this.logger.log("warn", `The results could not be written into ${this.run.tableName}: ${String(error)}`);
    }
  }
}

function key(result: BatchRowResult): string {
  return `${result.status}|${result.orderNumber ?? ""}|${result.message ?? ""}`;
}
