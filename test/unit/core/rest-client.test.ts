import { ManualClock } from "../../../src/core/clock";
import { ConnectionStatus } from "../../../src/core/connection/connection-status";
import { BinckRestClient, type FetchLike } from "../../../src/core/rest/client";
import type { TokenSource } from "../../../src/core/session/token-source";

function tokens(renewTo: string | undefined) {
  let current = "old-token";
  const log: string[] = [];
  const source: TokenSource = {
    getAccessToken: () => current,
    renewAfterRejection: async () => {
      log.push("renew");
      if (!renewTo) return false;
      current = renewTo;
      return true;
    },
    noteActivity: () => {
      log.push("activity");
    },
    onTokenRefreshed: () => () => undefined,
  };
  return { source, log };
}

const accounts = { accountsCollection: { accounts: [{ name: "A", number: "123", type: "savings", isReadOnly: true }] }, metadata: { version: "1", timestamp: "t" } };

describe("BinckRestClient", () => {
  it("renews a refused token once and repeats the request with the new one", async () => {
    const seen: string[] = [];
    const fetchFn: FetchLike = async (_url, init) => {
      const auth = new Headers(init?.headers).get("Authorization")!;
      seen.push(auth);
      return auth === "Bearer new-token" ? new Response(JSON.stringify(accounts), { status: 200 }) : new Response("", { status: 401 });
    };
    const { source, log } = tokens("new-token");
    const client = new BinckRestClient("https://api.test/api/v1", source, fetchFn);
    expect(await client.getAccounts()).toEqual(accounts.accountsCollection.accounts);
    expect(seen).toEqual(["Bearer old-token", "Bearer new-token"]);
    expect(log).toEqual(["renew", "activity"]);
  });

  it("gives signInRequired when the session cannot be renewed", async () => {
    const { source } = tokens(undefined);
    const client = new BinckRestClient("https://api.test/api/v1", source, async () => new Response("", { status: 401, statusText: "Unauthorized" }));
    await expect(client.getAccounts()).rejects.toMatchObject({ code: "signInRequired", endUserMessage: "Signed out — sign in again.", status: 401 });
  });

  it("reads the maintenance body's PascalCase keys, and reports maintenance, then unreachable, as the connection status", async () => {
    const { source } = tokens(undefined);
    const body = { DeveloperMessage: "Temporary maintenance mode", EndUserMessage: "Binck is down for planned maintenance.", ErrorCode: "ServiceUnavailable", ErrorId: 503 };
    const connection = new ConnectionStatus({ clock: new ManualClock(42) });
    const client = new BinckRestClient("https://api.test/api/v1", source, async () => new Response(JSON.stringify(body), { status: 503 }), connection);
    await expect(client.getAccounts()).rejects.toMatchObject({
      code: "maintenance",
      endUserMessage: "Binck is down for planned maintenance.",
      developerMessage: "GET /accounts answered 503: Temporary maintenance mode (errorId 503)",
    });
    expect(connection.current()).toMatchObject({ api: "maintenance", apiCheckedAtMs: 42 });
    const unreachable = new BinckRestClient("https://api.test/api/v1", source, async () => {
      throw new TypeError("fetch failed");
    }, connection);
    await expect(unreachable.getAccounts()).rejects.toMatchObject({ code: "network", endUserMessage: "Binck cannot be reached. Check your connection." });
    expect(connection.current()).toMatchObject({ api: "offline", apiCheckedAtMs: 42 });
  });
});
