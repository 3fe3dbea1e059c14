import { useEffect, useState } from "react";
import { isBinckError, type OrderDesk } from "../../core";
import type { AddinRuntime } from "../../platform/runtime";

export type DeskState = { status: "loading" } | { status: "ready"; desk: OrderDesk } | { status: "failed"; endUserMessage?: string };

/** The runtime's order desk, once built (`runtime.orders()`); a failure is logged and shown. */
export function useOrderDesk(runtime: AddinRuntime): DeskState {
  const [state, setState] = useState<DeskState>({ status: "loading" });
  useEffect(() => {
    let cancelled = false;
    runtime.orders().then(
      (desk) => {
        if (!cancelled) setState({ status: "ready", desk });
      },
      (error: unknown) => {
        runtime.logger.log("error", `The order desk could not be built: ${isBinckError(error) ? error.developerMessage : String(error)}`);
        if (!cancelled) setState({ status: "failed", endUserMessage: isBinckError(error) ? error.endUserMessage : undefined });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [runtime]);
  return state;
}
