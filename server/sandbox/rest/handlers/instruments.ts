import { notImplemented } from "../not-implemented";

export const searchInstruments = notImplemented;
export const getInstruments = notImplemented;
export const getListContents = notImplemented;
export const getLeveragedProducts = notImplemented;
export const getCertificates = notImplemented;
export const getBonds = notImplemented;
export const getDerivatives = notImplemented;
export const getKids = notImplemented;
export const getKidDocument = notImplemented;
