import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { PlacementOutcome } from "../../../core";
import type { AddinRuntime } from "../../../platform/runtime";
import { usePlacedOrderStatus } from "../../hooks/useOrderData";
import type { Language } from "../../i18n/language";
import { statusText } from "../../i18n/status-texts";
import type { TicketTexts } from "../../i18n/ticket-texts";
import { formatQuantity } from "../format";

export interface PlacementAnswerProps {
  runtime: AddinRuntime;
  outcome: PlacementOutcome;
  accountNumber: string;
  texts: TicketTexts;
  language: Language;
  /** Looks for the order by its referenceId (never places it again); the order number when found. */
  findPlaced(referenceId: string): Promise<number | undefined>;
}

/** Binck's answer to Confirm: the order number and its live status, the refusal, or an honest "we do not know". */
export function PlacementAnswer({ runtime, outcome, accountNumber, texts, language, findPlaced }: PlacementAnswerProps) {
  const [found, setFound] = useState<{ checking: boolean; orderNumber?: number; checked: boolean }>({ checking: false, checked: false });
  const orderNumber = outcome.kind === "placed" ? outcome.orderNumber : found.orderNumber;
  const status = usePlacedOrderStatus(runtime, accountNumber, orderNumber);
  if (outcome.kind === "refused") {
    return (
      <MessageBar intent="error" id="ticket-refused">
        <MessageBarBody>{outcome.error.endUserMessage}</MessageBarBody>
      </MessageBar>
    );
  }
  if (orderNumber !== undefined) {
    return (
      <MessageBar intent="success" id="ticket-placed">
        <MessageBarBody>
          <span id="ticket-order-number" data-order-number={orderNumber}>{texts.placed(orderNumber)}</span>
          {outcome.kind === "placed" && outcome.recovered && <> {texts.recovered}</>}
          {status && (
            <Text id="ticket-order-status" data-status={status.lastStatus}>
              {" "}{texts.orderColumns.status}: {statusText(status.lastStatus, language)}
              {status.executedQuantity ? ` (${formatQuantity(status.executedQuantity, language)}/${formatQuantity(status.quantity, language)})` : ""}
            </Text>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const checkAgain = () => {
    setFound({ checking: true, checked: false });
    findPlaced(outcome.referenceId).then(
      (number) => setFound({ checking: false, orderNumber: number, checked: true }),
      () => setFound({ checking: false, checked: true }),
    );
  };
  return (
    <MessageBar intent="warning" id="ticket-unknown">
      <MessageBarBody>{texts.unknown}{found.checked && ` (${new Date().toLocaleTimeString()})`}</MessageBarBody>
      <MessageBarActions>
        <Button id="ticket-check-again" disabled={found.checking} onClick={checkAgain}>{texts.checkAgain}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
