import { Badge, Card, Radio, RadioGroup, Spinner, Text } from "@fluentui/react-components";
import type { AccountModel } from "../../core";
import type { AccountsState } from "../hooks/useAccounts";
import { RetryableError } from "./RetryableError";

const TYPE_NAMES: Record<AccountModel["type"], string> = {
  binckComplete: "Trading",
  savings: "Savings",
  fundCoach: "Fund coach",
  planEpargneAction: "PEA",
  planEpargneActionPme: "PEA-PME",
  assetManagement: "Asset management",
  savingsBroker: "Savings broker",
  assetManagementSelect: "Asset management select",
};

export interface AccountPickerProps {
  state: AccountsState;
  selected?: string;
  onSelect(accountNumber: string): void;
  onRetry(): void;
}

/** The person's accounts; non-trading ones are marked and the choice is remembered per workbook. */
export function AccountPicker({ state, selected, onSelect, onRetry }: AccountPickerProps) {
  if (state.status === "idle" || state.status === "loading") {
    return state.status === "idle" ? null : <Spinner size="tiny" label="Loading accounts…" />;
  }
  if (state.status === "failed") {
    return <RetryableError id="accounts-error" endUserMessage={state.endUserMessage} onRetry={onRetry} />;
  }
  if (state.accounts.length === 0) return <Text>No accounts in this country.</Text>;
  return (
    <Card aria-label="Accounts">
      <Text weight="semibold">Account</Text>
      <RadioGroup id="accounts" value={selected ?? ""} onChange={(_event, data) => onSelect(data.value)}>
        {state.accounts.map((account) => (
          <Radio
            key={account.number}
            value={account.number}
            label={
              <span data-account={account.number}>
                {account.name} · {account.number} · {TYPE_NAMES[account.type] ?? account.type}{" "}
                {account.isReadOnly && <Badge appearance="outline" color="warning">view only</Badge>}
              </span>
            }
          />
        ))}
      </RadioGroup>
    </Card>
  );
}
