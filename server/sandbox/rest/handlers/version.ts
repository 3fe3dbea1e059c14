import type { PublicHandler } from "../handler";

export const SANDBOX_VERSION = "1.0.0-sandbox";
export const SANDBOX_BUILD_DATE = "2026-11-25";

/** #1 GET /version: no token needed. */
export const getVersion: PublicHandler = () => ({ body: { currentVersion: SANDBOX_VERSION, buildDate: SANDBOX_BUILD_DATE } });
