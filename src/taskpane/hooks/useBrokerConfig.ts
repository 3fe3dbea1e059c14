import { useCallback, useEffect, useState } from "react";
import { isBinckError } from "../../core/errors";
import type { BrokerPublicConfig } from "../../core/wire/broker";
import type { AddinRuntime } from "../../platform/runtime";

export type BrokerConfigState =
  | { status: "loading" }
  | { status: "loaded"; config: BrokerPublicConfig }
  | { status: "failed"; endUserMessage: string };

/** The deployment the add-in talks to (GET /auth/config), with a retry when it could not be read. */
export function useBrokerConfig(runtime: AddinRuntime): { state: BrokerConfigState; retry(): void } {
  const [state, setState] = useState<BrokerConfigState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState({ status: "loading" });
    runtime.broker.config().then(
      (config) => {
        if (!cancelled) setState({ status: "loaded", config });
      },
      (error: unknown) => {
        runtime.logger.log("error", isBinckError(error) ? error.developerMessage : String(error));
        if (!cancelled) setState({ status: "failed", endUserMessage: isBinckError(error) ? error.endUserMessage : "The add-in's server cannot be reached." });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [runtime, attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, retry };
}
