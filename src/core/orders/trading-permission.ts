import type { SessionState } from "../session/session-manager";
import type { AccountModel } from "../wire/models";
import type { TradingPermission } from "./contract";

/**
 * Whether an account may trade now: signed in, a session that passed the SMS step (a skipped one is read-only,
 * API.md 2.1), and an account Binck marks as tradable in this session (`isReadOnly` false: a savings account, no
 * trading right, or no `write` scope).
 */
export async function tradingPermission(session: SessionState, accountNumber: string, accounts: () => Promise<readonly AccountModel[]>): Promise<TradingPermission> {
  if (session.status !== "signedIn") return { allowed: false, reason: "signedOut", message: "Sign in to Binck to trade." };
  if (session.readOnly) {
    return { allowed: false, reason: "readOnlySession", message: "This session is read-only (the SMS step was skipped at sign-in): sign in again with the SMS code to trade." };
  }
  const account = (await accounts()).find((candidate) => candidate.number === accountNumber);
  if (!account) return { allowed: false, reason: "accountCannotTrade", message: `Account ${accountNumber} is not one of your accounts.` };
  if (account.isReadOnly) return { allowed: false, reason: "accountCannotTrade", message: `Account ${account.number} (${account.name}) cannot trade.` };
  return { allowed: true };
}
