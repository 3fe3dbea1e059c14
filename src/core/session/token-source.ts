/** What a REST or realtime client needs from the session: the token, its renewal and its refreshes. */
export interface TokenSource {
  /** The current access token, or a signInRequired BinckError when there is none. */
  getAccessToken(): string;
  /** The API refused the current token: get a new one (true) or end the session visibly (false). */
  renewAfterRejection(): Promise<boolean>;
  /** A request reached Binck: the session is not idle. */
  noteActivity(): void;
  /** Every new access token after a refresh (the realtime session calls ExtendSubscriptions with it). */
  onTokenRefreshed(listener: (accessToken: string) => void): () => void;
}
