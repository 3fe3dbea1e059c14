import { MessageBar, MessageBarBody, Tab, TabList } from "@fluentui/react-components";
import { useCallback, useState, type ReactNode } from "react";
import type { AccountModel } from "../../../core";
import type { AddinRuntime } from "../../../platform/runtime";
import { useLive } from "../../hooks/useLive";
import { useJournal, useOpenOrders, usePermission } from "../../hooks/useOrderData";
import { useOrderDesk } from "../../hooks/useOrderDesk";
import type { Language } from "../../i18n/language";
import { ticketTexts } from "../../i18n/ticket-texts";
import { JournalView } from "./JournalView";
import { OpenOrdersList } from "./OpenOrdersList";
import { OrderTicket } from "./OrderTicket";

export type AreaTab = "account" | "ticket" | "orders" | "journal";

export interface OrderAreaProps {
  runtime: AddinRuntime;
  language: Language;
  accounts: readonly AccountModel[];
  /** The account picked in the taskpane. */
  account: string;
  /** The account tab's content (the existing account picker). */
  children: ReactNode;
}

/** The taskpane's tabs: the account, the order ticket, the open orders and the journal. */
export function OrderArea({ runtime, language, accounts, account, children }: OrderAreaProps) {
  const [tab, setTab] = useState<AreaTab>("account");
  const texts = ticketTexts(language);
  const deskState = useOrderDesk(runtime);
  const desk = deskState.status === "ready" ? deskState.desk : undefined;
  // Asked once the ticket or the orders are shown, so a taskpane that only signs in sends nothing more.
  const [trading, setTrading] = useState(false);
  if (!trading && (tab === "ticket" || tab === "orders")) setTrading(true);
  const permission = usePermission(runtime, trading ? desk : undefined, account);
  // Read only while shown: a live view costs a GET, and more as order events name orders it has not seen.
  const orders = useOpenOrders(tab === "orders" ? desk : undefined, account);
  const journal = useJournal(desk);
  const showTicket = useCallback(() => setTab("ticket"), []);
  const log = useCallback((message: string) => runtime.logger.log("warn", message), [runtime]);
  const signedIn = useLive(runtime.session).status === "signedIn";
  const unavailable = !signedIn ? texts.disabled.signedOut : deskState.status === "loading" ? texts.loadingDesk : deskState.status === "failed" ? deskState.endUserMessage ?? texts.deskFailed : undefined;
  const choices = accounts.map((candidate) => ({ number: candidate.number, label: `${candidate.name} · ${candidate.number}` }));
  return (
    <>
      <TabList id="taskpane-tabs" selectedValue={tab} onTabSelect={(_event, data) => setTab(data.value as AreaTab)}>
        <Tab id="tab-account" value="account">{texts.tabs.account}</Tab>
        <Tab id="tab-ticket" value="ticket">{texts.tabs.ticket}</Tab>
        <Tab id="tab-orders" value="orders">{texts.tabs.orders}</Tab>
        <Tab id="tab-journal" value="journal">{texts.tabs.journal}</Tab>
      </TabList>
      <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === "account" && children}
        {/* The ticket stays mounted (hidden) so a draft or an answer survives a look at another tab. */}
        <div hidden={tab !== "ticket"}>
          <OrderTicket runtime={runtime} desk={desk} texts={texts} language={language} accounts={choices} account={account}
            permission={permission} unavailable={unavailable} onRequest={showTicket} />
        </div>
        {tab === "orders" && permission && !permission.allowed && (
          <MessageBar intent="warning" id="orders-disabled"><MessageBarBody>{texts.disabled[permission.reason]}</MessageBarBody></MessageBar>
        )}
        {tab === "orders" && (
          <OpenOrdersList desk={desk} accountNumber={account} orders={orders} texts={texts} language={language} log={log}
            disabled={!permission?.allowed} />
        )}
        {tab === "journal" && <JournalView entries={journal} texts={texts} language={language} />}
      </div>
    </>
  );
}
