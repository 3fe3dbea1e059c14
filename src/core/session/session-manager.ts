import type { Clock, TimerHandle } from "../clock";
import { BinckError, isBinckError, SIGNED_OUT_MESSAGE } from "../errors";
import { tellEach } from "../listeners";
import { silentLogger, type Logger } from "../log";
import type { Realm } from "../wire/auth";
import type { BrokerClient } from "./broker-client";
import type { RefreshedToken, SignInMessage } from "../wire/broker";
import type { KeyValueStorage } from "./storage";
import type { TokenSource } from "./token-source";

export type { TokenSource };

/** Opens the sign-in dialog on a URL and resolves with what the dialog sent back. */
export interface SignInDialog {
  open(url: string): Promise<SignInMessage>;
}


export type SessionState =
  | { status: "signedOut"; endUserMessage?: string }
  | { status: "signingIn" }
  /** A stored session is being picked up; `endUserMessage` says why it takes longer (Binck or the broker unreachable). */
  | { status: "resuming"; endUserMessage?: string }
  | { status: "signedIn"; realm: Realm; scope: string; readOnly: boolean; expiresAtMs: number };

/** Tells the session when Binck may be down, and when it answers again (AvailabilityMonitor). */
export interface AvailabilitySignal {
  /** A refresh failed in a way that may mean Binck is down: find out now. */
  check(): void;
  /** Binck answers again after maintenance or an outage. */
  onBack(listener: () => void): () => void;
}

export interface SessionManagerOptions {
  broker: BrokerClient;
  dialog: SignInDialog;
  storage: KeyValueStorage;
  clock: Clock;
  logger?: Logger;
  /** Refresh this long before the access token expires (at most half-way through its life). */
  refreshLeadMs?: number;
  /** Delays between refresh attempts while the broker or Binck cannot be reached; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /** Binck ends a session after this long without requests (API.md 2.3): then the add-in checks and says so. */
  idleTimeoutMs?: number;
  /** When given, a failing refresh asks whether Binck is down, and is retried as soon as Binck is back. */
  availability?: AvailabilitySignal;
}

export const SESSION_HANDLE_KEY = "binck.sessionHandle";
export const SESSION_REALM_KEY = "binck.realm";
/** The idle check runs this long after Binck would have ended an idle session. */
const IDLE_CHECK_MARGIN_MS = 5_000;

/**
 * The add-in's session: the access token in memory only, the broker's session handle in storage, refresh
 * before expiry, and a clear signed-out state when the refresh chain or the idle time ends. One instance serves
 * the taskpane, the functions and the commands of a runtime.
 */
export class SessionManager implements TokenSource {
  private state: SessionState = { status: "signedOut" };
  private accessToken: string | undefined;
  private handle: string | undefined;
  private realm: Realm | undefined;
  private refreshTimer: TimerHandle | undefined;
  private idleTimer: TimerHandle | undefined;
  private expiryTimer: TimerHandle | undefined;
  /** Set while a refresh failed and its retry waits: called at once when Binck is back. */
  private pendingRetry: (() => void) | undefined;
  private lastFailureMessage: string | undefined;
  /** The session had a token that expired before a new one came (as opposed to a stored session being resumed). */
  private tokenExpired = false;
  private lastActivityMs = 0;
  private renewal: Promise<boolean> | undefined;
  private readonly stateListeners = new Set<(state: SessionState) => void>();
  private readonly tokenListeners = new Set<(accessToken: string) => void>();
  private readonly logger: Logger;
  private readonly refreshLeadMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly idleTimeoutMs: number;

