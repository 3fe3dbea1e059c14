import { HttpTransportType, HubConnectionBuilder, LogLevel as SignalRLevel, type ILogger } from "@microsoft/signalr";
import type { Logger, LogLevel } from "../log";
import type { HubLinkFactory } from "./hub-link";

/** HubLinks over the official @microsoft/signalr client: WebSockets, JSON protocol, no automatic reconnect. */
export function signalRHubLinks(logger: Logger): HubLinkFactory {
  return ({ url, accessTokenFactory }) =>
    new HubConnectionBuilder()
      .withUrl(url, { accessTokenFactory, transport: HttpTransportType.WebSockets })
      .configureLogging(new SignalRLogger(logger))
      .build();
}

/** The client's warnings and errors into core's Logger, with any access token in a URL blanked. */
class SignalRLogger implements ILogger {
  constructor(private readonly logger: Logger) {}

  log(level: SignalRLevel, message: string): void {
    if (level < SignalRLevel.Warning || level === SignalRLevel.None) return;
    const mapped: LogLevel = level === SignalRLevel.Warning ? "warn" : "error";
    this.logger.log(mapped, `SignalR: ${redactToken(message)}`);
  }
}

export function redactToken(text: string): string {
  return text.replace(/(access_token=)[^&\s'"]+/gi, "$1…");
}
