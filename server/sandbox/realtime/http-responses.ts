import type { ServerResponse } from "node:http";

/** Small writers for the realtime origin's plain HTTP answers. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader("Content-Type", "application/json; charset=utf-8");
  response.setHeader("Cache-Control", "no-cache");
  response.end(JSON.stringify(body));
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader("Content-Type", "text/plain; charset=utf-8");
  response.end(text);
}

/** ASP.NET's AddNoCacheHeaders, on every long poll. */
export function setNoCacheHeaders(response: ServerResponse): void {
  response.setHeader("Cache-Control", "no-cache, no-store");
  response.setHeader("Pragma", "no-cache");
  response.setHeader("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
}
