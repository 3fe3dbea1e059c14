import { failureOfRequestError } from "../../../server/broker/request-errors";

/** An error shaped as http-errors makes them for body-parser and the router: status, expose, type and details. */
function createError(status: number, message: string, details: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: status < 500, ...details });
}

/** Errors as body-parser and the router pass them on, and the answer the broker gives for each. */
describe("failureOfRequestError", () => {
  it.each([
    ["a body that is not JSON", createError(400, "Unexpected token 'a', \"abc-handle\" is not valid JSON", { type: "entity.parse.failed" }),
      400, "invalidRequest", "The request body is not a valid JSON object: send a JSON object such as {\"sessionHandle\": \"…\"} with Content-Type: application/json."],
    ["a body over the limit", createError(413, "request entity too large", { type: "entity.too.large", limit: 2048, length: 5000 }),
      413, "invalidRequest", "The request body (5000 bytes) is larger than the 2048 bytes the broker accepts."],
    ["a chunked body over the limit", createError(413, "request entity too large", { type: "entity.too.large", limit: 2048 }),
      413, "invalidRequest", "The request body is larger than the 2048 bytes the broker accepts."],
    ["a charset that is not UTF", createError(415, "unsupported charset \"LATIN1\"", { type: "charset.unsupported", charset: "latin1" }),
      415, "invalidRequest", "The Content-Type charset 'latin1' is not accepted: send the JSON in utf-8 (the default when none is named), utf-16le, utf-16be or another UTF charset spelt with its hyphen."],
    ["an unknown compression", createError(415, "unsupported content encoding \"compress\"", { type: "encoding.unsupported", encoding: "compress" }),
      415, "invalidRequest", "The Content-Encoding 'compress' is not accepted: send the body as identity (uncompressed), gzip, deflate or br."],
    ["an aborted upload", createError(400, "request aborted", { type: "request.aborted" }),
      400, "invalidRequest", "The request was aborted before its whole body arrived."],
    ["a body shorter than its Content-Length", createError(400, "request size did not match content length", { type: "request.size.invalid", expected: 40, received: 12 }),
      400, "invalidRequest", "The request body has 12 bytes, but its Content-Length says 40."],
    ["a path that cannot be decoded", createError(400, "Failed to decode param '%E0%A4%A'"),
      400, "invalidRequest", "The request could not be read on GET /x: Failed to decode param '%E0%A4%A'."],
    ["a failure of the broker itself", new Error("store offline"),
      500, "upstreamUnavailable", "The broker failed unexpectedly on GET /x; its log has the details."],
    ["a server error with a status", createError(503, "busy"),
      503, "upstreamUnavailable", "The broker failed unexpectedly on GET /x; its log has the details."],
  ])("answers %s", (_what, error, status, errorCode, developerMessage) => {
    expect(failureOfRequestError(error, "GET /x")).toEqual(expect.objectContaining({ status, errorCode, developerMessage }));
  });

  it("never quotes the body the parser saw", () => {
    const answer = failureOfRequestError(createError(400, "Unexpected token, \"secret-handle\" is not valid JSON", { type: "entity.parse.failed" }), "POST /auth/refresh");
    expect(JSON.stringify(answer)).not.toContain("secret-handle");
  });

  it("keeps the person's message plain when the broker itself failed", () => {
    expect(failureOfRequestError(new Error("boom"), "POST /auth/refresh").endUserMessage).toBe("The add-in's server had a problem. Please try again.");
  });
});
