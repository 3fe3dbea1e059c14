/** A preview workbook's cells (formulas and constants as typed), kept in localStorage per workbook name. */
export interface StoredWorkbook {
  version: 1;
  cells: Record<string, string>;
}

/** A table as kept: its name and its A1 area ("B2:M52"). */
export interface StoredTable {
  name: string;
  address: string;
}

export class WorkbookStore {
  private readonly key: string;
  private readonly tablesKey: string;

  constructor(workbook: string, private readonly storage: Storage = localStorage) {
    this.key = `binckHost.workbook.${workbook}`;
    this.tablesKey = `binckHost.tables.${workbook}`;
  }

  loadTables(): StoredTable[] {
    try {
      const tables = JSON.parse(this.storage.getItem(this.tablesKey) ?? "[]") as unknown;
      return Array.isArray(tables) ? tables.filter((table): table is StoredTable => typeof table?.name === "string" && typeof table?.address === "string") : [];
    } catch {
      return [];
    }
  }

  saveTables(tables: StoredTable[]): void {
    this.storage.setItem(this.tablesKey, JSON.stringify(tables));
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
