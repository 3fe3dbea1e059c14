import type { Clock, TimerHandle } from "../clock";
import { BinckError, isBinckError } from "../errors";
import { silentLogger, type Logger } from "../log";
import type { Realm } from "../wire/auth";
import type { BrokerClient } from "./broker-client";
import type { RefreshedToken, SignInMessage } from "./broker-messages";
import type { KeyValueStorage } from "./storage";

/** Opens the sign-in dialog on a URL and resolves with what the dialog sent back. */
export interface SignInDialog {
  open(url: string): Promise<SignInMessage>;
}

export type SessionState =
  | { status: "signedOut"; endUserMessage?: string }
  | { status: "signingIn" }
  | { status: "resuming" }
  | { status: "signedIn"; realm: Realm; scope: string; readOnly: boolean; expiresAtMs: number };

export interface SessionManagerOptions {
  broker: BrokerClient;
  dialog: SignInDialog;
  storage: KeyValueStorage;
  clock: Clock;
  logger?: Logger;
  /** Refresh this long before the access token expires. */
  refreshLeadMs?: number;
  /** Delays between refresh attempts while the broker cannot be reached. */
  retryDelaysMs?: readonly number[];
}

export const SESSION_HANDLE_KEY = "binck.sessionHandle";
export const SESSION_REALM_KEY = "binck.realm";

/**
 * The add-in's session: the access token in memory only, the broker's session handle in storage, refresh
 * before expiry, and a clear signed-out state when the refresh chain or the idle time ends. One instance serves
 * the taskpane, the functions and the commands of a runtime.
 */
