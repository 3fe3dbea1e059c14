/** Stable codes for every failure the add-in tells a person about (README: "Error codes"). */
export type BinckErrorCode =
  | "signInRequired"
  | "signInCancelled"
  | "dialogBlocked"
  | "dialogFailed"
  | "accessDenied"
  | "stateMismatch"
  | "readOnlySession"
  | "brokerUnavailable"
  | "maintenance"
  | "rateLimited"
  | "api"
  | "network"
  | "invalidInput";

/**
 * The one error type of core: `endUserMessage` is shown to people, `developerMessage` is logged.
 * `cause` is always kept.
 */
export class BinckError extends Error {
  constructor(
    readonly code: BinckErrorCode,
    readonly endUserMessage: string,
    readonly developerMessage: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(developerMessage, options);
    this.name = "BinckError";
  }
}

/** What a person is told when the session has ended, by the add-in and its broker alike. */
export const SIGNED_OUT_MESSAGE = "Signed out — sign in again.";

export function isBinckError(error: unknown): error is BinckError {
  return error instanceof BinckError;
}
