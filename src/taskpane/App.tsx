import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isBinckError } from "../core/errors";
import { BinckRestClient } from "../core/rest/client";
import type { BrokerPublicConfig } from "../core/session/broker-messages";
import type { Realm } from "../core/wire/auth";
import type { AddinRuntime } from "../platform/runtime";
import { AccountPicker } from "./components/AccountPicker";
import { Diagnostics } from "./components/Diagnostics";
import { SessionBar } from "./components/SessionBar";
import { SignInCard } from "./components/SignInCard";
import { useAccounts } from "./hooks/useAccounts";
import { useSession } from "./hooks/useSession";

export const ACCOUNT_SETTING = "binck.accountNumber";

/** The taskpane: sign-in, session status, account picker. Order entry arrives with the orders work. */
export function App({ runtime }: { runtime: AddinRuntime }) {
  const state = useSession(runtime.session);
  const [config, setConfig] = useState<BrokerPublicConfig>();
  const [signInError, setSignInError] = useState<string>();
  const [account, setAccount] = useState<string | undefined>(() => runtime.settings.get(ACCOUNT_SETTING) as string | undefined);

  useEffect(() => {
    runtime.broker.config().then(setConfig, (error: unknown) => {
      runtime.logger.log("error", isBinckError(error) ? error.developerMessage : String(error));
    });
    void runtime.session.resume();
  }, [runtime]);

  const signedIn = state.status === "signedIn";
  const client = useMemo(
    () => (signedIn && config ? new BinckRestClient(config.apiBase, () => runtime.session.getAccessToken()) : undefined),
    [signedIn, config, runtime],
  );
  const selectAccount = useCallback((accountNumber: string) => {
    setAccount(accountNumber);
    runtime.settings.set(ACCOUNT_SETTING, accountNumber);
    runtime.settings.saveAsync();
  }, [runtime]);

  const [reloadKey, setReloadKey] = useState(0);
  const retriedAfter401 = useRef(false);
  useEffect(() => {
    retriedAfter401.current = false;
  }, [client]);
  const accounts = useAccounts(client, runtime.logger, reloadKey, () => {
    // The token was refused: refresh once; a new token reloads the accounts, a dead session shows "signed out".
    if (retriedAfter401.current) return;
    retriedAfter401.current = true;
    void runtime.session.refreshNow().then((refreshed) => {
      if (refreshed) setReloadKey((key) => key + 1);
    });
  });

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
      {signedIn && <AccountPicker state={accounts} selected={account} onSelect={selectAccount} />}
      <Diagnostics logger={runtime.logger} />
    </main>
  );
}
