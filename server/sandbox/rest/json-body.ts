import express, { type RequestHandler } from "express";
import type { IncomingMessage } from "node:http";
import { ApiError, endUser } from "./api-error";

/** Content-Encodings a request body may carry; body-parser decodes each of them. */
const BODY_ENCODINGS = ["identity", "gzip", "deflate", "br"] as const;

/**
 * Reads every request body as JSON (whatever its Content-Type, as the API did) and turns each way it can fail into
 * an ApiError that names the real problem, so nothing else has to guess from a bare status.
 * Like 413 for an oversized body, 415 is a refusal of the request's framing before any operation runs, so it keeps
 * its HTTP status although swagger declares it for no operation (README, "The sandbox").
 */
export function jsonBody(maxBodyBytes: number): RequestHandler {
  const parse = express.json({ limit: maxBodyBytes, type: () => true, strict: false });
  return (request, response, next) => {
    const encoding = (request.headers["content-encoding"] ?? "identity").trim().toLowerCase();
    if (hasBody(request) && !(BODY_ENCODINGS as readonly string[]).includes(encoding)) {
      return next(new ApiError(415, "validationError", `Content-Encoding '${encoding.slice(0, 40)}' is not supported: send the body uncompressed, or as gzip, deflate or br.`, endUser.invalidInput));
    }
    parse(request, response, (error?: unknown) => next(error === undefined ? undefined : bodyError(error, encoding, maxBodyBytes)));
  };
}

function bodyError(error: unknown, encoding: string, maxBodyBytes: number): unknown {
  if (!(error instanceof Error)) return error;
  const type = (error as { type?: unknown }).type;
  const invalid = (status: number, message: string) => new ApiError(status, "validationError", message, endUser.invalidInput);
  switch (type) {
    case "entity.too.large": return invalid(413, `The request body is larger than ${maxBodyBytes} bytes.`);
    case "entity.parse.failed": return invalid(400, `The request body is not valid JSON: ${error.message}`);
    case "charset.unsupported": return invalid(415, `The request body's ${error.message}: send JSON in UTF-8.`);
    case undefined:
      // zlib's own error, passed on by body-parser without a type: the bytes are not what the header says.
      if (encoding !== "identity") return invalid(400, `The request body says Content-Encoding: ${encoding} but cannot be decoded as ${encoding} (${error.message}).`);
  }
  return invalid(400, `The request body could not be read: ${error.message}.`);
}

/** RFC 9112 6.3: a request has a body when it is chunked or declares a length (0 included, as body-parser counts it). */
function hasBody(request: IncomingMessage): boolean {
  return request.headers["transfer-encoding"] !== undefined || request.headers["content-length"] !== undefined;
}
