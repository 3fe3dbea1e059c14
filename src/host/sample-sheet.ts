/**
 * What a workbook never opened before starts with: a watch list of the AEX constituents of the sandbox catalogue
 * (server/sandbox/seed/instruments/equities.ts) with live quotes, ASML's order book, the news and the connection
 * status, and ordinary formulas over the spills; beside it the portfolio of the account picked in the taskpane
 * (positions priced live, balances, open orders), each spill with room below or beside it so nothing blocks it.
 */
const AEX: ReadonlyArray<readonly [isin: string, name: string]> = [
  ["NL0010273215", "ASML Holding"], ["NL0011821202", "ING Groep"], ["NL0000009538", "Koninklijke Philips"],
  ["GB00BP6MXD84:XAMS", "Shell"], ["GB00B10RZP78", "Unilever"], ["NL0013654783", "Prosus"], ["NL0012969182", "Adyen"],
  ["NL0011794037", "Koninklijke Ahold Delhaize"], ["NL0000009165", "Heineken"], ["GB00B2B0DG97", "RELX"],
  ["NL0000395903", "Wolters Kluwer"], ["NL0000334118", "ASM International"], ["NL0000009082", "Koninklijke KPN"],
  ["NL0010773842", "NN Group"], ["NL0011540547", "ABN AMRO Bank"], ["NL0013267909", "Akzo Nobel"],
  ["LU1598757687", "ArcelorMittal"], ["NL0012866412", "BE Semiconductor Industries"], ["NL0010801007", "IMCD"],
  ["NL0015000IY2", "Universal Music Group"], ["NL0012059018", "Exor"], ["NL0000379121", "Randstad"],
  ["NL0011872643", "ASR Nederland"], ["NL0009432491", "Koninklijke Vopak"], ["NL0000687663", "Aalberts"],
];

export function sampleSheet(): Record<string, string> {
  const first = 3;
  const last = first + AEX.length - 1;
  const cells: Record<string, string> = {
    A1: "AEX watch list (live from the Binck sandbox: sign in with the taskpane)",
    A2: "ISIN", B2: "Last", C2: "Bid", D2: "Ask", E2: "Change %", F2: "Name",
    B3: `=BINCK.QUOTES(A${first}:A${last},"lst,bid,ask,chgpct")`,
    H1: "Order book ASML", H2: '=BINCK.BOOK("NL0010273215")',
    H12: "Connection", H13: "=BINCK.STATUS()",
    H26: "Add-in version", I26: "=BINCK.VERSION()",
    A29: "Average change %", B29: `=AVERAGE(E${first}:E${last})`,
    A30: "Rising", B30: `=COUNTIF(E${first}:E${last},">0")`,
    A32: "News", A33: "=BINCK.NEWS(5)",
    ...portfolio(),
  };
  AEX.forEach(([isin, name], index) => {
    cells[`A${first + index}`] = isin;
    cells[`F${first + index}`] = name;
  });
  return cells;
}

/** Columns O to X: positions (up to 12 rows before the balances), balances and totals; open orders below the news. */
function portfolio(): Record<string, string> {
  return {
    O1: "Portfolio (the account picked in the taskpane; Refresh Binck data on the ribbon fetches it again)",
    O2: "Account", P2: '=BINCK.STATUS("account")',
    O3: "=BINCK.POSITIONS()",
    O17: "Balances", O18: "=BINCK.BALANCE()",
    R18: "Positions value", S18: "=SUM(U4:U15)",
    R19: "Total result", S19: "=SUM(V4:V15)",
    A39: "Open orders",
    // The account from P2 (the taskpane's): an empty first argument would do the same in Excel.
    A40: '=BINCK.ORDERS(P2,"open")',
  };
}
