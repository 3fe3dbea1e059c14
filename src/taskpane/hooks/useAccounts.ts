import { useCallback, useEffect, useState } from "react";
import { isBinckError } from "../../core/errors";
import type { Logger } from "../../core/log";
import type { BinckRestClient } from "../../core/rest/client";
import type { AccountModel } from "../../core/wire/models";

export type AccountsState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "loaded"; accounts: AccountModel[] }
  | { status: "failed"; endUserMessage: string };

/**
 * Loads /accounts once per signed-in session; errors show endUserMessage and log developerMessage.
 * (A refused token is renewed by the REST client; a dead session shows as signed out through the session.)
 */
export function useAccounts(client: BinckRestClient | undefined, logger: Logger): { state: AccountsState; retry(): void } {
  const [state, setState] = useState<AccountsState>({ status: "idle" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!client) {
      setState({ status: "idle" });
      return;
    }
    let cancelled = false;
    setState({ status: "loading" });
    client.getAccounts().then(
      (accounts) => {
        if (!cancelled) setState({ status: "loaded", accounts });
      },
      (error: unknown) => {
        if (cancelled) return;
        logger.log("error", isBinckError(error) ? error.developerMessage : String(error));
        setState({ status: "failed", endUserMessage: isBinckError(error) ? error.endUserMessage : "Your accounts could not be loaded." });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, logger, attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, retry };
}
