import type { Realm } from "./auth";

/** What the sign-in dialog sends the add-in through messageParent (JSON). Never a refresh token or a secret. */
export type SignInMessage =
  | {
      kind: "signedIn";
      accessToken: string;
      /** Epoch milliseconds at which the access token stops working. */
      expiresAtMs: number;
      scope: string;
      readOnly: boolean;
      realm: Realm;
      /** Opaque, high-entropy: the broker's key for the refresh token. */
      sessionHandle: string;
    }
  | { kind: "error"; errorCode: BrokerErrorCode; endUserMessage: string; developerMessage: string };

/** POST /auth/refresh body. `force`: the API refused the current token, so do not hand it out again. */
export interface RefreshRequest {
  sessionHandle: string;
  force?: boolean;
}

/** POST /auth/refresh answer. */
export interface RefreshedToken {
  accessToken: string;
  expiresAtMs: number;
  scope: string;
  readOnly: boolean;
}

/** Error body of every /auth endpoint. */
export interface BrokerErrorBody {
  errorCode: BrokerErrorCode;
  endUserMessage: string;
  developerMessage: string;
}

export type BrokerErrorCode =
  | "invalidRequest"
  | "stateMismatch"
  | "accessDenied"
  | "exchangeFailed"
  | "signInRequired"
  | "upstreamUnavailable"
  | "tooManyRequests"
  | "forbiddenOrigin"
  | "notFound"
  /** The order relay sent a placement to Binck and lost its answer: the order may exist; look it up by referenceId. */
  | "answerLost";

/** GET /auth/config: what the add-in needs to know about the deployment it talks to. No secrets. */
export interface BrokerPublicConfig {
  environment: string;
  environmentDescription: string;
  apiBase: string;
  realtimeUrl: string;
  defaultRealm: Realm;
  realms: Realm[];
  /**
   * Where placements go instead of the API (`POST {orderRelay}/{accountNumber}` with the NewOrderModel body and
   * the Bearer token): the broker sends each referenceId to Binck once. Absent: placements go to the API directly.
   */
  orderRelay?: string;
}

/** The order relay's path on the add-in origin. */
export const ORDER_RELAY_PATH = "/auth/orders";

export const SESSION_HANDLE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
