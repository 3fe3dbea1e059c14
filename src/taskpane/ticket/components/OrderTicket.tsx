import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { BinckError, isBinckError, type OrderDesk, type PlacementOutcome, type TradingPermission } from "../../../core";
import type { AddinRuntime } from "../../../platform/runtime";
import type { Language } from "../../i18n/language";
import type { TicketTexts } from "../../i18n/ticket-texts";
import { problemProps } from "../problem-message";
import { EDITING, canConfirm, firstProblemField, flowReducer, problemsByField } from "../ticket-flow";
import { chosenFrom, emptyForm, fieldId, formReducer, toOrderFields, type FormAction } from "../ticket-form";
import { InstrumentField } from "./InstrumentField";
import { useKidOpener } from "./KidLinks";
import { PlacementAnswer } from "./PlacementAnswer";
import { PreviewPanel } from "./PreviewPanel";
import { TicketFields } from "./TicketFields";

export interface OrderTicketProps {
  runtime: AddinRuntime;
  desk?: OrderDesk;
  texts: TicketTexts;
  language: Language;
  accounts: readonly { number: string; label: string }[];
  /** The account picked in the taskpane: the ticket starts with it and follows it. */
  account: string;
  permission?: TradingPermission;
  /** Why order entry is off although the desk may be there (loading, failed); else the permission's reason. */
  unavailable?: string;
  /** A row of "Order from selection" arrived: the taskpane shows the ticket. */
  onRequest(): void;
}

