import { isBinckError } from "../errors";
import type { OrderApi } from "../rest/order-requests";
import type { CheckedOrder, KidDocument, OrderPreview } from "./contract";
import { newOrderBody } from "./new-order-body";
import { summariseCosts } from "./order-costs";

const NO_COSTS = { categories: [], totalInEuro: 0 } as const;

/**
 * `orders/preview`, `orders/costs` and, when the instrument has one (`isKidApplicable`), its KID list, read together
 * (API.md 3.3 #14, #15, #27). The costs of an order Binck cannot register are a 422: then the preview's reasons
 * speak, and the costs are empty. A KID list Binck does not have (404) is empty.
 */
export async function previewOrder(api: Pick<OrderApi, "previewOrder" | "previewOrderCosts" | "searchKidDocuments">, order: CheckedOrder, lastPrice?: number): Promise<OrderPreview> {
  const body = newOrderBody(order);
  const [preview, costs, kids] = await Promise.allSettled([
    api.previewOrder(order.accountNumber, body),
    api.previewOrderCosts(order.accountNumber, body),
    order.instrument.isKidApplicable ? api.searchKidDocuments(order.accountNumber, order.instrument.id) : Promise.resolve([]),
  ]);
  if (preview.status === "rejected") throw preview.reason;
  const raw = preview.value;
  if (costs.status === "rejected" && (raw.orderCanBeRegistered || !isBinckError(costs.reason) || costs.reason.status !== 422)) throw costs.reason;
  if (kids.status === "rejected" && !(isBinckError(kids.reason) && kids.reason.status === 404)) throw kids.reason;
  const price = order.limitPrice ?? order.stopPrice ?? lastPrice;
  return {
    order,
    canBeRegistered: raw.orderCanBeRegistered,
    warningsToBeShown: raw.warningsToBeShown ?? [],
    warningsToBeConfirmed: raw.warningsToBeConfirmed ?? [],
    ...(raw.validationCode !== undefined ? { validationCode: raw.validationCode } : {}),
    costs: costs.status === "fulfilled" ? summariseCosts(costs.value) : NO_COSTS,
    kids: kids.status === "fulfilled" ? kids.value.map((kid): KidDocument => ({ kidId: kid.kidId, name: kid.name })) : [],
    ...(price !== undefined ? { estimatedValue: Math.round(order.quantity * price * 100) / 100 } : {}),
    currency: raw.currency ?? order.instrument.currency,
    raw,
  };
}
