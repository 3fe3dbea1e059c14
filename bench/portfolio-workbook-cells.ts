import type { Catalogue } from "../server/sandbox/market/market";

/** The workbook of issue 8 §6: its formulas, and what a one-request-per-cell add-in would ask for each. */
export const ACCOUNTS = ["190126781", "190126799"];
export const FORMULAS = 1_000;
const COLUMNS = "ABCDEFGHIJKLMNOPQRST";
const BALANCE_FIELDS = ["assetsTotalValue", "cashBalance", "portfolioValue", "currency"];
const INSTRUMENT_FIELDS = ["name", "currency", "type", "tickSize"];
const CLASSES = new Set(["optionClass", "futureClass", "srdClass"]);

export interface Cell {
  address: string;
  formula: string;
  /** The one request of a per-cell add-in (paths under /api/v1); `id` gives an ISIN's instrument id. */
  request: (account: string, id: (isin: string) => string) => string;
  /** The ISIN a per-cell add-in must look up first to make its request (quote cells). */
  needsId?: string;
}

/**
 * `count` distinct instruments named by bare ISIN, each the only quotable listing of its ISIN (so that the ISIN
 * alone names it, as a person would type it): equities first, then the other quotable kinds of allInstruments.
 */
export function pickIsins(catalogue: Catalogue, count: number): string[] {
  const listed = catalogue.list("allInstruments").filter((entry) => entry.quotable && entry.model.isincode);
  const unique = listed.filter((entry) => catalogue.byIsin(entry.model.isincode!).filter((other) => !CLASSES.has(other.model.type)).length === 1);
  const ordered = [...unique.filter((entry) => entry.model.type === "equity"), ...unique.filter((entry) => entry.model.type !== "equity")];
  const isins = [...new Set(ordered.map((entry) => entry.model.isincode!))].slice(0, count);
  if (isins.length < count) throw new Error(`The catalogue has only ${isins.length} instruments with an ISIN of their own, not ${count}.`);
  return isins;
}

/**
 * 1,000 formulas: a live price for each instrument by ISIN, instrument fields for most of them, the balances of two
 * accounts, and their positions and open orders as spills below the grid.
 */
export function workbookCells(isins: readonly string[]): Cell[] {
  const cells: Cell[] = [];
  const spills = ACCOUNTS.length * 2;
  const balances = ACCOUNTS.length * BALANCE_FIELDS.length;
  const add = (formula: string, request: Cell["request"], needsId?: string) => {
    const index = cells.length;
    cells.push({ address: `${COLUMNS[index % COLUMNS.length]}${Math.floor(index / COLUMNS.length) + 1}`, formula, request, needsId });
  };
  for (const isin of isins) add(`=BINCK.QUOTE("${isin}","lst")`, (account, id) => `/quotes?accountNumber=${account}&instrumentIds=${id(isin)}`, isin);
  for (let index = 0; cells.length < FORMULAS - balances - spills; index++) {
    const isin = isins[index % isins.length];
    add(`=BINCK.INSTRUMENT("${isin}","${INSTRUMENT_FIELDS[index % INSTRUMENT_FIELDS.length]}")`, (account) => `/instruments?accountNumber=${account}&isin=${isin}&includeTickSizes=true`);
  }
  for (const account of ACCOUNTS) for (const field of BALANCE_FIELDS) add(`=BINCK.BALANCE("${account}","${field}")`, () => `/accounts/${account}/balances`);
  const bottom = Math.floor(cells.length / COLUMNS.length) + 3;
  ACCOUNTS.forEach((account, index) => {
    const row = bottom + index * 12;
    cells.push({ address: `A${row}`, formula: `=BINCK.POSITIONS("${account}")`, request: () => `/accounts/${account}/positions` });
    cells.push({ address: `A${row + 8}`, formula: `=BINCK.ORDERS("${account}","open")`, request: () => `/accounts/${account}/orders?status=open` });
  });
  return cells;
}
