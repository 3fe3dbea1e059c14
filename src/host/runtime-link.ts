import type { RuntimeAssociations } from "../platform/host-bridge";
import { FunctionCatalog, type FunctionsMetadata } from "./engine/function-metadata";
import type { Workbook } from "./engine/workbook";

/**
 * Connects the workbook to the add-in's runtime in the taskpane frame, as Excel does: functions.json says which
 * functions exist, CustomFunctions.associate which code runs them. A new runtime (the frame reloaded) replaces
 * the old one and its invocations are cancelled; more associations from the same runtime only recalculate.
 */
export class RuntimeLink {
  private catalog: FunctionCatalog | undefined;
  private runtime: RuntimeAssociations | undefined;
  private linked: RuntimeAssociations | undefined;
  private queued = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly workbook: Workbook, private readonly log: (line: string) => void) {}

  setMetadata(metadata: FunctionsMetadata, namespace: string): void {
    this.catalog = new FunctionCatalog(metadata, namespace);
    this.log(`functions.json: ${this.catalog.entries().map((entry) => entry.formulaName).join(", ")}`);
    this.queue();
  }

  /** The bridge's registerRuntime. */
  register(runtime: RuntimeAssociations): void {
    this.runtime = runtime;
    this.queue();
  }

  /** Associated function ids. */
  associated(): string[] {
    return [...(this.linked?.functions.keys() ?? [])];
  }

  onLinked(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Associations arrive one by one while functions.js loads: link once they are all in. */
  private queue(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.link();
    });
  }

  private link(): void {
    const runtime = this.runtime;
    if (!this.catalog || !runtime) return;
    if (runtime === this.linked) this.workbook.recalculateAll();
    else {
      this.linked = runtime;
      const catalog = this.catalog;
      this.workbook.setRuntime({ catalog, lookup: (id) => runtime.functions.get(id.toUpperCase()) });
    }
    this.log(`runtime associated: ${this.associated().join(", ") || "nothing yet"}`);
    for (const listener of [...this.listeners]) listener();
  }
}
