import { notImplemented } from "../not-implemented";

export const getAccounts = notImplemented;
export const getAccount = notImplemented;
export const getBalances = notImplemented;
export const getSettings = notImplemented;
