/** Tunables of the realtime hub, with their unit in the name. Defaults are ASP.NET Core SignalR's. */
export interface RealtimeOptions {
  /** The server pings at this interval; the official client's server timeout is 30 s, so at most 15 s. */
  keepAliveIntervalMs: number;
  /** A client that sends nothing (not even its 15 s pings) for this long is closed. */
  clientTimeoutMs: number;
  /** Time between the WebSocket upgrade and the handshake request. */
  handshakeTimeoutMs: number;
  /** A negotiated connection token not used to start a transport within this time is forgotten. */
  negotiatedConnectionLifetimeMs: number;
  /** Largest record a client may send (ASP.NET's MaximumReceiveMessageSize). */
  maxReceiveMessageBytes: number;
  /** Above this many bytes waiting in the socket, the hub holds records and coalesces quotes. */
  sendHighWaterMarkBytes: number;
  /** Records (other than coalesced quotes) a congested connection may hold before it is cut off as too slow. */
  maxHeldRecords: number;
  /** How often a congested connection retries sending. */
  congestionRetryMs: number;
  /** A long poll with nothing to send is answered (200, empty) after this long (ASP.NET LongPolling.PollTimeout). */
  pollTimeoutMs: number;
  /** A long polling client that has not polled again for this long is gone (ASP.NET DisconnectTimeout). */
  disconnectTimeoutMs: number;
}

export const defaultRealtimeOptions: RealtimeOptions = {
  keepAliveIntervalMs: 15_000,
  clientTimeoutMs: 30_000,
  handshakeTimeoutMs: 15_000,
  negotiatedConnectionLifetimeMs: 60_000,
  maxReceiveMessageBytes: 32 * 1024,
  sendHighWaterMarkBytes: 1024 * 1024,
  maxHeldRecords: 10_000,
  congestionRetryMs: 10,
  pollTimeoutMs: 90_000,
  disconnectTimeoutMs: 15_000,
};

/** Fills in defaults and refuses values that cannot work, naming the option and the rule. */
export function resolveRealtimeOptions(overrides: Partial<RealtimeOptions> = {}): RealtimeOptions {
  const options = { ...defaultRealtimeOptions, ...overrides };
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(`Realtime option ${name} must be a positive number, got ${String(value)}.`);
    }
  }
  return options;
}
