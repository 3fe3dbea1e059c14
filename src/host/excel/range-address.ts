import { formatAddress, parseAddress, type CellArea } from "../engine/cell-address";

/** The preview's one sheet, as Excel names a new workbook's first sheet. */
export const SHEET_NAME = "Sheet1";

/**
 * "A1", "A1:C3", "$A$1:$C$3" or "Sheet1!A1:C3" to an area (corners in any order); undefined for anything else,
 * another sheet included.
 */
export function parseRangeAddress(address: string): CellArea | undefined {
  let text = address.trim();
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    const sheet = text.slice(0, bang).replace(/^'(.*)'$/, "$1");
    if (sheet.toLowerCase() !== SHEET_NAME.toLowerCase()) return undefined;
    text = text.slice(bang + 1);
  }
  const [first, second, extra] = text.split(":");
  if (extra !== undefined) return undefined;
  const a = parseAddress(first);
  const b = second === undefined ? a : parseAddress(second);
  if (!a || !b) return undefined;
  return { from: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) }, to: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) } };
}

/** As Excel's Range.address gives it: "Sheet1!A1:C3", or "Sheet1!B2" for one cell. */
export function formatRangeAddress(area: CellArea): string {
  const from = formatAddress(area.from);
  const to = formatAddress(area.to);
  return `${SHEET_NAME}!${from === to ? from : `${from}:${to}`}`;
}

export function overlaps(a: CellArea, b: CellArea): boolean {
  return a.from.row <= b.to.row && b.from.row <= a.to.row && a.from.col <= b.to.col && b.from.col <= a.to.col;
}
