import type { Logger } from "../log";
import type { HubMethodName } from "../wire/realtime";
import type { HubLink } from "./hub-link";

/**
 * An account-wide subscription (news, orders): subscribed while it has listeners, again on every new connection
 * (the server forgets it, API.md 5.2), unsubscribed when the last listener goes.
 */
export class HubTopic<Listener> {
  readonly listeners = new Set<Listener>();
  private link?: HubLink;

  constructor(
    private readonly subscribeMethod: HubMethodName,
    private readonly unsubscribeMethod: HubMethodName,
    private readonly accountNumber: () => string | undefined,
    private readonly logger: Logger,
    private readonly called: () => void,
  ) {}

  add(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1 && this.link) void this.subscribe(this.link);
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0 || !this.link) return;
      void this.call(this.link, this.unsubscribeMethod);
    };
  }

  attach(link: HubLink): void {
    this.link = link;
    if (this.listeners.size > 0) void this.subscribe(link);
  }

  detach(): void {
    this.link = undefined;
  }

  private async subscribe(link: HubLink): Promise<void> {
    const account = this.accountNumber();
    if (account === undefined) {
      this.logger.log("warn", `${this.subscribeMethod} not called: no account is chosen.`);
      return;
    }
    const result = (await this.call(link, this.subscribeMethod, account)) as { isSucceeded?: boolean } | undefined;
    if (result && result.isSucceeded === false) this.logger.log("warn", `${this.subscribeMethod}(${account}) refused (isSucceeded false): the account is not one of this session.`);
  }

  private async call(link: HubLink, method: HubMethodName, ...args: unknown[]): Promise<unknown> {
    try {
      const result = await link.invoke(method, ...args);
      this.called();
      return result;
    } catch (error) {
      if (link === this.link) this.logger.log("warn", `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
