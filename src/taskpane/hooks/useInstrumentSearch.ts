import { useEffect, useRef, useState } from "react";
import { isBinckError, type BinckRestClient } from "../../core";
import type { AddinRuntime } from "../../platform/runtime";

type Found = Awaited<ReturnType<BinckRestClient["searchInstruments"]>>;
export type SearchState =
  | { status: "idle" }
  | { status: "tooShort" }
  | { status: "searching" }
  | { status: "found"; instruments: Found }
  | { status: "failed"; endUserMessage: string };

/** Typing pauses this long before a search is sent: one request per pause, not per key (the 50-a-minute cap). */
export const SEARCH_DEBOUNCE_MS = 400;
const ISIN = /^[A-Z]{2}[A-Z0-9]{9}\d$/;
const RESULTS = "0-19";

/**
 * Binck's instrument search (#20) for the ticket's instrument field: an ISIN searches by ISIN, anything else by
 * name or symbol; tick sizes included for the price hints. Answers are kept per text for the taskpane's life.
 */
export function useInstrumentSearch(runtime: AddinRuntime, accountNumber: string, text: string, enabled: boolean): SearchState {
  const [state, setState] = useState<SearchState>({ status: "idle" });
  const answers = useRef(new Map<string, Found>());
  useEffect(() => {
    const query = text.trim();
    if (!enabled || query === "" || !accountNumber) return setState({ status: "idle" });
    if (query.length < 2) return setState({ status: "tooShort" });
    const key = `${accountNumber} ${query.toUpperCase()}`;
    const known = answers.current.get(key);
    if (known) return setState({ status: "found", instruments: known });
    let cancelled = false;
    setState({ status: "searching" });
    const timer = setTimeout(() => {
      const byIsin = ISIN.test(query.toUpperCase());
      runtime.rest()
        .then((client) => client.searchInstruments(
          { accountNumber, ...(byIsin ? { isin: query.toUpperCase() } : { searchText: query.slice(0, 30) }), includeTickSizes: true, range: RESULTS },
          { priority: "userAction" },
        ))
        .then((instruments) => {
          answers.current.set(key, instruments);
          if (!cancelled) setState({ status: "found", instruments });
        }, (error: unknown) => {
          runtime.logger.log("warn", `Instrument search for '${query}': ${isBinckError(error) ? error.developerMessage : String(error)}`);
          if (!cancelled) setState({ status: "failed", endUserMessage: isBinckError(error) ? error.endUserMessage : String(error) });
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [runtime, accountNumber, text, enabled]);
  return state;
}
