import { BinckError } from "../errors";
import { parseJsonBody, platformFetch, processJson, sendHttp, type FetchLike, type HttpAnswer } from "../http/http";
import type { BrokerErrorBody, BrokerPublicConfig, RefreshedToken, RefreshRequest } from "../wire/broker";

export type { FetchLike };

const BROKER_UNREACHABLE = { code: "brokerUnavailable", endUserMessage: "The add-in's server cannot be reached. Check your connection." } as const;

/** The add-in's calls to its token broker (/auth on the add-in origin). */
export class BrokerClient {
  constructor(private readonly baseUrl: string, private readonly fetchFn: FetchLike = platformFetch) {}

  config(): Promise<BrokerPublicConfig> {
    return this.call<BrokerPublicConfig>("GET", "/auth/config");
  }

  /** `force`: the API refused the current token, so the broker must not hand the same one out again. */
  refresh(sessionHandle: string, force = false): Promise<RefreshedToken> {
    const body: RefreshRequest = force ? { sessionHandle, force } : { sessionHandle };
    return this.call<RefreshedToken>("POST", "/auth/refresh", body);
  }

  async logout(sessionHandle: string): Promise<void> {
    await this.call<unknown>("POST", "/auth/logout", { sessionHandle });
  }

  /** Where the sign-in dialog starts: the broker redirects it to the Binck login. */
  loginUrl(realm: string, locale: string): string {
    return `${this.baseUrl}/auth/login?${new URLSearchParams({ realm, locale })}`;
  }

  private async call<T>(method: "GET" | "POST", path: string, json?: unknown): Promise<T> {
    const answer = await sendHttp(this.fetchFn, { method, url: `${this.baseUrl}${path}`, json }, BROKER_UNREACHABLE);
    return processJson<T>(answer, `${method} ${path}`, (failed) => brokerError(failed, `${method} ${path}`));
  }
}

/** The broker's error body (wire/broker.ts) as a BinckError; only its signInRequired ends a session. */
export function brokerError(answer: HttpAnswer, what: string): BinckError {
  const error = parseJsonBody(answer.bodyText) as Partial<BrokerErrorBody> | undefined;
  const code = error?.errorCode === "signInRequired" ? "signInRequired" : answer.status === 429 ? "rateLimited" : "brokerUnavailable";
  return new BinckError(code, error?.endUserMessage || "The add-in's server could not complete the request.",
    `${what} answered ${answer.status}: ${error?.developerMessage ?? answer.bodyText.slice(0, 200)}`, answer.status);
}
