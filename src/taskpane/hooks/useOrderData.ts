import { useEffect, useState } from "react";
import type { JournalEntry, OpenOrders, OrderDesk, TradingPermission } from "../../core";
import type { AddinRuntime } from "../../platform/runtime";

export type OpenOrder = ReturnType<OpenOrders["current"]>[number];

/** Whether the account may trade now; asked again when the session changes (read-only, signed out). */
export function usePermission(runtime: AddinRuntime, desk: OrderDesk | undefined, accountNumber: string): TradingPermission | undefined {
  const [permission, setPermission] = useState<TradingPermission>();
  const [session, setSession] = useState(runtime.session.current());
  useEffect(() => runtime.session.onChange(setSession), [runtime]);
  useEffect(() => {
    setPermission(undefined);
    if (!desk || !accountNumber) return;
    let cancelled = false;
    desk.permission(accountNumber).then((answer) => {
      if (!cancelled) setPermission(answer);
    }, (error: unknown) => runtime.logger.log("warn", `Trading permission of ${accountNumber}: ${String(error)}`));
    return () => {
      cancelled = true;
    };
  }, [runtime, desk, accountNumber, session]);
  return permission;
}

/** The account's open orders, live from the order events (desk.openOrders). */
export function useOpenOrders(desk: OrderDesk | undefined, accountNumber: string): readonly OpenOrder[] | undefined {
  const [orders, setOrders] = useState<readonly OpenOrder[]>();
  useEffect(() => {
    setOrders(undefined);
    if (!desk || !accountNumber) return;
    const view = desk.openOrders(accountNumber);
    setOrders(view.current());
    const stop = view.onChange(setOrders);
    return () => {
      stop();
      view.dispose();
    };
  }, [desk, accountNumber]);
  return orders;
}

/** The workbook's order journal, newest first. */
export function useJournal(desk: OrderDesk | undefined): readonly JournalEntry[] {
  const [entries, setEntries] = useState<readonly JournalEntry[]>(() => desk?.journal.entries() ?? []);
  useEffect(() => {
    if (!desk) return;
    setEntries(desk.journal.entries());
    return desk.journal.onChange(setEntries);
  }, [desk]);
  return [...entries].sort((a, b) => b.time - a.time);
}

/** The live status of one placed order (the portfolio's orders, refreshed by the order events). */
export function usePlacedOrderStatus(runtime: AddinRuntime, accountNumber: string, orderNumber: number | undefined): OpenOrder | undefined {
  const [order, setOrder] = useState<OpenOrder>();
  useEffect(() => {
    setOrder(undefined);
    if (orderNumber === undefined) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void runtime.portfolio().then((portfolio) => {
      if (cancelled) return;
      stop = portfolio.watchOrders(accountNumber, {}, (update) => {
        if (update.ok) setOrder(update.value.find((candidate) => candidate.number === orderNumber));
      }, { priority: "userAction" });
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [runtime, accountNumber, orderNumber]);
  return order;
}
