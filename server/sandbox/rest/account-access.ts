import { accountsInRealm, type SeedAccount } from "../seed/people";
import { ApiError, badRequest, endUser } from "./api-error";
import type { ApiRequest } from "./handler";

export const ACCOUNT_NUMBER_PATTERN = /^[0-9a-zA-Z]{3,15}$/;

/** The session's own account with this number; another person's or realm's account is never visible (404). */
export function accountFor(request: ApiRequest, accountNumber: string | undefined, field = "accountNumber"): SeedAccount {
  if (accountNumber === undefined || accountNumber === "") throw badRequest(field, "is required.");
  if (!ACCOUNT_NUMBER_PATTERN.test(accountNumber)) {
    throw badRequest(field, `'${accountNumber.slice(0, 40)}' is not an account number (3 to 15 letters or digits).`);
  }
  const account = accountsInRealm(request.person, request.session.realm).find((candidate) => candidate.number === accountNumber);
  if (!account) {
    throw new ApiError(404, "noMatchingAccountInfoFound", `Account ${accountNumber} is not an active account of this session.`, endUser.accountNotFound);
  }
  return account;
}

/** The account named by the required `accountNumber` query parameter. */
export function accountFromQuery(request: ApiRequest): SeedAccount {
  return accountFor(request, request.query.string("accountNumber"));
}

/** Orders may be placed, changed or cancelled only in a session that passed the SMS step. */
export function assertMayTrade(request: ApiRequest): void {
  if (request.session.readOnly) {
    throw new ApiError(401, "noAuthorization", "This session is read-only (the SMS step was skipped at login): orders may not be placed, modified or cancelled.", endUser.readOnly);
  }
}
