/**
 * Server-Sent Events framing as ASP.NET Core SignalR writes it (ServerSentEventsMessageFormatter): every line of
 * the payload becomes `data: <line>\r\n`, and an empty line ends the event. The browser's EventSource joins the
 * data lines with `\n` again, so a payload round-trips. Pure: strings in, text out.
 */

/** Sent first on a new stream: Firefox fires EventSource's `open` only once some data has arrived (ASP.NET does the same). */
export const SSE_PREAMBLE = ":\r\n";

/** One event carrying `payload` (one outbox flush: any number of `\x1e`-terminated records). */
export function writeSseEvent(payload: string): string {
  if (payload === "") return "\r\n";
  return payload.split("\n").map((line) => `data: ${line.endsWith("\r") ? line.slice(0, -1) : line}\r\n`).join("") + "\r\n";
}
