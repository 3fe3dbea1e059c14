import { clip } from "../shared/clip";
import { failure, type BrokerFailure } from "./broker-errors";

/** What the JSON body parser (body-parser, under express.json) puts on the errors it passes on. */
interface BodyParserError {
  status?: number;
  type?: string;
  expose?: boolean;
  message?: string;
  charset?: string;
  encoding?: string;
  limit?: number;
  length?: number;
  expected?: number;
  received?: number;
}

const BODY_RULE = "send a JSON object such as {\"sessionHandle\": \"…\"} with Content-Type: application/json";
const ACCEPTED_CHARSETS = "utf-8 (the default when none is named), utf-16le, utf-16be or another UTF charset spelt with its hyphen";
const ACCEPTED_ENCODINGS = "identity (uncompressed), gzip, deflate or br";

/**
 * Turns an error that reached the broker's error handler into the answer: a request the broker could not read
 * is named with what was wrong and what is accepted; anything else is the broker's own failure (logged).
 */
export function failureOfRequestError(error: unknown, where: string): BrokerFailure {
  const fault = (typeof error === "object" && error !== null ? error : {}) as BodyParserError;
  const status = typeof fault.status === "number" ? fault.status : 500;
  const bad = (developerMessage: string) => failure(status, "invalidRequest", developerMessage);
  switch (fault.type) {
    case "entity.parse.failed":
      // The parser's message would quote the body, which may hold a session handle: it is left out.
      return bad(`The request body is not a valid JSON object: ${BODY_RULE}.`);
    case "entity.too.large":
      return bad(`The request body${fault.length !== undefined ? ` (${fault.length} bytes)` : ""} is larger than the ${fault.limit ?? "allowed"} bytes the broker accepts.`);
    case "charset.unsupported":
      return bad(`The Content-Type charset '${fault.charset ?? ""}' is not accepted: send the JSON in ${ACCEPTED_CHARSETS}.`);
    case "encoding.unsupported":
      return bad(`The Content-Encoding '${fault.encoding ?? ""}' is not accepted: send the body as ${ACCEPTED_ENCODINGS}.`);
    case "request.aborted":
      return bad("The request was aborted before its whole body arrived.");
    case "request.size.invalid":
      return bad(`The request body has ${fault.received ?? "another number of"} bytes, but its Content-Length says ${fault.expected ?? "otherwise"}.`);
  }
  if (status < 500 && fault.expose && fault.message) return bad(`The request could not be read on ${clip(where, 200)}: ${clip(fault.message, 200)}.`);
  return failure(status >= 500 ? status : 500, "upstreamUnavailable", `The broker failed unexpectedly on ${clip(where, 200)}; its log has the details.`,
    "The add-in's server had a problem. Please try again.");
}