/** The order ticket: the form, Preview (check, preview, costs, KID), warnings to accept, Confirm once, the answer. */
export function OrderTicket({ runtime, desk, texts, language, accounts, account, permission, unavailable, onRequest }: OrderTicketProps) {
  const [form, dispatchForm] = useReducer(formReducer, account, emptyForm);
  const [flow, dispatchFlow] = useReducer(flowReducer, EDITING);
  const placing = useRef(false);
  const instrumentInput = useRef<HTMLInputElement>(null);
  const openKid = useKidOpener(desk ? (id, kid) => desk.kidDocument(id, kid) : undefined);
  const locked = flow.phase === "checking" || flow.phase === "placing" || flow.phase === "done";
  const refusal = unavailable ?? (permission && !permission.allowed ? texts.disabled[permission.reason] : undefined);
  const disabled = !desk || !permission?.allowed || refusal !== undefined;

  const edit = useCallback((action: FormAction) => {
    // The ticket's account is the taskpane's pick (the formulas and the open orders follow it too).
    if (action.kind === "account") runtime.account.select(action.accountNumber);
    dispatchForm(action);
    dispatchFlow({ kind: "edited" });
  }, [runtime]);

  useEffect(() => {
    if (!account || locked) return;
    dispatchForm({ kind: "account", accountNumber: account });
    dispatchFlow({ kind: "edited" });
    // Only a new pick moves the ticket's account (not a lock or unlock of the form).
  }, [account]);

  useEffect(() => {
    const take = (fields: ReturnType<typeof runtime.orderRequests.current>) => {
      // While an order is being placed the request waits; it is taken once the answer is in.
      if (!fields || flow.phase === "placing") return;
      runtime.orderRequests.set(undefined);
      placing.current = false;
      dispatchFlow({ kind: "restart" });
      edit({ kind: "fill", fields });
      onRequest();
    };
    take(runtime.orderRequests.current());
    return runtime.orderRequests.onChange(take);
  }, [runtime, edit, onRequest, flow.phase]);

  useEffect(() => {
    if (flow.phase !== "editing") return;
    const field = firstProblemField(flow.problems);
    if (!field) return;
    const element = document.getElementById(fieldId(field));
    const target = element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? element : element?.querySelector<HTMLElement>("input, select");
    target?.focus();
  }, [flow]);

  const fail = (error: unknown) => {
    runtime.logger.log("error", isBinckError(error) ? error.developerMessage : String(error));
    dispatchFlow({ kind: "failed", error: isBinckError(error) ? error.endUserMessage : String(error) });
  };

  const preview = async () => {
    if (!desk || disabled || locked) return;
    dispatchFlow({ kind: "checking" });
    try {
      const check = await desk.check(toOrderFields(form));
      if (!check.ok) return dispatchFlow({ kind: "problems", problems: check.problems });
      if (!form.instrument) dispatchForm({ kind: "choose", instrument: chosenFrom(check.order.instrument) });
      dispatchFlow({ kind: "previewed", preview: await desk.preview(check.order) });
    } catch (error) {
      fail(error);
    }
  };

  const confirm = async () => {
    // The ref answers a second click before React has re-rendered the disabled button.
    if (!desk || placing.current || !canConfirm(flow)) return;
    placing.current = true;
    dispatchFlow({ kind: "placing" });
    let outcome: PlacementOutcome;
    try {
      outcome = await desk.place(flow.preview, flow.accepted);
    } catch (error) {
      outcome = { kind: "refused", referenceId: flow.preview.order.referenceId, error: isBinckError(error) ? error : new BinckError("api", String(error), String(error)) };
    }
    if (outcome.kind !== "placed") runtime.logger.log("warn", `Order ${outcome.referenceId} ${outcome.kind}: ${outcome.error.developerMessage}`);
    dispatchFlow({ kind: "outcome", outcome });
  };

  const restart = () => {
    placing.current = false;
    dispatchFlow({ kind: "restart" });
    dispatchForm({ kind: "clear" });
  };

  const findPlaced = async (referenceId: string) => {
    const client = await runtime.rest();
    const orders = await client.getOrders(form.accountNumber, {}, { priority: "userAction" });
    return orders.find((order) => order.referenceId === referenceId)?.number;
  };

  const problems = problemsByField(flow.phase === "editing" ? flow.problems : []);
  const previewed = flow.phase === "previewed" || flow.phase === "placing" || flow.phase === "done" ? flow : undefined;
  return (
    <form id="ticket" aria-label={texts.tabs.ticket} noValidate style={{ display: "flex", flexDirection: "column", gap: 8 }}
      onSubmit={(event) => {
        event.preventDefault();
        void preview();
      }}>
      {refusal && (
        <MessageBar intent="warning" id="ticket-disabled">
          <MessageBarBody>{refusal}</MessageBarBody>
        </MessageBar>
      )}
      <InstrumentField runtime={runtime} texts={texts} language={language} accountNumber={form.accountNumber} query={form.query}
        instrument={form.instrument} disabled={disabled || locked} problem={problemProps("instrument", problems, language)} inputRef={instrumentInput}
        onQuery={(text) => edit({ kind: "query", text })} onChoose={(instrument) => edit({ kind: "choose", instrument })} />
      <TicketFields form={form} texts={texts} language={language} problems={problems} accounts={accounts} disabled={disabled || locked} dispatch={edit} />
      <Button id="ticket-preview-button" type="submit" appearance={previewed ? "secondary" : "primary"} disabled={disabled || locked}>
        {flow.phase === "checking" ? texts.previewing : texts.preview}
      </Button>
      {flow.phase === "checking" && <Spinner size="tiny" label={texts.previewing} />}
      {flow.phase === "editing" && flow.error && (
        <MessageBar intent="error" id="ticket-error"><MessageBarBody>{flow.error}</MessageBarBody></MessageBar>
      )}
      {previewed && (
        <PreviewPanel preview={previewed.preview} accepted={previewed.accepted} texts={texts} language={language} locked={flow.phase !== "previewed"}
          openKid={openKid} onAccept={(warning, accepted) => dispatchFlow({ kind: "accept", warning, accepted })} />
      )}
      {previewed && (
        <Button id="ticket-confirm" type="button" appearance="primary" disabled={disabled || !canConfirm(flow)} onClick={() => void confirm()}>
          {flow.phase === "placing" ? texts.placing : texts.confirm}
        </Button>
      )}
      {flow.phase === "previewed" && previewed?.preview.canBeRegistered && !canConfirm(flow) && <Text size={200} id="ticket-accept-first">{texts.acceptEach}</Text>}
      {flow.phase === "done" && (
        <>
          <PlacementAnswer runtime={runtime} outcome={flow.outcome} accountNumber={form.accountNumber} texts={texts} language={language} findPlaced={findPlaced} />
          <Button id="ticket-new-order" type="button" onClick={restart}>{texts.newOrder}</Button>
        </>
      )}
    </form>
  );
}
