import { BinckError, SIGNED_OUT_MESSAGE } from "../errors";

/**
 * Turns a failed API response into a BinckError. Keys are read case-insensitively (the maintenance 503 uses
 * PascalCase), a 401 may have no body, and gateway errors may carry only `message` (API.md 4.1, 4.2).
 */
export function apiError(status: number, statusText: string, bodyText: string, what: string): BinckError {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === "object") body = Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key.toLowerCase(), value]));
  } catch {
    // no JSON body: fall back to the status text
  }
  const text = (key: string) => (typeof body[key] === "string" ? (body[key] as string) : "");
  const developer = text("developermessage") || text("message") || bodyText.slice(0, 200) || statusText || `HTTP ${status}`;
  const endUser = text("endusermessage") || defaultEndUserMessage(status);
  const errorId = body.errorid === undefined ? "" : ` (errorId ${String(body.errorid)})`;
  const code = status === 503 ? "maintenance" : status === 401 ? "signInRequired" : status === 429 ? "rateLimited" : "api";
  return new BinckError(code, endUser, `${what} answered ${status}: ${developer}${errorId}`, status);
}

function defaultEndUserMessage(status: number): string {
  if (status === 401) return SIGNED_OUT_MESSAGE;
  if (status === 503) return "Binck is down for maintenance. Please try again later.";
  if (status === 404) return "Not found.";
  return "Binck could not process the request.";
}
