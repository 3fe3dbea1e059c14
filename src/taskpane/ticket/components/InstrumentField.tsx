import { Button, Field, Input, Text } from "@fluentui/react-components";
import type { RefObject } from "react";
import type { AddinRuntime } from "../../../platform/runtime";
import { useInstrumentSearch } from "../../hooks/useInstrumentSearch";
import { useLiveQuote } from "../../hooks/useLiveQuote";
import type { Language } from "../../i18n/language";
import type { TicketTexts } from "../../i18n/ticket-texts";
import { formatPrice } from "../format";
import { chosenFrom, fieldId, type ChosenInstrument } from "../ticket-form";

export interface InstrumentFieldProps {
  runtime: AddinRuntime;
  texts: TicketTexts;
  language: Language;
  accountNumber: string;
  query: string;
  instrument?: ChosenInstrument;
  disabled: boolean;
  problem: object;
  inputRef: RefObject<HTMLInputElement>;
  onQuery(text: string): void;
  onChoose(instrument: ChosenInstrument): void;
}

/** The instrument search (name, ISIN or symbol) and, once one is chosen, its live last, bid and ask. */
export function InstrumentField(props: InstrumentFieldProps) {
  const { runtime, texts, language, instrument } = props;
  const search = useInstrumentSearch(runtime, props.accountNumber, props.query, !instrument && !props.disabled);
  const quote = useLiveQuote(runtime, instrument?.id);
  const decimals = instrument?.priceDecimals ?? 2;
  return (
    <div>
      <Field label={texts.instrument} hint={texts.instrumentHint} {...props.problem}>
        <Input id={fieldId("instrument")} ref={props.inputRef} value={props.query} disabled={props.disabled} autoComplete="off"
          onChange={(_event, data) => props.onQuery(data.value)} />
      </Field>
      {!instrument && search.status === "searching" && <Text size={200} id="ticket-search-status">{texts.searching}</Text>}
      {!instrument && search.status === "tooShort" && <Text size={200} id="ticket-search-status">{texts.searchTooShort}</Text>}
      {!instrument && search.status === "failed" && <Text size={200} id="ticket-search-status">{search.endUserMessage}</Text>}
      {!instrument && search.status === "found" && search.instruments.length === 0 && <Text size={200} id="ticket-search-status">{texts.noMatches}</Text>}
      {!instrument && search.status === "found" && search.instruments.length > 0 && (
        <ul id="ticket-search-results" aria-label={texts.instrument} style={{ listStyle: "none", margin: 0, padding: 0, maxHeight: 180, overflowY: "auto" }}>
          {search.instruments.map((found) => (
            <li key={found.id}>
              <Button appearance="subtle" size="small" data-instrument-id={found.id} onClick={() => props.onChoose(chosenFrom(found))}>
                {found.name} · {found.symbol} · {found.isincode ?? ""} {found.marketIdentificationCode ?? ""}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {instrument && (
        <div id="ticket-quote" role="status" aria-live="off" style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          <Text size={200} id="ticket-chosen">{texts.chosen(`${instrument.name} (${instrument.symbol}${instrument.isin ? `, ${instrument.isin}` : ""})`)}</Text>
          {quote?.kind === "waiting" && <Text size={200}>{quote.message}</Text>}
          {quote?.kind === "quote" && (
            <>
              <Text size={200}>{texts.last} <span id="ticket-last">{formatPrice(quote.last, decimals, language)}</span></Text>
              <Text size={200}>{texts.bid} <span id="ticket-bid">{formatPrice(quote.bid, decimals, language)}</span></Text>
              <Text size={200}>{texts.ask} <span id="ticket-ask">{formatPrice(quote.ask, decimals, language)}</span></Text>
            </>
          )}
          {!quote && <Text size={200}>{texts.waitingForQuote}</Text>}
        </div>
      )}
    </div>
  );
}
