import { BinckError } from "../../../src/core/errors";
import { pathOf, processJson, sendHttp, type FetchLike, type HttpRequestInit } from "../../../src/core/http/http";

const UNREACHABLE = { code: "network", endUserMessage: "Binck cannot be reached. Check your connection." } as const;

describe("sendHttp", () => {
  it("sends JSON with its content type and hands back status and body text", async () => {
    const seen: Array<[string, HttpRequestInit | undefined]> = [];
    const fetchFn: FetchLike = async (url, init) => {
      seen.push([url, init]);
      return new Response('{"a":1}', { status: 201, statusText: "Created" });
    };
    const answer = await sendHttp(fetchFn, { method: "POST", url: "https://x.test/auth/refresh", headers: { Accept: "application/json" }, json: { sessionHandle: "h" } }, UNREACHABLE);
    expect(answer).toEqual({ status: 201, statusText: "Created", ok: true, bodyText: '{"a":1}' });
    expect(seen).toEqual([["https://x.test/auth/refresh", {
      method: "POST", headers: { Accept: "application/json", "Content-Type": "application/json; charset=utf-8" }, body: '{"sessionHandle":"h"}',
    }]]);
  });

  it("turns a failure to reach the server into the given code, naming the path but not the query", async () => {
    const failing: FetchLike = async () => {
      throw new TypeError("fetch failed");
    };
    const error = await sendHttp(failing, { method: "GET", url: "https://x.test/api/v1/quotes?accountNumber=190126781" }, UNREACHABLE).catch((caught: unknown) => caught as BinckError);
    expect(error).toMatchObject({ code: "network", endUserMessage: UNREACHABLE.endUserMessage, developerMessage: "GET /api/v1/quotes failed: fetch failed" });
    expect((error as BinckError).cause).toBeInstanceOf(TypeError);
  });
});

describe("processJson", () => {
  const answer = (status: number, bodyText: string) => ({ status, statusText: "", ok: status < 300, bodyText });

  it("types a JSON success, reads an empty success as undefined, and lets the caller make the error of a failure", () => {
    expect(processJson<{ a: number }>(answer(200, '{"a":1}'), "GET /x", () => new BinckError("api", "", ""))).toEqual({ a: 1 });
    expect(processJson(answer(204, ""), "DELETE /x", () => new BinckError("api", "", ""))).toBeUndefined();
    expect(() => processJson(answer(404, "{}"), "GET /x", (failed) => new BinckError("api", "Not found.", `status ${failed.status}`, failed.status))).toThrow("status 404");
  });
});

describe("pathOf", () => {
  it.each([["https://a.test:3002/api/v1/accounts?x=1", "/api/v1/accounts"], ["https://a.test", "/"], ["/relative?q", "/relative?q"]])("%s → %s", (url, path) => {
    expect(pathOf(url)).toBe(path);
  });
});
