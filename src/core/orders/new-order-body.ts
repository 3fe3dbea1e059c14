import type { Leg, NewOrderModel } from "../wire/models";
import type { CheckedOrder } from "./contract";

/**
 * A checked order as swagger's NewOrderModel: the side inside exactly one product block (API.md 0.6, 3.3 #14) —
 * `option` for options, `future` for futures, `srd` for SRD classes, `cash` for everything else (the official
 * demo's rule) — and the draft's referenceId, which the preview must carry too (the validationCode is bound to the
 * whole content).
 */
export function newOrderBody(order: CheckedOrder, validationCode?: string): NewOrderModel {
  const leg: Leg = { side: order.side, instrumentId: order.instrument.id };
  const body: NewOrderModel = { type: order.type, quantity: order.quantity, duration: order.duration };
  if (order.limitPrice !== undefined) body.limitPrice = order.limitPrice;
  if (order.stopPrice !== undefined) body.stopPrice = order.stopPrice;
  if (order.expirationDate !== undefined) body.expirationDate = `${order.expirationDate}T00:00:00Z`;
  switch (order.instrument.type) {
    case "option": body.option = { leg1: leg }; break;
    case "future": body.future = leg; break;
    case "srdClass": body.srd = leg; break;
    default: body.cash = leg;
  }
  if (validationCode !== undefined) body.validationCode = validationCode;
  body.referenceId = order.referenceId;
  return body;
}
