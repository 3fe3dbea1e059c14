/** The login origin's policies, as data with their units (API.md 2; the numbers not documented by Binck are ours). */

/** How long one sign-in (login, SMS, consent pages) may take before its pages stop working. */
export const LOGIN_FLOW_LIFETIME_MS = 10 * 60_000;
/** Sign-ins in progress kept at once; the oldest is dropped past this, so page state cannot grow without bound. */
export const MAX_OPEN_LOGIN_FLOWS = 10_000;
/** Wrong passwords in a row before a person's login is locked. */
export const MAX_PASSWORD_FAILURES = 5;
/** How long a locked login stays locked. */
export const PASSWORD_LOCKOUT_MS = 15 * 60_000;
/** Wrong SMS codes within one sign-in before that sign-in ends. */
export const MAX_SMS_CODE_FAILURES = 3;
/** A used or expired authorization code is remembered this long, so a replay is recognised (RFC 6749 4.1.2). */
export const SPENT_CODE_MEMORY_MS = 60 * 60_000;
/** Largest form body (pages and token endpoint), in bytes. */
export const MAX_FORM_BODY_BYTES = 8 * 1024;
