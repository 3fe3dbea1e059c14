/**
 * What an error of the hub connection means. The sandbox's messages are matched; Binck's own wording for a
 * second connection is not documented (API.md 5.7), so "one connection per token" is matched too.
 */
export type CloseReason = "cutOff" | "unauthorized" | "drop";

export function closeReason(message: string): CloseReason {
  if (/another realtime connection|one connection per token/i.test(message)) return "cutOff";
  if (/\b401\b|unauthori[sz]ed/i.test(message)) return "unauthorized";
  return "drop";
}

/** An invocation failed because the connection ended (a drop or a cut-off), not because the hub refused it. */
export function isConnectionEnd(message: string): boolean {
  return closeReason(message) === "cutOff" || /connection (being |was )?closed|canceled|cancelled|not in the 'Connected' State/i.test(message);
}
