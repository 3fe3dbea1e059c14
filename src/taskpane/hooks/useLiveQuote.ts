import { useEffect, useState } from "react";
import { QUOTE_FIELDS, quoteFieldValue, streamLevelFor, type QuoteFieldSpec } from "../../core";
import type { AddinRuntime } from "../../platform/runtime";

export type LiveQuote = { kind: "quote"; last?: number; bid?: number; ask?: number } | { kind: "waiting"; message: string };

const FIELDS = ["lst", "bid", "ask"].map((field) => QUOTE_FIELDS.get(field as "lst")!) as readonly QuoteFieldSpec[];
const LEVEL = streamLevelFor(FIELDS);

/** Last, bid and ask of an instrument, live from the runtime's QuoteStore (the subscription the cells share). */
export function useLiveQuote(runtime: AddinRuntime, instrumentId: string | undefined): LiveQuote | undefined {
  const [quote, setQuote] = useState<LiveQuote>();
  useEffect(() => {
    setQuote(undefined);
    if (!instrumentId) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void runtime.streaming().then((services) => {
      if (cancelled) return;
      stop = services.quotes.watch(instrumentId, LEVEL, (update) => {
        if (update.kind === "condition") {
          setQuote({ kind: "waiting", message: update.condition.message });
          return;
        }
        const [last, bid, ask] = FIELDS.map((field) => quoteFieldValue(update.quote, field, "price"));
        setQuote({ kind: "quote", last, bid, ask });
      });
    }, (error: unknown) => runtime.logger.log("warn", `Live prices for the ticket: ${String(error)}`));
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [runtime, instrumentId]);
  return quote;
}
