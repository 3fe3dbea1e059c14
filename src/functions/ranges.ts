import { BinckError } from "../core";
import { parseInstrumentArgument } from "./args";

/**
 * The instruments of BINCK.QUOTES, one per row: a column range, a row range (read across) or one value. Blank
 * cells stay blank rows; a malformed entry shows #VALUE! in its own row (core checks each).
 */
export function instrumentColumn(range: unknown): string[] {
  const rows = Array.isArray(range) ? (range as unknown[][]) : [[range]];
  const width = Math.max(...rows.map((row) => (Array.isArray(row) ? row.length : 1)));
  if (rows.length > 1 && width > 1) {
    const message = `instruments is a range of ${rows.length} rows and ${width} columns; give one column (or one row) of instruments.`;
    throw new BinckError("invalidInput", message, `Argument refused: ${message}`);
  }
  const cells = rows.length === 1 && Array.isArray(rows[0]) ? rows[0] : rows.map((row) => (Array.isArray(row) ? row[0] : row));
  return cells.map((cell) => (cell === null || cell === undefined ? "" : String(cell).trim()));
}

/** An optional instrument argument: undefined when omitted. */
export function optionalInstrument(instrument: unknown): string | undefined {
  if (instrument === null || instrument === undefined || (typeof instrument === "string" && instrument.trim() === "")) return undefined;
  parseInstrumentArgument(instrument);
  return String(instrument).trim();
}
