import { BinckError } from "../errors";
import type { FetchLike } from "../rest/client";
import type { BrokerErrorBody, BrokerPublicConfig, RefreshedToken, RefreshRequest } from "../wire/broker";

export type { FetchLike };

/** The add-in's calls to its token broker (/auth on the add-in origin). */
export class BrokerClient {
  constructor(private readonly baseUrl: string, private readonly fetchFn: FetchLike = (url, init) => fetch(url, init)) {}

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

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers: body === undefined ? undefined : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new BinckError("brokerUnavailable", "The add-in's server cannot be reached. Check your connection.", `${method} ${path} failed: ${(cause as Error).message}`, undefined, { cause });
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (response.ok) return parsed as T;
    const error = parsed as Partial<BrokerErrorBody> | undefined;
    const code = error?.errorCode === "signInRequired" ? "signInRequired" : response.status === 429 ? "rateLimited" : "brokerUnavailable";
    throw new BinckError(code, error?.endUserMessage || "The add-in's server could not complete the request.",
      `${method} ${path} answered ${response.status}: ${error?.developerMessage ?? text.slice(0, 200)}`, response.status);
  }
}
