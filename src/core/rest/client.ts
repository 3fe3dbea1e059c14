import { BinckError } from "../errors";
import type { AccountModel, AccountsResponse } from "../wire/models";
import type { ConnectionStatus } from "../connection/connection-status";
import type { TokenSource } from "../session/token-source";
import { apiError } from "./api-errors";

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * A typed REST client of the Binck API. Grows operation by operation; the request scheduler will sit behind it.
 * A 401 renews the token once through the session and repeats the request; a second 401 is signInRequired.
 */
export class BinckRestClient {
  constructor(
    private readonly apiBase: string,
    private readonly tokens: TokenSource,
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
    private readonly connection?: ConnectionStatus,
  ) {}

  async getAccounts(): Promise<AccountModel[]> {
    const body = await this.get<AccountsResponse>("/accounts");
    return body.accountsCollection.accounts ?? [];
  }

  private async get<T>(path: string, renewed = false): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchFn(`${this.apiBase}${path}`, {
        headers: { Authorization: `Bearer ${this.tokens.getAccessToken()}`, Accept: "application/json; charset=utf-8" },
      });
    } catch (cause) {
      if (cause instanceof BinckError) throw cause;
      this.connection?.reportApi("offline");
      throw new BinckError("network", "Binck cannot be reached. Check your connection.", `GET ${path} failed: ${(cause as Error).message}`, undefined, { cause });
    }
    const text = await response.text();
    this.connection?.reportApi(response.status === 503 ? "maintenance" : "online");
    if (response.status === 401 && !renewed && (await this.tokens.renewAfterRejection())) return this.get<T>(path, true);
    if (response.status !== 503) this.tokens.noteActivity();
    if (!response.ok) throw apiError(response.status, response.statusText, text, `GET ${path}`);
    return JSON.parse(text) as T;
  }
}
