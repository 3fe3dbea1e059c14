import type { Scalar } from "./cell-value";

/** What a person typed into a cell: a formula ("=..."), or a constant read as Excel reads it. */
export type CellContent = { kind: "formula"; formula: string } | { kind: "constant"; value: Scalar };

export function parseInput(text: string): CellContent | undefined {
  if (text === "") return undefined;
  if (text.startsWith("=") && text.length > 1) return { kind: "formula", formula: text.slice(1) };
  // A leading apostrophe keeps the rest as text, as in Excel.
  if (text.startsWith("'")) return { kind: "constant", value: text.slice(1) };
  if (/^(true|false)$/i.test(text)) return { kind: "constant", value: text.toUpperCase() === "TRUE" };
  const trimmed = text.trim();
  if (trimmed !== "" && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(trimmed)) {
    const percent = trimmed.endsWith("%");
    const number = Number(percent ? trimmed.slice(0, -1) : trimmed);
    return { kind: "constant", value: percent ? number / 100 : number };
  }
  return { kind: "constant", value: text };
}
