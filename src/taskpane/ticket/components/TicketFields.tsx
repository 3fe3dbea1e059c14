import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import type { FieldProblem, OrderField } from "../../../core";
import type { Language } from "../../i18n/language";
import type { TicketTexts } from "../../i18n/ticket-texts";
import { parseTypedNumber, tickHint } from "../format";
import { problemProps } from "../problem-message";
import { ORDER_DURATIONS, ORDER_KINDS, fieldId, priceFieldsOf, type FormAction, type TicketForm } from "../ticket-form";

export interface TicketFieldsProps {
  form: TicketForm;
  texts: TicketTexts;
  language: Language;
  problems: ReadonlyMap<OrderField, readonly FieldProblem[]>;
  accounts: readonly { number: string; label: string }[];
  disabled: boolean;
  /** The last price, for the tick-size hint while no price is typed. */
  last?: number;
  dispatch(action: FormAction): void;
}

/** An option for a value that is not one of the choices (from a selected row), so that it is shown, not lost. */
const extra = (value: string, known: readonly string[]) => (value && !known.includes(value) ? <option value={value}>{value}</option> : null);

/** Account, side, quantity, type, limit and stop prices (for their types, with the tick size), duration and date. */
export function TicketFields({ form, texts, language, problems, accounts, disabled, last, dispatch }: TicketFieldsProps) {
  const prices = priceFieldsOf(form.type);
  const ticks = form.instrument?.tickSizes ?? [];
  const hint = (typed: string) => tickHint(ticks, parseTypedNumber(typed) ?? last, language, texts.tickHint);
  const shown = (field: OrderField) => problemProps(field, problems, language);
  const accountNumbers = accounts.map((account) => account.number);
  return (
    <>
      <Field label={texts.account} {...shown("accountNumber")}>
        <Select id={fieldId("accountNumber")} value={form.accountNumber} disabled={disabled}
          onChange={(_event, data) => dispatch({ kind: "account", accountNumber: data.value })}>
          {accounts.map((account) => <option key={account.number} value={account.number}>{account.label}</option>)}
          {extra(form.accountNumber, accountNumbers)}
        </Select>
      </Field>
      <Field label={texts.side} {...shown("side")}>
        <RadioGroup id={fieldId("side")} layout="horizontal" value={form.side} disabled={disabled}
          onChange={(_event, data) => dispatch({ kind: "side", side: data.value })}>
          <Radio value="buy" label={texts.buy} />
          <Radio value="sell" label={texts.sell} />
          {form.side !== "buy" && form.side !== "sell" && <Radio value={form.side} label={form.side} />}
        </RadioGroup>
      </Field>
      <Field label={texts.quantity} {...shown("quantity")}>
        <Input id={fieldId("quantity")} inputMode="numeric" value={form.quantity} disabled={disabled}
          onChange={(_event, data) => dispatch({ kind: "text", field: "quantity", value: data.value })} />
      </Field>
      <Field label={texts.orderType} {...shown("type")}>
        <Select id={fieldId("type")} value={form.type} disabled={disabled} onChange={(_event, data) => dispatch({ kind: "type", type: data.value })}>
          {ORDER_KINDS.map((kind) => <option key={kind} value={kind}>{texts.types[kind]}</option>)}
          {extra(form.type, ORDER_KINDS)}
        </Select>
      </Field>
      {prices.limit && (
        <Field label={texts.limitPrice} hint={hint(form.limitPrice)} {...shown("limitPrice")}>
          <Input id={fieldId("limitPrice")} inputMode="decimal" value={form.limitPrice} disabled={disabled}
            onChange={(_event, data) => dispatch({ kind: "text", field: "limitPrice", value: data.value })} />
        </Field>
      )}
      {prices.stop && (
        <Field label={texts.stopPrice} hint={hint(form.stopPrice)} {...shown("stopPrice")}>
          <Input id={fieldId("stopPrice")} inputMode="decimal" value={form.stopPrice} disabled={disabled}
            onChange={(_event, data) => dispatch({ kind: "text", field: "stopPrice", value: data.value })} />
        </Field>
      )}
      <Field label={texts.duration} {...shown("duration")}>
        <Select id={fieldId("duration")} value={form.duration} disabled={disabled}
          onChange={(_event, data) => dispatch({ kind: "duration", duration: data.value })}>
          {ORDER_DURATIONS.map((duration) => <option key={duration} value={duration}>{texts.durations[duration]}</option>)}
          {extra(form.duration, ORDER_DURATIONS)}
        </Select>
      </Field>
      {form.duration === "goodTillDate" && (
        <Field label={texts.expirationDate} {...shown("expirationDate")}>
          <Input id={fieldId("expirationDate")} type="date" value={form.expirationDate} disabled={disabled}
            onChange={(_event, data) => dispatch({ kind: "text", field: "expirationDate", value: data.value })} />
        </Field>
      )}
    </>
  );
}
