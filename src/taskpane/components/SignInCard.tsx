import { Button, Card, Field, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Realm, SignInPreference } from "../../core";

export const REALM_CHOICES: ReadonlyArray<{ realm: Realm; label: string; locale: string }> = [
  { realm: "bincknlapi", label: "Netherlands", locale: "nl" },
  { realm: "binckbeapi", label: "Belgium", locale: "nlBE" },
  { realm: "binckitapi", label: "Italy", locale: "it" },
  { realm: "binckfrapi", label: "France", locale: "fr" },
];

export const LANGUAGE_CHOICES: ReadonlyArray<{ locale: string; label: string }> = [
  { locale: "nl", label: "Nederlands" },
  { locale: "nlBE", label: "Nederlands (België)" },
  { locale: "frBE", label: "Français (Belgique)" },
  { locale: "fr", label: "Français" },
  { locale: "it", label: "Italiano" },
  { locale: "en", label: "English" },
];

export interface SignInCardProps {
  busy: boolean;
  error?: string;
  /** The country and language of the person's last sign-in, once read from storage. */
  remembered?: SignInPreference;
  onSignIn(preference: SignInPreference): void;
}

/** Country (realm) and language, then the sign-in dialog. */
export function SignInCard({ busy, error, remembered, onSignIn }: SignInCardProps) {
  const [realm, setRealm] = useState<Realm>(remembered?.realm ?? "bincknlapi");
  const [locale, setLocale] = useState(remembered?.locale ?? "nl");
  useEffect(() => {
    if (!remembered) return;
    setRealm(remembered.realm);
    setLocale(remembered.locale);
  }, [remembered]);
  return (
    <Card aria-label="Sign in">
      <Text weight="semibold" size={400}>Sign in to Binck</Text>
      <Field label="Country">
        <Select id="realm" value={realm} onChange={(_event, data) => {
          const choice = REALM_CHOICES.find((candidate) => candidate.realm === data.value)!;
          setRealm(choice.realm);
          setLocale(choice.locale);
        }}>
          {REALM_CHOICES.map((choice) => <option key={choice.realm} value={choice.realm}>{choice.label}</option>)}
        </Select>
      </Field>
      <Field label="Language of the login pages">
        <Select id="locale" value={locale} onChange={(_event, data) => setLocale(data.value)}>
          {LANGUAGE_CHOICES.map((choice) => <option key={choice.locale} value={choice.locale}>{choice.label}</option>)}
        </Select>
      </Field>
      {error && (
        <MessageBar intent="error" id="sign-in-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button id="sign-in" appearance="primary" disabled={busy} onClick={() => onSignIn({ realm, locale })}>
        {busy ? "Signing in…" : error ? "Try again" : "Sign in"}
      </Button>
    </Card>
  );
}
