import type { HubEventName, HubMethodName } from "../wire/realtime";

/**
 * The seam between the realtime session and SignalR: one hub connection, started once. The session owns the
 * reconnect policy and makes a new link per attempt, so a link has no reconnect events of its own.
 */
export interface HubLink {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke(method: HubMethodName, ...args: unknown[]): Promise<unknown>;
  on(event: HubEventName, handler: (...args: unknown[]) => void): void;
  /** Called once when the connection ends; `error` says why (absent after stop()). */
  onclose(handler: (error?: Error) => void): void;
}

export interface HubLinkOptions {
  /** The hub URL, e.g. https://realtime.binck.com/stream/v1 (BINCK_REALTIME_URL). */
  url: string;
  /** The bare access token (API.md 5.1: no "Bearer " prefix); may throw signInRequired. */
  accessTokenFactory: () => string;
}

export type HubLinkFactory = (options: HubLinkOptions) => HubLink;
