import { clip } from "../shared/clip";

/** Swagger's account numbers (the sandbox's rule too): 3 to 15 letters or digits. */
const ACCOUNT_NUMBER_PATTERN = /^[0-9A-Za-z]{3,15}$/;
const REFERENCE_ID_MAX_LENGTH = 40;

/** NewOrderModel's properties (swagger.json, Orders_RegisterOrder): nothing else is forwarded. */
const NEW_ORDER_FIELDS = new Set([
  "type", "quantity", "duration", "expirationDate", "limitPrice", "stopPrice", "cash", "srd", "future", "option", "validationCode", "referenceId",
]);
const TYPES = ["limit", "market", "stop", "stopLimit"];
const DURATIONS = ["day", "goodTillCancelled", "goodTillDate"];

/** A placement the relay may forward: the account and the body's referenceId, the key of "once". */
export interface RelayedPlacement {
  accountNumber: string;
  referenceId: string;
  body: Record<string, unknown>;
}

/**
 * Checks what the relay needs itself: the account number, a NewOrderModel object with a referenceId of 1–40
 * characters, no unknown fields, and the three required fields' kinds. The rest (legs, prices, the
 * validationCode) is Binck's to judge: it answers 400 with its own message. Returns the problem as a sentence.
 */
export function checkPlacement(accountNumber: string, body: unknown): RelayedPlacement | string {
  if (!ACCOUNT_NUMBER_PATTERN.test(accountNumber)) {
    return `accountNumber '${clip(accountNumber)}' in the path is not an account number (3 to 15 letters or digits).`;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return "The body must be a NewOrderModel JSON object (swagger.json, Orders_RegisterOrder) sent as application/json.";
  }
  const order = body as Record<string, unknown>;
  const unknown = Object.keys(order).filter((key) => !NEW_ORDER_FIELDS.has(key));
  if (unknown.length > 0) {
    return `Field ${unknown.map((key) => `'${clip(key, 40)}'`).join(", ")} is not part of NewOrderModel; it has ${[...NEW_ORDER_FIELDS].join(", ")}.`;
  }
  const { referenceId } = order;
  if (typeof referenceId !== "string" || referenceId.length < 1 || referenceId.length > REFERENCE_ID_MAX_LENGTH) {
    const shown = referenceId === undefined ? "(missing)" : clip(JSON.stringify(referenceId));
    return `referenceId ${shown} must be text of 1 to ${REFERENCE_ID_MAX_LENGTH} characters: the relay sends each referenceId to Binck once.`;
  }
  if (typeof order.type !== "string" || !TYPES.includes(order.type)) return `type ${shown(order.type)} must be one of ${TYPES.join(", ")}.`;
  if (typeof order.quantity !== "number" || !Number.isFinite(order.quantity)) return `quantity ${shown(order.quantity)} must be a number.`;
  if (typeof order.duration !== "string" || !DURATIONS.includes(order.duration)) return `duration ${shown(order.duration)} must be one of ${DURATIONS.join(", ")}.`;
  return { accountNumber, referenceId, body: order };
}

function shown(value: unknown): string {
  return value === undefined ? "(missing)" : clip(JSON.stringify(value) ?? String(value));
}
