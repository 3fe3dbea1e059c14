import { notImplemented } from "../not-implemented";

export const getQuotes = notImplemented;
export const getQuoteHistory = notImplemented;
