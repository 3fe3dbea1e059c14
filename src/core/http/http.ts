import { BinckError, type BinckErrorCode } from "../errors";

/**
 * The fetch seam of core, in two halves after oauth4webapi's request/process split: `sendHttp` builds and sends
 * a request and returns the raw answer; `processJson` checks an answer and types its body. The shapes are our
 * own minimal ones (no DOM types in core); the global fetch of browsers and Node fits them.
 */
export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  text(): Promise<string>;
  arrayBuffer?(): Promise<ArrayBuffer>;
  readonly headers?: { get(name: string): string | null };
}

export type FetchLike = (url: string, init?: HttpRequestInit) => Promise<HttpResponseLike>;

/** The platform's fetch, looked up at call time (tests and hosts may replace it). */
export const platformFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

export interface HttpRequest {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON with a Content-Type header. */
  json?: unknown;
  /** Read a successful answer's body as bytes (HttpAnswer.bytes) instead of text (a PDF). */
  binary?: boolean;
}

/** What came back: the status and the whole body as text. */
export interface HttpAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly bodyText: string;
  /** The body of a successful `binary` request, with its Content-Type. */
  readonly bytes?: ArrayBuffer;
  readonly contentType?: string;
}

/** How to tell a person that the other side could not be reached. */
export interface Unreachable {
  code: BinckErrorCode;
  endUserMessage: string;
}

/** Builds and sends one request. Only a failure to reach the server throws (a BinckError with `unreachable`'s code). */
export async function sendHttp(fetchFn: FetchLike, request: HttpRequest, unreachable: Unreachable): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.json !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
  try {
    const response = await fetchFn(request.url, {
      method: request.method,
      headers,
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
    });
    if (request.binary && response.ok && response.arrayBuffer) {
      const contentType = response.headers?.get("content-type") ?? undefined;
      return { status: response.status, statusText: response.statusText, ok: true, bodyText: "", bytes: await response.arrayBuffer(), contentType };
    }
    return { status: response.status, statusText: response.statusText, ok: response.ok, bodyText: await response.text() };
  } catch (cause) {
    if (cause instanceof BinckError) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new BinckError(unreachable.code, unreachable.endUserMessage, `${request.method} ${pathOf(request.url)} failed: ${detail}`, undefined, { cause });
  }
}

/** The body as JSON, or undefined when it is empty or not JSON. */
export function parseJsonBody(bodyText: string): unknown {
  if (!bodyText) return undefined;
  try {
    return JSON.parse(bodyText) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Checks an answer: a success gives its JSON body as `T`; anything else becomes the error `toError` makes.
 * A success whose body is not JSON is an error too (code `api`).
 */
export function processJson<T>(answer: HttpAnswer, what: string, toError: (answer: HttpAnswer) => BinckError): T {
  if (!answer.ok) throw toError(answer);
  const body = parseJsonBody(answer.bodyText);
  if (body === undefined && answer.bodyText !== "") {
    throw new BinckError("api", "Binck sent an answer the add-in cannot read.", `${what} answered ${answer.status} with a body that is not JSON: ${answer.bodyText.slice(0, 200)}`, answer.status);
  }
  return body as T;
}

/** The path of a URL for messages (the query may hold account numbers; the host is noise). */
export function pathOf(url: string): string {
  const match = /^[a-z]+:\/\/[^/]+(\/[^?#]*)?/i.exec(url);
  return match ? match[1] || "/" : url;
}
