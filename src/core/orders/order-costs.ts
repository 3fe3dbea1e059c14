import type { OrderCostsCollection } from "../rest/order-requests";
import type { CostItem } from "../wire/models";
import type { CostLine, OrderCosts } from "./contract";

/** One cent: a category equal to the sum of the others within this is their total line. */
const TOTAL_TOLERANCE_EURO = 0.005;

/**
 * `orders/costs` (API.md 3.3 #15) as the ticket shows it: every leg's categories with their breakdown, and the
 * total in euro. Binck lists a total as a category of its own (translated name); it is recognised as the category
 * without subcategories whose value is the sum of the others, and not counted twice.
 */
export function summariseCosts(collection: OrderCostsCollection): OrderCosts {
  const categories: CostLine[] = [];
  let totalInEuro = 0;
  for (const leg of collection.legs ?? []) {
    const lines = (leg.categories ?? []).map((category) => ({ ...line(category), subCategories: (category.subCategories ?? []).map(line) }));
    categories.push(...lines);
    const values = lines.map((entry) => entry.valueInEuro ?? 0);
    const sum = values.reduce((a, b) => a + b, 0);
    const totalIndex = lines.findIndex((entry, index) => entry.subCategories.length === 0 && Math.abs(values[index] * 2 - sum) < TOTAL_TOLERANCE_EURO && values[index] !== 0);
    totalInEuro += totalIndex >= 0 ? values[totalIndex] : sum;
  }
  return { categories, totalInEuro: Math.round(totalInEuro * 100) / 100 };
}

function line(item: CostItem): CostLine {
  return {
    name: item.name,
    ...(item.valueInEuro !== undefined ? { valueInEuro: item.valueInEuro } : {}),
    ...(item.percentage !== undefined ? { percentage: item.percentage } : {}),
    ...(item.extraInfo !== undefined ? { extraInfo: item.extraInfo } : {}),
    subCategories: [],
  };
}
