import { Badge, Button, Text } from "@fluentui/react-components";
import type { Realm, SessionState } from "../../core";

const REALM_NAMES: Record<Realm, string> = { bincknlapi: "Netherlands", binckbeapi: "Belgium", binckitapi: "Italy", binckfrapi: "France" };

export interface SessionBarProps {
  state: SessionState;
  environment?: string;
  onSignOut(): void;
}

/** Which environment, whether signed in, until when, read-only or not. Errors are shown once, by the card they concern. */
export function SessionBar({ state, environment, onSignOut }: SessionBarProps) {
  return (
    <div role="status" aria-live="polite" id="session-status" style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
      <Text size={200} id="environment">{environment ? `Environment: ${environment}` : "Environment: …"}</Text>
      <Text id="session-text">{describe(state)}</Text>
      {state.status === "signedIn" && state.readOnly && <Badge color="warning" id="read-only">read-only</Badge>}
      {(state.status === "signedIn" || state.status === "resuming") && <Button size="small" id="sign-out" onClick={onSignOut}>Sign out</Button>}
    </div>
  );
}

function describe(state: SessionState): string {
  switch (state.status) {
    case "signedIn":
      return `Signed in (${REALM_NAMES[state.realm]}), token valid until ${new Date(state.expiresAtMs).toLocaleTimeString()}`;
    case "signingIn":
      return "Signing in…";
    case "resuming":
      return state.endUserMessage ? `Resuming your session… ${state.endUserMessage}` : "Resuming your session…";
    case "signedOut":
      return "Signed out";
  }
}
