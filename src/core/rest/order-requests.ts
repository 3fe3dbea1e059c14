import { BinckError } from "../errors";
import { parseJsonBody, processJson, type HttpAnswer } from "../http/http";
import type {
  AccountModel, InstrumentModel, KidResponseModel, ModifyOrderModel, NewOrderModel, OrderCostsResponse, OrderModel, OrderResponse, PreviewOrderModel,
  PreviewOrderResponse,
} from "../wire/models";
import type { OrdersQuery } from "./account-queries";
import { apiError } from "./api-errors";
import type { BinckRestClient, CallOptions, RestCall } from "./client";

export type OrderCostsCollection = OrderCostsResponse["costsCollection"];
export interface KidBytes {
  bytes: ArrayBuffer;
  contentType: string;
}

/** The REST operations the order desk uses; OrderRequests implements them, tests fake them. */
export interface OrderApi {
  getAccounts(options?: CallOptions): Promise<AccountModel[]>;
  getInstruments(accountNumber: string, instrumentIds: readonly string[], options?: CallOptions & { includeTickSizes?: boolean }): Promise<InstrumentModel[]>;
  getOrders(accountNumber: string, query?: OrdersQuery, options?: CallOptions): Promise<OrderModel[]>;
  previewOrder(accountNumber: string, order: NewOrderModel): Promise<PreviewOrderModel>;
  previewOrderCosts(accountNumber: string, order: NewOrderModel): Promise<OrderCostsCollection>;
  /** `sent` is called when the request leaves (after its wait in the budget). */
  registerOrder(accountNumber: string, order: NewOrderModel, sent?: () => void): Promise<OrderModel[]>;
  previewModifyOrder(accountNumber: string, modify: ModifyOrderModel): Promise<PreviewOrderModel>;
  modifyOrder(accountNumber: string, modify: ModifyOrderModel): Promise<OrderModel[]>;
  cancelOrder(accountNumber: string, orderNumber: number): Promise<OrderModel[]>;
  getOrder(accountNumber: string, orderNumber: number): Promise<OrderModel[]>;
  getHistoricalOrders(accountNumber: string, year: number, month: number): Promise<OrderModel[]>;
  searchKidDocuments(accountNumber: string, instrumentId: string): Promise<KidResponseModel["kidCollection"]["kids"]>;
  readKidDocument(accountNumber: string, instrumentId: string, kidId: string): Promise<KidBytes>;
}

const USER_ACTION: CallOptions = { priority: "userAction" };

/**
 * The order operations of swagger.json (Orders_*, Instruments_SearchKidDocument / _ReadKidDocument) over the
 * runtime's REST client: every request a user action in the budget, writes never repeated after a network failure.
 */
export class OrderRequests implements OrderApi {
  /** `orderRelay`: the broker's relay (BrokerPublicConfig.orderRelay) that placements go through; absent, the API. */
  constructor(private readonly client: BinckRestClient, private readonly orderRelay?: string) {}

  getAccounts(options: CallOptions = USER_ACTION): Promise<AccountModel[]> {
    return this.client.getAccounts(options);
  }

  getInstruments(accountNumber: string, instrumentIds: readonly string[], options: CallOptions & { includeTickSizes?: boolean } = USER_ACTION): Promise<InstrumentModel[]> {
    return this.client.getInstruments(accountNumber, instrumentIds, options);
  }

  getOrders(accountNumber: string, query: OrdersQuery = {}, options: CallOptions = USER_ACTION): Promise<OrderModel[]> {
    return this.client.getOrders(accountNumber, query, options);
  }

  /** #14 Orders_PreviewOrder: 200 also when the order cannot be registered (the reasons are in warningsToBeShown). */
  async previewOrder(accountNumber: string, order: NewOrderModel): Promise<PreviewOrderModel> {
    const body = await this.call<PreviewOrderResponse>({ method: "POST", path: `${ordersPath(accountNumber)}/preview`, json: order });
    if (!body?.previewOrder) throw unreadable("POST orders/preview", "no previewOrder");
    return body.previewOrder;
  }

  /** #15 Orders_PreviewOrderCosts: without the validationCode, as the official demo sends it. */
  async previewOrderCosts(accountNumber: string, order: NewOrderModel): Promise<OrderCostsCollection> {
    const { validationCode: _code, ...withoutCode } = order;
    const body = await this.call<OrderCostsResponse>({ method: "POST", path: `${ordersPath(accountNumber)}/costs`, json: withoutCode });
    return body?.costsCollection ?? { legs: [] };
  }

