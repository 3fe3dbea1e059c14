import { BRIDGE_PROPERTY, type BrowserHostBridge } from "../platform/host-bridge";
import { createAutomation } from "./automation";
import { readManifest } from "./add-in-manifest";
import { DialogEmulation } from "./dialog-emulation";
import { formatAddress, requireAddress, type CellPosition } from "./engine/cell-address";
import { excelNamespace } from "./excel/excel-workbook";
import { formatRangeAddress, parseRangeAddress } from "./excel/range-address";
import { TableRegistry } from "./excel/table-registry";
import { customFunctionsTypes } from "./engine/custom-functions-error";
import type { FunctionsMetadata } from "./engine/function-metadata";
import { Workbook } from "./engine/workbook";
import { GridView } from "./grid-view";
import { runtimeStorage, workbookSettings } from "./local-storage-emulation";
import { RibbonToolbar } from "./ribbon-toolbar";
import { RuntimeLink } from "./runtime-link";
import { sampleSheet } from "./sample-sheet";
import { SheetController } from "./sheet-controller";
import { WorkbookStore } from "./workbook-store";

/**
 * The preview workbook: a sheet with Excel's calculation and the add-in loaded as Excel loads it (manifest.xml →
 * taskpane.html in a frame, functions.json), with the parts of Office the add-in uses. `?workbook=Name` picks
 * the workbook; its cells are kept in localStorage.
 */
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const logElement = element("host-log");
const log = (line: string) => {
  logElement.textContent += `${new Date().toLocaleTimeString()} ${line}\n`;
};
const name = new URLSearchParams(location.search).get("workbook") ?? "Book1";
document.title = `${name} — binck-excel preview`;
element("workbook-name").textContent = name;

const workbook = new Workbook({ schedule: (flush) => requestAnimationFrame(flush), log });
const link = new RuntimeLink(workbook, log);
const dialogs = new DialogEmulation(location.origin, log);
const ribbon = new RibbonToolbar(element("commands"), log);
const store = new WorkbookStore(name);
const tables = new TableRegistry(store.loadTables().flatMap((table) => {
  const area = parseRangeAddress(table.address);
  return area ? [{ name: table.name, area }] : [];
}));
// Set once the sheet exists (the bridge is read by the taskpane only after the page has loaded).
let sheet: SheetController;
const bridge: BrowserHostBridge = {
  displayDialogAsync: (url, options, callback) => dialogs.displayDialogAsync(url, options, callback as never),
  messageParent: (message, options) => dialogs.messageParent(message, options),
  storage: runtimeStorage(),
  settings: workbookSettings(name),
  customFunctionTypes: customFunctionsTypes,
  excel: excelNamespace({
    value: (position) => workbook.value(position),
    input: (position) => workbook.input(position),
    write: (position, text) => type(position, text),
    selection: () => sheet.area,
    tables,
  }),
  showTaskpane: async () => log("Office.addin.showAsTaskpane: the taskpane is shown"),
  registerRuntime: (runtime) => {
    link.register(runtime);
    ribbon.register(runtime);
  },
};
(window as unknown as Record<string, unknown>)[BRIDGE_PROPERTY] = bridge;

const saved = store.load();
// `?sheet=blank` opens a workbook never seen before without the sample sheet (tests that only need the taskpane).
const blank = new URLSearchParams(location.search).get("sheet") === "blank";
const cells = saved ?? (blank ? {} : sampleSheet());
const positions = Object.keys(cells).map(requireAddress);
const grid = new GridView(workbook, Math.max(100, ...positions.map((position) => position.row + 20)), 26);
element("grid-container").appendChild(grid.element);
for (const [address, text] of Object.entries(cells)) workbook.setInput(requireAddress(address), text);
store.save(workbook.inputs());

// Saved once per burst of typing (a script may type thousands of cells in one go).
let savePending = false;
const type = (position: CellPosition, text: string) => {
  if (position.row > grid.rows) grid.addRows(position.row + 20);
  workbook.setInput(position, text);
  if (savePending) return;
  savePending = true;
  queueMicrotask(() => {
    savePending = false;
    store.save(workbook.inputs());
  });
};
sheet = new SheetController(workbook, grid, {
  container: element("grid-container"),
  editor: element("cell-editor"),
  nameBox: element("name-box"),
  formulaInput: element("formula-input"),
  status: element("status-line"),
}, type);
grid.showTables(tables.all());
tables.onChange(() => {
  grid.showTables(tables.all());
  store.saveTables(tables.all().map((table) => ({ name: table.name, address: formatRangeAddress(table.area).replace(/^.*!/, "") })));
});
(window as unknown as Record<string, unknown>).binckPreview = createAutomation(workbook, name, sheet, grid, link, tables, (address, text) => type(requireAddress(address), text));
let countPending = false;
workbook.onChange(() => {
  if (countPending) return;
  countPending = true;
  requestAnimationFrame(() => {
    countPending = false;
    const text = `${workbook.invocationCount} running functions`;
    if (element("invocation-count").textContent !== text) element("invocation-count").textContent = text;
  });
});

void (async () => {
  try {
    const manifest = await readManifest(location.origin);
    await ribbon.load(location.origin);
    const response = await fetch(manifest.functionsMetadataUrl);
    if (!response.ok) throw new Error(`${manifest.functionsMetadataUrl} answered HTTP ${response.status}.`);
    link.setMetadata((await response.json()) as FunctionsMetadata, manifest.functionsNamespace);
    element<HTMLIFrameElement>("taskpane").src = manifest.taskpaneUrl;
    log(`workbook ${name} ready; taskpane ${manifest.taskpaneUrl}; ${Object.keys(cells).length} cells from ${saved ? "storage" : "the sample sheet"}`);
  } catch (error) {
    element("status-line").textContent = `The add-in could not be loaded: ${(error as Error).message}`;
    log(`failed: ${(error as Error).message}`);
  }
  element("grid-container").focus();
  log(`selected ${formatAddress(sheet.selection)}`);
})();
