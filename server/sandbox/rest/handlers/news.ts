import { notImplemented } from "../not-implemented";

export const getNews = notImplemented;
