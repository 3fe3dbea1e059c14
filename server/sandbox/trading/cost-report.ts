import type { CostItem, OrderCostsResponse } from "../../../src/core/wire/models";
import { localize } from "../i18n";
import type { Language } from "../seed/people";
import { totalEuro, type CostLine } from "./costs";
import { tradingTexts } from "./messages";
import type { CheckedLeg, CheckedOrder } from "./order-check";

type Category = CostItem & { subCategories: CostItem[] };

/** The ex-ante cost breakdown of #15: one leg (two for an option strategy), categories with subCategories, amounts in euro. */
export function costsCollection(checked: CheckedOrder, language: Language): OrderCostsResponse["costsCollection"] {
  return { legs: checked.legs.map((leg) => ({ categories: legCategories(leg, language) })) };
}

function legCategories(leg: CheckedLeg, language: Language): Category[] {
  const names = tradingTexts.costNames;
  const text = (localized: (typeof names)[keyof typeof names]) => localize(localized, language);
  const percentageOf = (euro: number) => (leg.valueEuro > 0 ? Math.round((euro / leg.valueEuro) * 100_000) / 1000 : 0);
  const item = (name: string, lines: readonly CostLine[]): CostItem => {
    const euro = totalEuro(lines);
    return { name, valueInEuro: euro, percentage: percentageOf(euro) };
  };
  const byCategory = (category: CostLine["category"]) => leg.costs.filter((line) => line.category === category);

  const serviceSubs: CostItem[] = [item(text(names.commission), byCategory("commission"))];
  if (byCategory("currencyExchangeCost").length > 0) serviceSubs.push(item(text(names.currencyExchange), byCategory("currencyExchangeCost")));
  const taxLines = leg.costs.filter((line) => line.category === "stampDuty" || line.category === "stampDutyBE");
  if (taxLines.length > 0) serviceSubs.push(item(text(names.stampDuty), taxLines));
  const service: Category = { ...item(text(names.serviceCosts), leg.costs), subCategories: serviceSubs };

  const derivative = leg.instrument.model.type === "option" || leg.instrument.model.type === "future";
  const noProductCosts = text(derivative ? names.noProductCostsDerivatives : names.noProductCosts);
  const product: Category = {
    name: text(names.productCosts),
    valueInEuro: 0,
    percentage: 0,
    extraInfo: noProductCosts,
    subCategories: [{ name: text(names.ongoingCosts), valueInEuro: 0, percentage: 0, extraInfo: noProductCosts }],
  };
  const total: Category = { ...item(text(names.total), leg.costs), subCategories: [] };
  return [service, product, total];
}
