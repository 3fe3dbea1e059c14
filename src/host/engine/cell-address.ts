/** A1 addresses of one sheet: 1-based rows and columns, as the formula engine counts them. */
export interface CellPosition {
  row: number;
  col: number;
}

export function columnName(col: number): string {
  let name = "";
  for (let rest = col; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

export function formatAddress(position: CellPosition): string {
  return `${columnName(position.col)}${position.row}`;
}

/** "B12" or "b12" to { row: 12, col: 2 }; undefined for anything else (absolute `$` markers are accepted). */
export function parseAddress(address: string): CellPosition | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/.exec(address.trim());
  if (!match) return undefined;
  let col = 0;
  for (const letter of match[1].toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

/** Like parseAddress, but a bad address is an error that names it. */
export function requireAddress(address: string): CellPosition {
  const position = parseAddress(address);
  if (!position) throw new Error(`"${address}" is not a cell address: use a column and a row, like A1 or BC12.`);
  return position;
}

/** Map key of a position. */
export function keyOf(position: CellPosition): string {
  return `${position.row},${position.col}`;
}

export function positionOfKey(key: string): CellPosition {
  const comma = key.indexOf(",");
  return { row: Number(key.slice(0, comma)), col: Number(key.slice(comma + 1)) };
}

export interface CellArea {
  from: CellPosition;
  to: CellPosition;
}

export function areaContains(area: CellArea, position: CellPosition): boolean {
  return position.row >= area.from.row && position.row <= area.to.row && position.col >= area.from.col && position.col <= area.to.col;
}

export function* positionsOf(area: CellArea): Generator<CellPosition> {
  for (let row = area.from.row; row <= area.to.row; row++) for (let col = area.from.col; col <= area.to.col; col++) yield { row, col };
}
