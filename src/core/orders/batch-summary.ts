import { isBinckError } from "../errors";
import type { BatchRow, BatchRowResult, BatchSummary, OrderDesk, OrderPreview } from "./contract";

/** The text of the one warning the add-in adds itself: a row whose value in euro is not known. */
export const VALUE_NOT_IN_EURO = "The value of these rows is not known in euro; it is left out of the total value.";

/** A row after its check and preview: its result, and its preview when it is ready to be placed. */
export interface PreviewedRow {
  result: BatchRowResult;
  preview?: OrderPreview;
}

/** One row checked and previewed: "invalid" (every field problem named), "refused" (Binck's reasons), or "ready". */
export async function previewRow(desk: OrderDesk, row: BatchRow, warn: (message: string) => void): Promise<PreviewedRow> {
  try {
    const check = await desk.check(row.fields);
    if (!check.ok) return { result: { index: row.index, status: "invalid", message: check.problems.map((problem) => problem.message).join(" ") } };
    const preview = await desk.preview(check.order);
    if (!preview.canBeRegistered) {
      const reasons = [...preview.warningsToBeConfirmed, ...preview.warningsToBeShown].join(" ");
      return { result: { index: row.index, status: "refused", message: reasons || "Binck would not accept this order." } };
    }
    return { result: { index: row.index, status: "ready" }, preview };
  } catch (error) {
    warn(`row ${row.index + 1}: ${isBinckError(error) ? error.developerMessage : String(error)}`);
    return { result: { index: row.index, status: "refused", message: isBinckError(error) ? error.endUserMessage : String(error) } };
  }
}

/**
 * An order's value in euro: the preview's estimated value when the instrument trades in euro, else the effect on
 * the spending limit when Binck gives it in euro (API.md: `effectOnSpendingLimit`, in the account's currency).
 */
export function valueInEuro(preview: OrderPreview): number | undefined {
  if (preview.currency === "EUR" && preview.estimatedValue !== undefined) return preview.estimatedValue;
  const effect = preview.raw.effectOnSpendingLimit;
  if (preview.raw.currency === "EUR" && effect !== undefined) return Math.abs(effect);
  return undefined;
}

/** The one summary of a previewed table: count, rows ready, totals of the ready rows, every warning with its rows. */
export function summarise(rows: readonly PreviewedRow[]): BatchSummary {
  let totalValueInEuro = 0;
  let totalCostsInEuro = 0;
  const warnings = new Map<string, { text: string; rows: number[]; needsConsent: boolean }>();
  const note = (text: string, row: number, needsConsent: boolean) => {
    const key = `${needsConsent ? "!" : " "}${text}`;
    const entry = warnings.get(key) ?? { text, rows: [], needsConsent };
    if (!entry.rows.includes(row)) entry.rows.push(row);
    warnings.set(key, entry);
  };
  let ready = 0;
  for (const { result, preview } of rows) {
    if (result.status !== "ready" || !preview) continue;
    ready++;
    const value = valueInEuro(preview);
    if (value === undefined) note(VALUE_NOT_IN_EURO, result.index, false);
    else totalValueInEuro += value;
    totalCostsInEuro += preview.costs.totalInEuro;
    for (const text of preview.warningsToBeConfirmed) note(text, result.index, true);
    for (const text of preview.warningsToBeShown) note(text, result.index, false);
  }
  return {
    count: rows.length,
    ready,
    totalValueInEuro: roundCents(totalValueInEuro),
    totalCostsInEuro: roundCents(totalCostsInEuro),
    // Warnings that need consent first: they are what the confirmation accepts.
    warnings: [...warnings.values()].sort((a, b) => Number(b.needsConsent) - Number(a.needsConsent)),
    rows: rows.map((row) => row.result),
  };
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
