import { Button, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { useState } from "react";
import { isBinckError, type OrderDesk } from "../../../core";
import type { OpenOrder } from "../../hooks/useOrderData";
import type { Language } from "../../i18n/language";
import { statusText } from "../../i18n/status-texts";
import type { TicketTexts } from "../../i18n/ticket-texts";
import { formatPrice, formatQuantity } from "../format";
import { ModifyLimit } from "./ModifyLimit";

export interface OpenOrdersListProps {
  desk?: OrderDesk;
  accountNumber: string;
  orders?: readonly OpenOrder[];
  texts: TicketTexts;
  language: Language;
  /** Trading is not allowed: the list shows, its actions do not. */
  disabled: boolean;
  log(message: string): void;
}

type Action = { kind: "modify" | "cancel"; orderNumber: number } | undefined;

/** The account's open orders, live; a limit can be changed and an order cancelled (after a confirmation). */
export function OpenOrdersList({ desk, accountNumber, orders, texts, language, disabled, log }: OpenOrdersListProps) {
  const [action, setAction] = useState<Action>();
  const [notice, setNotice] = useState<string>();
  const [cancelling, setCancelling] = useState<number>();
  const columns = texts.orderColumns;
  if (!orders) return null;
  const cancel = (orderNumber: number) => {
    if (!desk || cancelling !== undefined) return;
    setCancelling(orderNumber);
    desk.cancel(accountNumber, orderNumber).then((outcome) => {
      if (outcome.kind === "done") return setNotice(texts.cancelRequested(orderNumber));
      log(outcome.error.developerMessage);
      setNotice(outcome.error.endUserMessage);
    }, (error: unknown) => {
      log(isBinckError(error) ? error.developerMessage : String(error));
      setNotice(isBinckError(error) ? error.endUserMessage : String(error));
    }).finally(() => {
      setCancelling(undefined);
      setAction(undefined);
    });
  };
  return (
    <section id="open-orders" aria-label={texts.openOrders}>
      {notice && <MessageBar id="open-orders-notice"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {orders.length === 0 ? <Text id="open-orders-empty">{texts.noOpenOrders}</Text> : (
        <Table size="small" aria-label={texts.openOrders}>
          <TableHeader>
            <TableRow>
              {[columns.number, columns.instrument, columns.side, columns.quantity, columns.type, columns.limit, columns.status, ""].map((name, index) =>
                <TableHeaderCell key={index}>{name}</TableHeaderCell>)}
            </TableRow>
          </TableHeader>
          <TableBody>
            {orders.map((order) => (
              <TableRow key={`${order.number}-${order.line ?? 0}`} data-order-number={order.number}>
                <TableCell>{order.number}</TableCell>
                <TableCell>{order.instrument.name}</TableCell>
                <TableCell>{order.side === "sell" ? texts.sell : order.side === "buy" ? texts.buy : ""}</TableCell>
                <TableCell>{formatQuantity(order.quantity, language)}</TableCell>
                <TableCell>{order.type in texts.types ? texts.types[order.type as keyof TicketTexts["types"]] : order.type}</TableCell>
                <TableCell className="order-limit">{order.limitPrice === undefined ? "" : formatPrice(order.limitPrice, 2, language)}</TableCell>
                <TableCell className="order-status" data-status={order.lastStatus}>{statusText(order.lastStatus, language)}</TableCell>
                <TableCell>
                  {(order.type === "limit" || order.type === "stopLimit") && (
                    <Button size="small" id={`order-${order.number}-modify`} disabled={disabled || !desk}
                      onClick={() => setAction({ kind: "modify", orderNumber: order.number })}>{texts.modify}</Button>
                  )}
                  <Button size="small" id={`order-${order.number}-cancel`} disabled={disabled || !desk}
                    onClick={() => setAction({ kind: "cancel", orderNumber: order.number })}>{texts.cancel}</Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {desk && !disabled && action?.kind === "modify" && (
        <ModifyLimit key={action.orderNumber} desk={desk} accountNumber={accountNumber} orderNumber={action.orderNumber} texts={texts} log={log}
          currentLimit={orders.find((order) => order.number === action.orderNumber)?.limitPrice}
          onDone={(message) => {
            setNotice(message);
            setAction(undefined);
          }} />
      )}
      {desk && !disabled && action?.kind === "cancel" && (
        <div role="alertdialog" id="cancel-confirmation" aria-label={texts.cancelQuestion(action.orderNumber)} style={{ display: "flex", gap: 8, alignItems: "center" }}>
          <Text>{texts.cancelQuestion(action.orderNumber)}</Text>
          <Button id="cancel-yes" appearance="primary" disabled={cancelling !== undefined} onClick={() => cancel(action.orderNumber)}>{texts.cancelYes}</Button>
          <Button id="cancel-no" disabled={cancelling !== undefined} onClick={() => setAction(undefined)}>{texts.cancelNo}</Button>
        </div>
      )}
    </section>
  );
}
