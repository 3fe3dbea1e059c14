import { Badge, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ConnectionState, ConnectionStatus, Reachability } from "../../core/connection/connection-status";

const TEXT: Record<Reachability, { label: string; color: "success" | "warning" | "danger" | "informative" }> = {
  unknown: { label: "checking…", color: "informative" },
  online: { label: "connected", color: "success" },
  maintenance: { label: "down for maintenance", color: "warning" },
  offline: { label: "unreachable", color: "danger" },
};

/** The connection status: how Binck answered the add-in's last request, and when. */
export function ConnectionLine({ connection }: { connection: ConnectionStatus }) {
  const [state, setState] = useState<ConnectionState>(connection.current());
  useEffect(() => connection.onChange(setState), [connection]);
  const { label, color } = TEXT[state.api];
  return (
    <div id="connection-status" role="status" aria-live="polite" style={{ display: "flex", gap: 8, alignItems: "center" }}>
      <Text size={200}>Binck API:</Text>
      <Badge appearance="tint" color={color} id="connection-api">{label}</Badge>
      {state.checkedAtMs !== undefined && <Text size={200}>at {new Date(state.checkedAtMs).toLocaleTimeString()}</Text>}
    </div>
  );
}