  constructor(private readonly options: SessionManagerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.refreshLeadMs = options.refreshLeadMs ?? 60_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000, 5_000, 15_000, 30_000];
    this.idleTimeoutMs = options.idleTimeoutMs ?? 30 * 60_000;
    options.availability?.onBack(() => {
      const retry = this.pendingRetry;
      if (!retry) return;
      this.logger.log("info", "Binck answers again: renewing the token now.");
      retry();
    });
  }

  current(): SessionState {
    return this.state;
  }

  onChange(listener: (state: SessionState) => void): () => void {
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
      throw new BinckError("signInRequired", SIGNED_OUT_MESSAGE, `No access token: the session is ${this.state.status}.`);
    }
    return this.accessToken;
  }

  noteActivity(): void {
    this.lastActivityMs = this.options.clock.now();
  }

  renewAfterRejection(): Promise<boolean> {
    this.renewal ??= this.refresh(0, true).finally(() => {
      this.renewal = undefined;
    });
    return this.renewal;
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
      const code = message.errorCode === "accessDenied" ? "accessDenied" : message.errorCode === "stateMismatch" ? "stateMismatch" : "dialogFailed";
      throw new BinckError(code, message.endUserMessage, message.developerMessage);
    }
    this.handle = message.sessionHandle;
    this.realm = message.realm;
    await this.options.storage.setItem(SESSION_HANDLE_KEY, message.sessionHandle);
    await this.options.storage.setItem(SESSION_REALM_KEY, message.realm);
    this.noteActivity();
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
    return this.refresh(0, false);
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

  private async refresh(attempt: number, force: boolean): Promise<boolean> {
    const handle = this.handle;
    if (!handle) return false;
    try {
      const token = await this.options.broker.refresh(handle, force);
      if (this.handle !== handle) return false;
      if (this.state.status === "resuming") this.noteActivity();
      this.accept(token, true);
      return true;
    } catch (error) {
      if (this.handle !== handle) return false;
      const binck = isBinckError(error) ? error : undefined;
      const detail = binck?.developerMessage ?? String(error);
      if (binck?.code === "signInRequired") {
        this.logger.log("warn", `Session ended: ${detail}`);
        this.forget();
        await this.options.storage.removeItem(SESSION_HANDLE_KEY);
        this.setState({ status: "signedOut", endUserMessage: SIGNED_OUT_MESSAGE });
        return false;
      }
      // Binck or the broker cannot be reached: the session is kept and the refresh retried, at once when Binck is back.
      const delay = this.retryDelaysMs[Math.min(attempt, this.retryDelaysMs.length - 1)];
      this.logger.log("warn", `Token refresh failed (${detail}); retrying in ${delay} ms.`);
      this.lastFailureMessage = binck?.endUserMessage ?? "The add-in's server cannot be reached. The add-in keeps trying.";
      const expired = this.state.status === "signedIn" ? this.options.clock.now() >= this.state.expiresAtMs : this.tokenExpired;
      if (expired) this.lapse();
      else if (this.state.status !== "signedIn") this.setState({ status: "resuming", endUserMessage: this.lastFailureMessage });
      const retry = () => {
        this.pendingRetry = undefined;
        void this.refresh(attempt + 1, force);
      };
      this.pendingRetry = retry;
      this.scheduleRefresh(delay, retry);
      this.options.availability?.check();
      return false;
    }
  }

  private accept(token: RefreshedToken | Extract<SignInMessage, { kind: "signedIn" }>, announce: boolean): void {
    this.accessToken = token.accessToken;
    this.pendingRetry = undefined;
    this.lastFailureMessage = undefined;
    this.tokenExpired = false;
    // The state must not say "valid until" a moment that has passed: at expiry without a new token, it lapses.
    this.cancel(this.expiryTimer);
    this.expiryTimer = this.options.clock.setTimeout(() => {
      this.expiryTimer = undefined;
      if (this.accessToken === token.accessToken) this.lapse();
    }, Math.max(0, token.expiresAtMs - this.options.clock.now()));
    this.setState({ status: "signedIn", realm: this.realm!, scope: token.scope, readOnly: token.readOnly, expiresAtMs: token.expiresAtMs });
    // Refresh a minute early, but never earlier than half-way through a short-lived token (no refresh storms).
    const lifetimeMs = token.expiresAtMs - this.options.clock.now();
    this.scheduleRefresh(Math.max(lifetimeMs / 2, lifetimeMs - this.refreshLeadMs, 0), () => void this.refresh(0, false));
    this.scheduleIdleCheck();
    if (announce) for (const listener of [...this.tokenListeners]) listener(token.accessToken);
  }

  /** When Binck would have ended the session for idleness, ask: a dead session then shows as signed out. */
  private scheduleIdleCheck(): void {
    this.cancel(this.idleTimer);
    const dueMs = this.lastActivityMs + this.idleTimeoutMs + IDLE_CHECK_MARGIN_MS;
    this.idleTimer = this.options.clock.setTimeout(() => {
      this.idleTimer = undefined;
      if (this.state.status !== "signedIn") return;
      const idleForMs = this.options.clock.now() - this.lastActivityMs;
      if (idleForMs < this.idleTimeoutMs) return this.scheduleIdleCheck();
      this.logger.log("info", `No request for ${Math.round(idleForMs / 60_000)} min: checking whether Binck ended the session.`);
      void this.renewAfterRejection();
    }, Math.max(0, dueMs - this.options.clock.now()));
  }

  /** The token expired before a new one came: no token, and the state says the session is being renewed. */
  private lapse(): void {
    this.accessToken = undefined;
    this.tokenExpired = true;
    const reason = this.lastFailureMessage ? ` ${this.lastFailureMessage}` : "";
    this.setState({ status: "resuming", endUserMessage: `Your Binck token expired and is being renewed.${reason}` });
  }

  private scheduleRefresh(delayMs: number, action: () => void): void {
    this.cancel(this.refreshTimer);
    this.refreshTimer = this.options.clock.setTimeout(action, delayMs);
  }

  private forget(): void {
    this.cancel(this.refreshTimer);
    this.cancel(this.idleTimer);
    this.cancel(this.expiryTimer);
    this.refreshTimer = undefined;
    this.idleTimer = undefined;
    this.expiryTimer = undefined;
    this.pendingRetry = undefined;
    this.lastFailureMessage = undefined;
    this.tokenExpired = false;
    this.accessToken = undefined;
    this.handle = undefined;
  }

  private cancel(timer: TimerHandle | undefined): void {
    if (timer) this.options.clock.clearTimeout(timer);
  }

  private setState(state: SessionState): void {
    this.state = state;
    tellEach(this.stateListeners, state, this.logger, "the session");
  }
}
