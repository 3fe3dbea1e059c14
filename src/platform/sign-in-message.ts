import { isRealm, type SignInMessage } from "../core";

/** Checks a dialog message at the boundary: a malformed one is undefined, never half trusted. */
export function parseSignInMessage(text: string): SignInMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const message = value as Record<string, unknown> | null;
  if (!message || typeof message !== "object") return undefined;
  if (message.kind === "signedIn") {
    const ok = typeof message.accessToken === "string" && typeof message.expiresAtMs === "number" && typeof message.scope === "string"
      && typeof message.readOnly === "boolean" && isRealm(message.realm) && typeof message.sessionHandle === "string";
    return ok ? (message as unknown as SignInMessage) : undefined;
  }
  if (message.kind === "error") {
    const ok = typeof message.errorCode === "string" && typeof message.endUserMessage === "string" && typeof message.developerMessage === "string";
    return ok ? (message as unknown as SignInMessage) : undefined;
  }
  return undefined;
}
