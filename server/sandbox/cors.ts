import type { IncomingMessage, ServerResponse } from "node:http";

const ALLOWED_HEADERS = "Authorization, Content-Type, Accept, X-Requested-With, X-SignalR-User-Agent";
const ALLOWED_METHODS = "GET, POST, PATCH, DELETE, OPTIONS";

/**
 * Sets CORS headers for an allowed origin (credentials allowed: the browser SignalR client sends them).
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin && (allowedOrigins.includes("*") || allowedOrigins.includes(origin))) {
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.setHeader("Access-Control-Allow-Credentials", "true");
    response.setHeader("Vary", "Origin");
    response.setHeader("Access-Control-Expose-Headers", "Content-Disposition");
  }
  if (request.method === "OPTIONS" && request.headers["access-control-request-method"]) {
    response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
    response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    response.setHeader("Access-Control-Max-Age", "600");
    response.statusCode = 204;
    response.end();
    return true;
  }
  return false;
}
