import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { isBinckError } from "../core/errors";
import { BinckRestClient } from "../core/rest/client";
import type { Realm } from "../core/wire/auth";
import type { AddinRuntime } from "../platform/runtime";
import { AccountPicker } from "./components/AccountPicker";
import { ConnectionLine } from "./components/ConnectionLine";
import { Diagnostics } from "./components/Diagnostics";
import { RetryableError } from "./components/RetryableError";
import { SessionBar } from "./components/SessionBar";
import { SignInCard } from "./components/SignInCard";
import { useAccounts } from "./hooks/useAccounts";
import { useBrokerConfig } from "./hooks/useBrokerConfig";
import { useSession } from "./hooks/useSession";

export const ACCOUNT_SETTING = "binck.accountNumber";

/** The taskpane: sign-in, session status, account picker. Order entry arrives with the orders work. */
export function App({ runtime }: { runtime: AddinRuntime }) {
  const state = useSession(runtime.session);
  const { state: configState, retry: retryConfig } = useBrokerConfig(runtime);
  const config = configState.status === "loaded" ? configState.config : undefined;
  const [signInError, setSignInError] = useState<string>();
  const [account, setAccount] = useState<string | undefined>(() => runtime.settings.get(ACCOUNT_SETTING) as string | undefined);

  useEffect(() => {
    void runtime.session.resume();
  }, [runtime]);

  const signedIn = state.status === "signedIn";
  const client = useMemo(
    () => (signedIn && config ? new BinckRestClient(config.apiBase, runtime.session, undefined, runtime.connection) : undefined),
    [signedIn, config, runtime],
  );
  const selectAccount = useCallback((accountNumber: string) => {
    setAccount(accountNumber);
    runtime.settings.set(ACCOUNT_SETTING, accountNumber);
    runtime.settings.saveAsync();
  }, [runtime]);

  const { state: accounts, retry: retryAccounts } = useAccounts(client, runtime.logger);

  useEffect(() => {
    // Without a remembered choice, the first account that may trade is chosen (and remembered).
    if (accounts.status !== "loaded" || (account && accounts.accounts.some((candidate) => candidate.number === account))) return;
    const first = accounts.accounts.find((candidate) => !candidate.isReadOnly) ?? accounts.accounts[0];
    if (first) selectAccount(first.number);
  }, [accounts, account]);

  const signIn = useCallback((realm: Realm, locale: string) => {
    setSignInError(undefined);
    runtime.session.signIn(realm, locale).catch((error: unknown) => {
      runtime.logger.log("warn", isBinckError(error) ? error.developerMessage : String(error));
      setSignInError(isBinckError(error) ? error.endUserMessage : "Signing in failed. Please try again.");
    });
  }, [runtime]);

  return (
    <main style={{ display: "flex", flexDirection: "column", gap: 12, padding: 12 }}>
      <Text as="h1" size={500} weight="semibold">Binck</Text>
      <SessionBar state={state} environment={config?.environmentDescription} onSignOut={() => void runtime.session.signOut()} />
      {signedIn && <ConnectionLine connection={runtime.connection} />}
      {configState.status === "failed" && <RetryableError id="config-error" endUserMessage={configState.endUserMessage} onRetry={retryConfig} />}
      {!signedIn && (
        <SignInCard
          busy={state.status === "signingIn" || state.status === "resuming"}
          error={signInError ?? (state.status === "signedOut" ? state.endUserMessage : undefined)}
          onSignIn={signIn}
        />
      )}
      {signedIn && state.readOnly && (
        <MessageBar intent="warning" id="read-only-notice">
          <MessageBarBody>Order entry is disabled: you signed in without the SMS code, so this session can only view. Sign out and sign in with the SMS code to trade.</MessageBarBody>
        </MessageBar>
      )}
      {signedIn && <AccountPicker state={accounts} selected={account} onSelect={selectAccount} onRetry={retryAccounts} />}
      <Diagnostics logger={runtime.logger} />
    </main>
  );
}
