import { Badge, Text } from "@fluentui/react-components";
import type { ConnectionState, FeedState, Reachability } from "../../core";

type BadgeColor = "success" | "warning" | "danger" | "informative";

const API_TEXT: Record<Reachability, { label: string; color: BadgeColor }> = {
  unknown: { label: "no recent request", color: "informative" },
  online: { label: "connected", color: "success" },
  maintenance: { label: "down for maintenance", color: "warning" },
  offline: { label: "unreachable", color: "danger" },
};

const FEED_TEXT: Record<FeedState, { label: string; color: BadgeColor }> = {
  stopped: { label: "not started", color: "informative" },
  connecting: { label: "connecting…", color: "informative" },
  connected: { label: "live", color: "success" },
  reconnecting: { label: "reconnecting…", color: "warning" },
  cutOff: { label: "cut off", color: "danger" },
  signedOut: { label: "signed out", color: "informative" },
};

/** The connection status: how Binck's API answered the last request (and when), and the realtime feed. */
export function ConnectionLine({ state }: { state: ConnectionState }) {
  const api = API_TEXT[state.api];
  const feed = FEED_TEXT[state.feed];
  const at = state.apiCheckedAtMs !== undefined ? new Date(state.apiCheckedAtMs).toLocaleTimeString() : undefined;
  return (
    <div id="connection-status" role="status" aria-live="polite" style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
      <Text size={200}>Binck API:</Text>
      <Badge appearance="tint" color={api.color} id="connection-api">{api.label}</Badge>
      {at && <Text size={200} id="connection-api-at">{state.api === "unknown" ? `last answer ${at}` : `at ${at}`}</Text>}
      <Text size={200}>Prices:</Text>
      <Badge appearance="tint" color={feed.color} id="connection-feed" title={state.feedMessage}>{feed.label}</Badge>
    </div>
  );
}
