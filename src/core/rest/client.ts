import { BinckError } from "../errors";
import type { AccountModel, AccountsResponse } from "../wire/models";
import { apiError } from "./api-errors";

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** A typed REST client of the Binck API. Grows operation by operation; the request scheduler will sit behind it. */
export class BinckRestClient {
  constructor(
    private readonly apiBase: string,
    private readonly accessToken: () => string,
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
  ) {}

  async getAccounts(): Promise<AccountModel[]> {
    const body = await this.get<AccountsResponse>("/accounts");
    return body.accountsCollection.accounts ?? [];
  }

  private async get<T>(path: string): Promise<T> {
    const url = `${this.apiBase}${path}`;
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        headers: { Authorization: `Bearer ${this.accessToken()}`, Accept: "application/json; charset=utf-8" },
      });
    } catch (cause) {
      if (cause instanceof BinckError) throw cause;
      throw new BinckError("network", "Binck cannot be reached. Check your connection.", `GET ${path} failed: ${(cause as Error).message}`, undefined, { cause });
    }
    const text = await response.text();
    if (!response.ok) throw apiError(response.status, response.statusText, text, `GET ${path}`);
    return JSON.parse(text) as T;
  }
}
