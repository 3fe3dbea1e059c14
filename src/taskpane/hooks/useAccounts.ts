import { useCallback, useEffect, useState } from "react";
import { isBinckError, type AccountModel } from "../../core";
import type { AddinRuntime } from "../../platform/runtime";

export type AccountsState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "loaded"; accounts: AccountModel[] }
  | { status: "failed"; endUserMessage: string };

/**
 * Loads /accounts once per signed-in session, through the portfolio's cache (shared with BINCK.ACCOUNTS); errors
 * show endUserMessage and log developerMessage. A load that failed because Binck was down loads again by itself
 * when Binck is back.
 */
export function useAccounts(runtime: AddinRuntime, signedIn: boolean): { state: AccountsState; retry(): void } {
  const [state, setState] = useState<AccountsState>({ status: "idle" });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  useEffect(() => {
    if (!signedIn) {
      setState({ status: "idle" });
      return;
    }
    let cancelled = false;
    setState({ status: "loading" });
    runtime
      .portfolio()
      .then((portfolio) => portfolio.getAccounts({ priority: "userAction" }))
      .then(({ value }) => value)
      .then(
        (accounts) => {
          if (!cancelled) setState({ status: "loaded", accounts });
        },
        (error: unknown) => {
          if (cancelled) return;
          runtime.logger.log("error", isBinckError(error) ? error.developerMessage : String(error));
          setState({ status: "failed", endUserMessage: isBinckError(error) ? error.endUserMessage : "Your accounts could not be loaded." });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [runtime, signedIn, attempt]);
  useEffect(() => {
    if (state.status !== "failed") return;
    return runtime.availability.onBack(retry);
  }, [runtime, state.status, retry]);
  return { state, retry };
}
