import { notImplemented } from "../not-implemented";

export const getPerformances = notImplemented;
export const getPerformance = notImplemented;