  /**
   * #16 Orders_RegisterOrder (201), through the broker's order relay when there is one: a browser may re-send a POST
   * whose reused connection closed before any answer byte, and only the relay makes that one order (README "Orders").
   * A network failure, a 5xx without a body (a gateway lost Binck's answer) or the relay's `answerLost` is a lost
   * answer: thrown as a `network` BinckError, never repeated here; the desk looks the order up.
   */
  async registerOrder(accountNumber: string, order: NewOrderModel, sent?: () => void): Promise<OrderModel[]> {
    const what = this.orderRelay ? "POST orders (order relay)" : "POST orders";
    const request: RestCall = this.orderRelay
      ? { method: "POST", base: this.orderRelay, path: `/${encodeURIComponent(accountNumber)}`, json: order }
      : { method: "POST", path: ordersPath(accountNumber), json: order };
    const answer: HttpAnswer = await this.client.callRaw(request, { ...USER_ACTION, onSend: sent });
    const body = answer.status >= 500 && answer.status !== 503 ? parseJsonBody(answer.bodyText) : {};
    if (body === undefined) {
      throw new BinckError("network", "Binck's answer to this order was lost.", `${what} answered ${answer.status} without a body: the answer is lost`, answer.status);
    }
    if (isAnswerLost(body)) {
      throw new BinckError("network", body.endUserMessage ?? "Binck's answer to this order was lost.", `${what} answered ${answer.status}: ${body.developerMessage ?? "answerLost"}`, answer.status);
    }
    const placed = processJson<OrderResponse>(answer, what, (failed) => apiError(failed.status, failed.statusText, failed.bodyText, what));
    return placed?.ordersCollection?.orders ?? [];
  }

  /** #17 Orders_PreviewModifyOrder: a new limit price only. */
  async previewModifyOrder(accountNumber: string, modify: ModifyOrderModel): Promise<PreviewOrderModel> {
    const body = await this.call<PreviewOrderResponse>({ method: "POST", path: `${orderPath(accountNumber, modify.orderNumber)}/preview`, json: modify });
    if (!body?.previewOrder) throw unreadable("POST orders/{number}/preview", "no previewOrder");
    return body.previewOrder;
  }

  /** #18 Orders_ModifyOrder (PATCH) with the validationCode of #17. */
  async modifyOrder(accountNumber: string, modify: ModifyOrderModel): Promise<OrderModel[]> {
    const body = await this.call<OrderResponse>({ method: "PATCH", path: orderPath(accountNumber, modify.orderNumber), json: modify });
    return body?.ordersCollection?.orders ?? [];
  }

  /** #19 Orders_CancelOrder: the cancellation is requested; `canceled` follows as an event. */
  async cancelOrder(accountNumber: string, orderNumber: number): Promise<OrderModel[]> {
    const body = await this.call<OrderResponse>({ method: "DELETE", path: orderPath(accountNumber, orderNumber) });
    return body?.ordersCollection?.orders ?? [];
  }

  /** #13 Orders_GetOrder: one OrderModel per line. */
  async getOrder(accountNumber: string, orderNumber: number): Promise<OrderModel[]> {
    const body = await this.call<OrderResponse>({ method: "GET", path: orderPath(accountNumber, orderNumber) });
    return body?.ordersCollection?.orders ?? [];
  }

  /** #12 Orders_GetHistoricalOrders: the orders of one calendar month, every page. */
  getHistoricalOrders(accountNumber: string, year: number, month: number): Promise<OrderModel[]> {
    return this.client.getOrderHistory(accountNumber, year, month, USER_ACTION);
  }

  /** #27 Instruments_SearchKidDocument (scope write): possibly empty. */
  async searchKidDocuments(accountNumber: string, instrumentId: string): Promise<KidResponseModel["kidCollection"]["kids"]> {
    const body = await this.call<KidResponseModel>({ method: "GET", path: `/instruments/${encodeURIComponent(instrumentId)}/kid`, query: { accountNumber } });
    return body?.kidCollection?.kids ?? [];
  }

  /** #28 Instruments_ReadKidDocument: the PDF's bytes (swagger's content type is literally `attachment/PDF`). */
  async readKidDocument(accountNumber: string, instrumentId: string, kidId: string): Promise<KidBytes> {
    const what = "GET instruments/{id}/kid/{kidId}";
    const request: RestCall = {
      method: "GET", path: `/instruments/${encodeURIComponent(instrumentId)}/kid/${encodeURIComponent(kidId)}`, query: { accountNumber }, accept: "application/pdf, attachment/PDF, */*",
    };
    const answer = await this.client.callRaw(request, USER_ACTION);
    if (!answer.ok) throw apiError(answer.status, answer.statusText, answer.bodyText, what);
    if (!answer.bytes) throw unreadable(what, "no document bytes");
    return { bytes: answer.bytes, contentType: answer.contentType ?? "application/pdf" };
  }

  private call<T>(request: RestCall): Promise<T> {
    return this.client.call<T>(request, USER_ACTION);
  }
}

function ordersPath(accountNumber: string): string {
  return `/accounts/${encodeURIComponent(accountNumber)}/orders`;
}

function orderPath(accountNumber: string, orderNumber: number): string {
  return `${ordersPath(accountNumber)}/${encodeURIComponent(String(orderNumber))}`;
}

/** The relay's own answer when its call to Binck lost the answer (wire/broker.ts `answerLost`). */
function isAnswerLost(body: unknown): body is { errorCode: "answerLost"; endUserMessage?: string; developerMessage?: string } {
  return typeof body === "object" && body !== null && (body as { errorCode?: unknown }).errorCode === "answerLost";
}

function unreadable(what: string, detail: string): BinckError {
  return new BinckError("api", "Binck sent an answer the add-in cannot read.", `${what}: ${detail} in the answer.`);
}
