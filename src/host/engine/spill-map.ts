import { areaContains, formatAddress, keyOf, positionOfKey, positionsOf, type CellArea, type CellPosition } from "./cell-address";

/**
 * Where matrices spill. An anchor's matrix takes the cells right and below it when they are all empty and not in
 * another spill; otherwise the anchor shows #SPILL! and spills again once the cells are free (Excel's dynamic arrays).
 */
export class SpillMap {
  private readonly placed = new Map<string, CellArea>();
  private readonly owners = new Map<string, string>();
  private readonly blocked = new Map<string, { area: CellArea; reason: string }>();

  /** The anchor whose spill covers this position (not the anchor's own cell). */
  ownerOf(position: CellPosition): string | undefined {
    return this.owners.get(keyOf(position));
  }

  areaOf(anchor: string): CellArea | undefined {
    return this.placed.get(anchor);
  }

  blockReason(anchor: string): string | undefined {
    return this.blocked.get(anchor)?.reason;
  }

  /** Blocked anchors that would spill over this position. */
  blockedOver(position: CellPosition): string[] {
    return [...this.blocked].filter(([, { area }]) => areaContains(area, position)).map(([anchor]) => anchor);
  }

  /**
   * Spills a rows × cols matrix from the anchor (1 × 1 or undefined: nothing to spill). `occupied` tells whether a
   * cell holds something of its own. Returns the positions whose covering changed.
   */
  place(anchor: string, size: { rows: number; cols: number } | undefined, occupied: (position: CellPosition) => boolean): CellPosition[] {
    const changed = this.remove(anchor);
    if (!size || (size.rows === 1 && size.cols === 1)) return changed;
    const from = positionOfKey(anchor);
    const area = { from, to: { row: from.row + size.rows - 1, col: from.col + size.cols - 1 } };
    const cells = [...positionsOf(area)].slice(1);
    const taken = cells.find((position) => occupied(position) || this.owners.has(keyOf(position)));
    if (taken) {
      const other = this.owners.get(keyOf(taken));
      const reason = other
        ? `The spill range ${rangeText(area)} overlaps the spill of ${formatAddress(positionOfKey(other))}.`
        : `The spill range ${rangeText(area)} isn't blank: ${formatAddress(taken)} holds something. Clear it to let the result spill.`;
      this.blocked.set(anchor, { area, reason });
      return changed;
    }
    this.placed.set(anchor, area);
    for (const position of cells) this.owners.set(keyOf(position), anchor);
    return [...changed, ...cells];
  }

  /** Takes the anchor's spill away; returns the positions it covered. */
  remove(anchor: string): CellPosition[] {
    this.blocked.delete(anchor);
    const area = this.placed.get(anchor);
    if (!area) return [];
    this.placed.delete(anchor);
    const cells = [...positionsOf(area)].slice(1);
    for (const position of cells) this.owners.delete(keyOf(position));
    return cells;
  }
}

export function rangeText(area: CellArea): string {
  return `${formatAddress(area.from)}:${formatAddress(area.to)}`;
}
