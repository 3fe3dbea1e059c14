import { formatAddress, requireAddress } from "./engine/cell-address";
import { displayText, type CellValue } from "./engine/cell-value";
import type { Workbook } from "./engine/workbook";
import type { GridView } from "./grid-view";
import { formatRangeAddress, parseRangeAddress } from "./excel/range-address";
import type { TableRegistry } from "./excel/table-registry";
import type { RuntimeLink } from "./runtime-link";
import type { SheetController } from "./sheet-controller";

/**
 * `window.binckPreview`: what end-to-end tests (and scripts) use to type formulas and read results without
 * reading the screen. Addresses are A1 style.
 */
export interface PreviewAutomation {
  workbook: string;
  setFormula(address: string, text: string): void;
  getInput(address: string): string;
  /** The value: a number, text, boolean or null (empty), or { error, message } for an error. */
  getValue(address: string): CellValue;
  /** The value as the cell shows it. */
  getText(address: string): string;
  /** "B3:E27" when the cell's formula spills there, else null. */
  spillRange(address: string): string | null;
  /** Selects a cell ("B3") or an area ("B3:D7", its top-left cell active). */
  select(address: string): void;
  /** The active cell ("B3"). */
  selection(): string;
  /** The selected area ("B3:D7", or "B3" for one cell). */
  selectedArea(): string;
  /** The sheet's tables (made through the Excel API's tables.add): name and A1 area. */
  tables(): Array<{ name: string; address: string }>;
  /** Running custom-function invocations, and the cells that share each. */
  invocations(): Array<{ key: string; cells: string[] }>;
  /** Function ids the add-in runtime associated. */
  associated(): string[];
  /** Resolves once `predicate()` holds, checking after every recalculation; rejects after `timeoutMs`. */
  waitFor(predicate: () => unknown, timeoutMs?: number): Promise<void>;
  /** Empties every cell. */
  clear(): void;
  /** A full recalculation (Excel's Ctrl+Alt+F9): every formula again; streaming invocations with unchanged arguments stay. */
  recalculateAll(): void;
  /** Cells written to the page since it loaded: the grid writes only cells whose value changed. */
  renderedCells(): number;
  /** Resolves after the next animation frame, when the grid has written the changes queued before the call. */
  nextFrame(): Promise<void>;
}

export function createAutomation(workbook: Workbook, name: string, sheet: SheetController, grid: GridView, link: RuntimeLink, tables: TableRegistry, type: (address: string, text: string) => void): PreviewAutomation {
  const value = (address: string) => workbook.value(requireAddress(address));
  return {
    workbook: name,
    setFormula: type,
    getInput: (address) => workbook.input(requireAddress(address)),
    getValue: value,
    getText: (address) => displayText(value(address)),
    spillRange(address) {
      const area = workbook.spillArea(requireAddress(address));
      return area ? `${formatAddress(area.from)}:${formatAddress(area.to)}` : null;
    },
    select(address) {
      const area = parseRangeAddress(address);
      if (!area) throw new Error(`"${address}" is not a cell or an area of this sheet: use A1 or A1:C3.`);
      sheet.selectArea(area);
    },
    selection: () => formatAddress(sheet.selection),
    selectedArea: () => formatRangeAddress(sheet.area).replace(/^.*!/, ""),
    tables: () => tables.all().map((table) => ({ name: table.name, address: formatRangeAddress(table.area).replace(/^.*!/, "") })),
    invocations: () => workbook.runningInvocations(),
    associated: () => link.associated(),
    waitFor(predicate, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          let holds: unknown;
          try {
            holds = predicate();
          } catch {
            holds = false;
          }
          if (!holds) return false;
          stop();
          unlink();
          clearTimeout(timer);
          resolve();
          return true;
        };
        const stop = workbook.onChange(() => void check());
        const unlink = link.onLinked(() => void check());
        const timer = setTimeout(() => {
          stop();
          unlink();
          reject(new Error(`binckPreview.waitFor: not true within ${timeoutMs} ms: ${String(predicate)}`));
        }, timeoutMs);
        check();
      });
    },
    recalculateAll: () => workbook.recalculateAll(),
    clear() {
      for (const address of Object.keys(workbook.inputs())) type(address, "");
    },
    renderedCells: () => grid.renderedCells,
    nextFrame: () => new Promise((resolve) => requestAnimationFrame(() => resolve())),
  };
}
