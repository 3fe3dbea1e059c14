import type { Realm } from "../../../src/core/wire/auth";
import type { CostTypeCategory } from "../../../src/core/wire/models";
import { BASE_CURRENCY, roundMoney, toEuro } from "./money";

/** The sandbox's price list. Percentages are of the order value. */
export const COST_POLICY = {
  commission: { fixedEuro: 2.5, percentage: 0.09, minimumEuro: 2.5, maximumEuro: 150 },
  /** Charged when the instrument's currency is not the account's (euro). */
  currencyExchangePercentage: 0.1,
  /** Belgian tax on stock exchange transactions, for customers of the Belgian label. */
  belgianStampDutyPercentage: 0.35,
  /** Financial transaction taxes on buys of French and Italian shares, by ISIN country. */
  buyTaxPercentageByIsinCountry: { FR: 0.3, IT: 0.1 } as Readonly<Record<string, number>>,
};

export interface CostLine {
  category: CostTypeCategory;
  euro: number;
  percentage: number;
}

export interface CostInput {
  valueInCurrency: number;
  currency: string;
  isin?: string;
  side: "buy" | "sell";
  realm: Realm;
}

/** Commission on a total order value in euro: the fixed part plus the percentage, clamped. */
export function commissionEuro(valueEuro: number): number {
  const { fixedEuro, percentage, minimumEuro, maximumEuro } = COST_POLICY.commission;
  if (valueEuro <= 0) return 0;
  return roundMoney(Math.min(maximumEuro, Math.max(minimumEuro, fixedEuro + (valueEuro * percentage) / 100)));
}

/** Every cost of an order of this value, commission first. Amounts are in euro. */
export function orderCostLines(input: CostInput): CostLine[] {
  const valueEuro = toEuro(input.valueInCurrency, input.currency);
  const line = (category: CostTypeCategory, euro: number): CostLine => ({
    category,
    euro: roundMoney(euro),
    percentage: valueEuro > 0 ? roundPercentage((euro / valueEuro) * 100) : 0,
  });
  const lines = [line("commission", commissionEuro(valueEuro))];
  if (input.currency !== BASE_CURRENCY) lines.push(line("currencyExchangeCost", (valueEuro * COST_POLICY.currencyExchangePercentage) / 100));
  lines.push(...taxLines(input, valueEuro).map(([category, euro]) => line(category, euro)));
  return lines;
}

/** Costs that scale with the value (all but the commission), for one execution of `valueInCurrency`. */
export function proportionalCostLines(input: CostInput): CostLine[] {
  return orderCostLines(input).filter((line) => line.category !== "commission");
}

export function totalEuro(lines: readonly CostLine[]): number {
  return roundMoney(lines.reduce((sum, line) => sum + line.euro, 0));
}

function taxLines(input: CostInput, valueEuro: number): Array<[CostTypeCategory, number]> {
  const lines: Array<[CostTypeCategory, number]> = [];
  if (input.realm === "binckbeapi") lines.push(["stampDutyBE", (valueEuro * COST_POLICY.belgianStampDutyPercentage) / 100]);
  const isinCountry = input.isin?.slice(0, 2) ?? "";
  const buyTax = COST_POLICY.buyTaxPercentageByIsinCountry[isinCountry];
  if (input.side === "buy" && buyTax !== undefined) lines.push(["stampDuty", (valueEuro * buyTax) / 100]);
  return lines;
}

function roundPercentage(value: number): number {
  return Math.round(value * 1000) / 1000;
}
