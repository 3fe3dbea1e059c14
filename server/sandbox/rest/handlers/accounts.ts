import type { AccountModel } from "../../../../src/core/wire/models";
import type { ApiSession } from "../../auth/session-store";
import { accountsInRealm, type SeedAccount } from "../../seed/people";
import { BASE_CURRENCY } from "../../trading/money";
import { balanceModel } from "../../trading/valuation";
import { accountFor } from "../account-access";
import type { Handler } from "../handler";

/**
 * `isReadOnly` (API.md 3.3 #2): no trading in this session on this account — a login without the SMS code,
 * a token without `write`, or an account without trading rights (savings).
 */
export function accountModel(account: SeedAccount, session: ApiSession): AccountModel {
  return {
    name: account.name,
    iban: account.iban,
    number: account.number,
    type: account.type,
    isReadOnly: session.readOnly || !session.scopes.has("write") || account.tradingAllowed.length === 0,
  };
}

/** #2 GET /accounts: the person's accounts of the session's realm. */
export const getAccounts: Handler = (request) => ({
  body: { accountsCollection: { accounts: accountsInRealm(request.person, request.session.realm).map((account) => accountModel(account, request.session)) } },
});

/** #3 GET /accounts/{accountNumber}: the same shape with exactly one account. */
export const getAccount: Handler = (request) => {
  const account = accountFor(request, request.params.accountNumber);
  return { body: { accountsCollection: { accounts: [accountModel(account, request.session)] } } };
};

/** #4 GET /accounts/{accountNumber}/balances: valued at current market prices. */
export const getBalances: Handler = (request) => {
  const account = accountFor(request, request.params.accountNumber);
  const trading = request.ctx.trading;
  const balance = balanceModel(trading.book(account.number), trading.market, trading.reservedEuro(account.number));
  return { body: { balancesCollection: { balances: [balance], currency: BASE_CURRENCY } } };
};

/** #5 GET /accounts/{accountNumber}/settings: an empty tradingAllowed means the account cannot trade. */
export const getSettings: Handler = (request) => {
  const account = accountFor(request, request.params.accountNumber);
  return {
    body: { settingsCollection: { settings: [{ tradingAllowed: account.tradingAllowed.map((tradingType) => ({ tradingType })) }] } },
  };
};
