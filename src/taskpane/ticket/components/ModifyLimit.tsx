import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { isBinckError, type ChangeOutcome, type ModifyPreview, type OrderDesk } from "../../../core";
import type { TicketTexts } from "../../i18n/ticket-texts";

export interface ModifyLimitProps {
  desk: OrderDesk;
  accountNumber: string;
  orderNumber: number;
  currentLimit?: number;
  texts: TicketTexts;
  log(message: string): void;
  onDone(message: string): void;
}

/** A new limit price for an open order: its own preview, its warnings accepted, then the change (once). */
export function ModifyLimit({ desk, accountNumber, orderNumber, currentLimit, texts, log, onDone }: ModifyLimitProps) {
  const [limit, setLimit] = useState(currentLimit === undefined ? "" : String(currentLimit));
  const [preview, setPreview] = useState<ModifyPreview>();
  const [accepted, setAccepted] = useState<readonly string[]>([]);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const id = `modify-${orderNumber}`;
  const explain = (error: unknown) => {
    log(isBinckError(error) ? error.developerMessage : String(error));
    return isBinckError(error) ? error.endUserMessage : String(error);
  };
  const check = () => {
    setBusy(true);
    setProblem(undefined);
    desk.previewModify(accountNumber, orderNumber, limit.trim()).then((answer) => {
      setPreview(answer);
      setAccepted([]);
    }, (error: unknown) => setProblem(explain(error))).finally(() => setBusy(false));
  };
  const confirm = () => {
    if (!preview || sending.current) return;
    sending.current = true;
    setBusy(true);
    desk.modify(preview, accepted).then((outcome: ChangeOutcome) => {
      if (outcome.kind === "done") onDone(texts.modified(orderNumber));
      else onDone(explain(outcome.error));
    }, (error: unknown) => onDone(explain(error)));
  };
  const ready = preview?.canBeRegistered === true && preview.warningsToBeConfirmed.every((warning) => accepted.includes(warning));
  return (
    <form id={id} noValidate style={{ display: "flex", flexDirection: "column", gap: 4 }} onSubmit={(event) => {
      event.preventDefault();
      if (!busy) check();
    }}>
      <Field label={texts.newLimit} validationState={problem ? "error" : "none"} validationMessage={problem ? { id: `${id}-problem`, children: problem } : undefined}>
        <Input id={`${id}-limit`} inputMode="decimal" value={limit} disabled={busy || sending.current}
          onChange={(_event, data) => {
            setLimit(data.value);
            setPreview(undefined);
          }} />
      </Field>
      <Button id={`${id}-preview`} type="submit" disabled={busy || sending.current}>{texts.previewModify}</Button>
      {preview && !preview.canBeRegistered && (
        <MessageBar intent="error" id={`${id}-not-registrable`}><MessageBarBody>{texts.notRegistrable} {preview.warningsToBeShown.join(" ")}</MessageBarBody></MessageBar>
      )}
      {preview?.canBeRegistered && preview.warningsToBeShown.length > 0 && <ul id={`${id}-warnings-shown`}>{preview.warningsToBeShown.map((warning) => <li key={warning}>{warning}</li>)}</ul>}
      {preview?.warningsToBeConfirmed.map((warning, index) => (
        <Checkbox key={warning} id={`${id}-accept-${index}`} label={warning} checked={accepted.includes(warning)} disabled={sending.current}
          onChange={(_event, data) => setAccepted((now) => (data.checked === true ? [...now, warning] : now.filter((other) => other !== warning)))} />
      ))}
      {preview && <Button id={`${id}-confirm`} appearance="primary" type="button" disabled={!ready || busy} onClick={confirm}>{texts.confirmModify}</Button>}
    </form>
  );
}
