/** A preview workbook's cells (formulas and constants as typed), kept in localStorage per workbook name. */
export interface StoredWorkbook {
  version: 1;
  cells: Record<string, string>;
}

export class WorkbookStore {
  private readonly key: string;

  constructor(workbook: string, private readonly storage: Storage = localStorage) {
    this.key = `binckHost.workbook.${workbook}`;
  }

  /** The saved cells, or undefined for a workbook never opened (or saved by an unknown version). */
  load(): Record<string, string> | undefined {
    const text = this.storage.getItem(this.key);
    if (text === null) return undefined;
    try {
      const stored = JSON.parse(text) as StoredWorkbook;
      return stored.version === 1 && typeof stored.cells === "object" ? stored.cells : undefined;
    } catch {
      return undefined;
    }
  }

  save(cells: Record<string, string>): void {
    const stored: StoredWorkbook = { version: 1, cells };
    this.storage.setItem(this.key, JSON.stringify(stored));
  }
}
