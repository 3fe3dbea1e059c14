import type { CellPosition } from "./cell-address";

export interface OrderSources {
  isFormula(key: string): boolean;
  /** The positions whose value a formula cell decides: its own, and its spill. */
  shownBy(key: string): Iterable<CellPosition>;
  readersOf(position: CellPosition): string[];
}

/**
 * The formulas to evaluate after a change, readers after what they read: the reverse post-order of a walk from
 * the changed formulas and positions over their readers. A formula met again on its own path is circular.
 */
export function calculationOrder(seeds: Iterable<string>, positions: CellPosition[], sources: OrderSources): Array<{ key: string; circular: boolean }> {
  const done = new Set<string>();
  const onPath = new Set<string>();
  const circular = new Set<string>();
  const postOrder: string[] = [];
  const visit = (key: string) => {
    if (onPath.has(key)) {
      circular.add(key);
      return;
    }
    if (done.has(key) || !sources.isFormula(key)) return;
    onPath.add(key);
    for (const position of sources.shownBy(key)) for (const reader of sources.readersOf(position)) visit(reader);
    onPath.delete(key);
    done.add(key);
    postOrder.push(key);
  };
  for (const key of seeds) visit(key);
  for (const position of positions) for (const reader of sources.readersOf(position)) visit(reader);
  return postOrder.reverse().map((key) => ({ key, circular: circular.has(key) }));
}
