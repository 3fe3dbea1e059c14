import { notImplemented } from "../not-implemented";

export const getPositions = notImplemented;
export const getPosition = notImplemented;
