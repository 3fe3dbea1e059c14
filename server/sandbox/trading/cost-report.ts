import type { CostItem, OrderCostsResponse } from "../../../src/core/wire/models";
import { localize } from "../i18n";
import type { Language } from "../seed/people";
import { totalEuro, type CostLine } from "./costs";
import { tradingTexts } from "./messages";
import type { CheckedOrder } from "./order-check";

type Category = CostItem & { subCategories: CostItem[] };

/** The ex-ante cost breakdown of #15: one leg, categories with subCategories, amounts in euro. */
export function costsCollection(checked: CheckedOrder, language: Language): OrderCostsResponse["costsCollection"] {
  const names = tradingTexts.costNames;
  const text = (localized: (typeof names)[keyof typeof names]) => localize(localized, language);
  const percentageOf = (euro: number) => (checked.valueEuro > 0 ? Math.round((euro / checked.valueEuro) * 100_000) / 1000 : 0);
  const item = (name: string, lines: readonly CostLine[]): CostItem => {
    const euro = totalEuro(lines);
    return { name, valueInEuro: euro, percentage: percentageOf(euro) };
  };
  const byCategory = (category: CostLine["category"]) => checked.costs.filter((line) => line.category === category);

  const serviceSubs: CostItem[] = [item(text(names.commission), byCategory("commission"))];
  if (byCategory("currencyExchangeCost").length > 0) serviceSubs.push(item(text(names.currencyExchange), byCategory("currencyExchangeCost")));
  const taxLines = checked.costs.filter((line) => line.category === "stampDuty" || line.category === "stampDutyBE");
  if (taxLines.length > 0) serviceSubs.push(item(text(names.stampDuty), taxLines));
  const serviceLines = checked.costs;
  const service: Category = { ...item(text(names.serviceCosts), serviceLines), subCategories: serviceSubs };

  const noProductCosts = text(names.noProductCosts);
  const product: Category = {
    name: text(names.productCosts),
    valueInEuro: 0,
    percentage: 0,
    extraInfo: noProductCosts,
    subCategories: [{ name: text(names.ongoingCosts), valueInEuro: 0, percentage: 0, extraInfo: noProductCosts }],
  };
  const total: Category = { ...item(text(names.total), checked.costs), subCategories: [] };
  return { legs: [{ categories: [service, product, total] }] };
}
