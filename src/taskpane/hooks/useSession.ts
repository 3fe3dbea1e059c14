import { useEffect, useState } from "react";
import type { SessionManager, SessionState } from "../../core/session/session-manager";

/** The session's state, re-rendering on every change. */
export function useSession(session: SessionManager): SessionState {
  const [state, setState] = useState<SessionState>(session.current());
  useEffect(() => session.onStateChange(setState), [session]);
  return state;
}