export class SessionManager {
  private state: SessionState = { status: "signedOut" };
  private accessToken: string | undefined;
  private handle: string | undefined;
  private realm: Realm | undefined;
  private refreshTimer: TimerHandle | undefined;
  private readonly stateListeners = new Set<(state: SessionState) => void>();
  private readonly tokenListeners = new Set<(accessToken: string) => void>();
  private readonly logger: Logger;
  private readonly refreshLeadMs: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(private readonly options: SessionManagerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.refreshLeadMs = options.refreshLeadMs ?? 60_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000, 5_000, 15_000, 30_000];
  }

  current(): SessionState {
    return this.state;
  }

  onStateChange(listener: (state: SessionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Every new access token after a refresh (the realtime session calls ExtendSubscriptions with it). */
  onTokenRefreshed(listener: (accessToken: string) => void): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  /** The current access token, or a signInRequired error that says what to do. */
  getAccessToken(): string {
    if (this.state.status !== "signedIn" || !this.accessToken) {
      throw new BinckError("signInRequired", "Signed out — sign in again.", `No access token: the session is ${this.state.status}.`);
    }
    return this.accessToken;
  }

  /** Signs in through the dialog. Errors come back as BinckError and leave the state signed out. */
  async signIn(realm: Realm, locale: string): Promise<void> {
    this.setState({ status: "signingIn" });
    let message: SignInMessage;
    try {
      message = await this.options.dialog.open(this.options.broker.loginUrl(realm, locale));
    } catch (error) {
      this.setState({ status: "signedOut", endUserMessage: isBinckError(error) ? error.endUserMessage : undefined });
      throw error;
    }
    if (message.kind === "error") {
      this.setState({ status: "signedOut", endUserMessage: message.endUserMessage });
      throw new BinckError(message.errorCode === "accessDenied" ? "accessDenied" : message.errorCode === "stateMismatch" ? "stateMismatch" : "dialogFailed",
        message.endUserMessage, message.developerMessage);
    }
    this.handle = message.sessionHandle;
    this.realm = message.realm;
    await this.options.storage.setItem(SESSION_HANDLE_KEY, message.sessionHandle);
    await this.options.storage.setItem(SESSION_REALM_KEY, message.realm);
    this.accept(message, false);
    this.logger.log("info", `Signed in to ${message.realm}${message.readOnly ? " (read-only)" : ""}.`);
  }

  /** Resumes a session kept by a previous runtime (a reopened workbook) while its refresh chain lasts. */
  async resume(): Promise<boolean> {
    const handle = await this.options.storage.getItem(SESSION_HANDLE_KEY);
    const realm = (await this.options.storage.getItem(SESSION_REALM_KEY)) as Realm | null;
    if (!handle || !realm) return false;
    this.handle = handle;
    this.realm = realm;
    this.setState({ status: "resuming" });
    return this.refreshNow(0);
  }

  async signOut(): Promise<void> {
    const handle = this.handle;
    this.forget();
    await this.options.storage.removeItem(SESSION_HANDLE_KEY);
    this.setState({ status: "signedOut" });
    if (handle) {
      try {
        await this.options.broker.logout(handle);
      } catch (error) {
        this.logger.log("warn", `Sign-out at the broker failed: ${(error as Error).message}`);
      }
    }
  }

  /** Refreshes at once (after a 401, say). Resolves true when a new token came. */
  refreshNow(attempt = 0): Promise<boolean> {
    return this.refresh(attempt);
  }

  private async refresh(attempt: number): Promise<boolean> {
    const handle = this.handle;
    if (!handle) return false;
    try {
      const token = await this.options.broker.refresh(handle);
      if (this.handle !== handle) return false;
      this.accept(token, true);
      return true;
    } catch (error) {
      if (this.handle !== handle) return false;
      const binck = isBinckError(error) ? error : undefined;
      if (binck?.code === "signInRequired") {
        this.logger.log("warn", `Session ended: ${binck.developerMessage}`);
        this.forget();
        await this.options.storage.removeItem(SESSION_HANDLE_KEY);
        this.setState({ status: "signedOut", endUserMessage: "Signed out — sign in again." });
        return false;
      }
      if (this.canRetry()) {
        const delay = this.retryDelaysMs[Math.min(attempt, this.retryDelaysMs.length - 1)];
        this.logger.log("warn", `Token refresh failed (${binck?.developerMessage ?? String(error)}); retrying in ${delay} ms.`);
        this.schedule(delay, () => void this.refresh(attempt + 1));
        return false;
      }
      // The broker cannot be reached and no token works: signed out for now, but the stored handle stays so a
      // later resume can pick the session up again while its refresh chain lasts.
      this.logger.log("warn", `Token refresh failed and no token is valid: ${binck?.developerMessage ?? String(error)}`);
      this.forget();
      this.setState({ status: "signedOut", endUserMessage: binck?.endUserMessage ?? "The add-in's server cannot be reached. Sign in again later." });
      return false;
    }
  }

  /** Retrying makes sense while the current token still works (or while resuming). */
  private canRetry(): boolean {
    if (this.state.status === "resuming") return false;
    return this.state.status === "signedIn" && this.options.clock.now() < this.state.expiresAtMs;
  }

  private accept(token: RefreshedToken | Extract<SignInMessage, { kind: "signedIn" }>, announce: boolean): void {
    this.accessToken = token.accessToken;
    this.setState({ status: "signedIn", realm: this.realm!, scope: token.scope, readOnly: token.readOnly, expiresAtMs: token.expiresAtMs });
    // Refresh a minute early, but never earlier than half-way through a short-lived token (no refresh storms).
    const lifetimeMs = token.expiresAtMs - this.options.clock.now();
    const dueInMs = Math.max(lifetimeMs / 2, lifetimeMs - this.refreshLeadMs, 0);
    this.schedule(dueInMs, () => void this.refresh(0));
    if (announce) for (const listener of [...this.tokenListeners]) listener(token.accessToken);
  }

  private schedule(delayMs: number, action: () => void): void {
    if (this.refreshTimer) this.options.clock.clearTimeout(this.refreshTimer);
    this.refreshTimer = this.options.clock.setTimeout(action, delayMs);
  }

  private forget(): void {
    if (this.refreshTimer) this.options.clock.clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.accessToken = undefined;
    this.handle = undefined;
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }
}
