import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { isBinckError, type SignInPreference } from "../core";
import type { AddinRuntime } from "../platform/runtime";
import { AccountPicker } from "./components/AccountPicker";
import { ConnectionLine } from "./components/ConnectionLine";
import { Diagnostics } from "./components/Diagnostics";
import { OrderBatchPanel } from "./components/OrderBatchPanel";
import { RefreshNotice } from "./components/RefreshNotice";
import { RetryableError } from "./components/RetryableError";
import { SessionBar } from "./components/SessionBar";
import { SignInCard } from "./components/SignInCard";
import { useAccounts } from "./hooks/useAccounts";
import { useLive } from "./hooks/useLive";
import { languageOf } from "./i18n/language";
import { OrderArea } from "./ticket/components/OrderArea";

/** The taskpane: sign-in, session and connection status; tabs for the account picker, the order ticket, open orders and the journal. */
export function App({ runtime }: { runtime: AddinRuntime }) {
  const state = useLive(runtime.session);
  const deployment = useLive(runtime.deployment);
  const connection = useLive(runtime.connection);
  const account = useLive(runtime.account);
  const [signInError, setSignInError] = useState<string>();
  const [remembered, setRemembered] = useState<SignInPreference>();

  useEffect(() => {
    void runtime.signInPreferences.load().then(setRemembered);
  }, [runtime]);

  const signedIn = state.status === "signedIn";
  const { state: accounts, retry: retryAccounts } = useAccounts(runtime, signedIn);

  useEffect(() => {
    // Without a remembered choice, the first account that may trade is chosen (and remembered).
    if (accounts.status !== "loaded" || (account && accounts.accounts.some((candidate) => candidate.number === account))) return;
    const first = accounts.accounts.find((candidate) => !candidate.isReadOnly) ?? accounts.accounts[0];
    if (first) runtime.account.select(first.number);
  }, [accounts, account, runtime]);

  const signIn = useCallback((preference: SignInPreference) => {
    setSignInError(undefined);
    setRemembered(preference);
    void runtime.signInPreferences.save(preference);
    runtime.session.signIn(preference.realm, preference.locale).catch((error: unknown) => {
      runtime.logger.log("warn", isBinckError(error) ? error.developerMessage : String(error));
      setSignInError(isBinckError(error) ? error.endUserMessage : "Signing in failed. Please try again.");
    });
  }, [runtime]);

  return (
    <main style={{ display: "flex", flexDirection: "column", gap: 12, padding: 12 }}>
      <Text as="h1" size={500} weight="semibold">Binck</Text>
      <SessionBar
        state={state}
        environment={deployment.status === "loaded" ? deployment.config.environmentDescription : undefined}
        onSignOut={() => void runtime.session.signOut()}
      />
      {signedIn && <ConnectionLine state={connection} />}
      {deployment.status === "failed" && <RetryableError id="config-error" endUserMessage={deployment.endUserMessage} onRetry={() => runtime.deployment.load()} />}
      {!signedIn && (
        <SignInCard
          busy={state.status === "signingIn" || state.status === "resuming"}
          error={signInError ?? (state.status === "signedOut" ? state.endUserMessage : undefined)}
          remembered={remembered}
          onSignIn={signIn}
        />
      )}
      {signedIn && state.readOnly && (
        <MessageBar intent="warning" id="read-only-notice">
          <MessageBarBody>Order entry is disabled: you signed in without the SMS code, so this session can only view. Sign out and sign in with the SMS code to trade.</MessageBarBody>
        </MessageBar>
      )}
      <OrderBatchPanel batch={runtime.orderBatch} locale={remembered?.locale} />
      <OrderArea runtime={runtime} language={languageOf(remembered?.locale)} account={account ?? ""}
        accounts={accounts.status === "loaded" ? accounts.accounts : []}>
        {signedIn && <AccountPicker state={accounts} selected={account} onSelect={(number) => runtime.account.select(number)} onRetry={retryAccounts} />}
      </OrderArea>
      <RefreshNotice notice={runtime.refreshNotice} />
      <Diagnostics logger={runtime.logger} />
    </main>
  );
}
