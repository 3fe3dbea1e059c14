import { notImplemented } from "../not-implemented";

export const getTransactions = notImplemented;
