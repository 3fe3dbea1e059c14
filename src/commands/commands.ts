/** Ribbon commands (order macros) arrive with the orders work; the shared runtime loads this file already. */
Office.onReady(() => undefined);
