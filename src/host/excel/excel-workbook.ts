import { invalidArgument, itemNotFound } from "./excel-errors";
import { PreviewRange } from "./excel-range";
import { PreviewTableCollection } from "./excel-tables";
import { parseRangeAddress, SHEET_NAME } from "./range-address";
import { ClientObject, RequestContext } from "./request-context";
import type { SheetAccess } from "./sheet-access";

/** Excel.Worksheet: the preview's one sheet. */
export class PreviewWorksheet extends ClientObject {
  readonly tables: PreviewTableCollection;

  constructor(context: RequestContext) {
    super(context, "Worksheet", ["name", "position"]);
    this.tables = new PreviewTableCollection(context);
  }

  get name(): string { return this.read("name"); }
  get position(): number { return this.read("position"); }

  getRange(address: string): PreviewRange {
    return new PreviewRange(this.context, () => {
      const area = parseRangeAddress(address);
      if (!area) throw invalidArgument("Worksheet.getRange", `"${address}" is not an address of ${SHEET_NAME} (the preview's one sheet).`);
      return area;
    });
  }

  protected snapshot(): Record<string, unknown> {
    return { name: SHEET_NAME, position: 0 };
  }
}

/** Excel.WorksheetCollection: the active sheet, or the sheet by name. */
export class PreviewWorksheets {
  constructor(private readonly context: RequestContext) {}

  getActiveWorksheet(): PreviewWorksheet {
    return new PreviewWorksheet(this.context);
  }

  getItem(name: string): PreviewWorksheet {
    this.context.enqueue(() => {
      if (name.toLowerCase() !== SHEET_NAME.toLowerCase()) throw itemNotFound("WorksheetCollection.getItem", `The preview has one sheet, ${SHEET_NAME}.`);
    });
    return new PreviewWorksheet(this.context);
  }
}

/** Excel.Workbook: the selection, the sheets and the tables. */
export class PreviewWorkbook {
  readonly worksheets: PreviewWorksheets;
  readonly tables: PreviewTableCollection;

  constructor(private readonly context: RequestContext) {
    this.worksheets = new PreviewWorksheets(context);
    this.tables = new PreviewTableCollection(context);
  }

  getSelectedRange(): PreviewRange {
    return new PreviewRange(this.context, () => this.context.sheet.selection());
  }
}

/**
 * The `Excel` namespace the preview hands the add-in: `Excel.run(batch)` gives the batch a new RequestContext
 * and syncs what it left queued once it resolves, as office.js does.
 */
export function excelNamespace(sheet: SheetAccess) {
  return {
    async run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
      if (typeof batch !== "function") throw invalidArgument("Excel.run", "Excel.run takes a function of the request context.");
      const context = new RequestContext(sheet);
      context.workbook = new PreviewWorkbook(context);
      const result = await batch(context);
      if (context.pending > 0) await context.sync();
      return result;
    },
    ErrorCodes: { propertyNotLoaded: "PropertyNotLoaded", itemNotFound: "ItemNotFound", invalidArgument: "InvalidArgument", invalidOperation: "InvalidOperation" },
  };
}
