import type { Clock, TimerHandle } from "../clock";
import type { Logger } from "../log";
import type { TokenSource } from "../session/token-source";
import { HubMethod } from "../wire/realtime";
import type { HubLink } from "./hub-link";

/**
 * What keeps a connected feed's session alive: ExtendSubscriptions with every refreshed token (API.md 5.2), and a
 * cheap hub call `keepAliveIntervalMs` after the last one, because Binck ends a session after 30 minutes without
 * requests and counts hub calls as requests. Every answered call is noted as activity with the token source.
 */
export class SessionUpkeep {
  private link?: HubLink;
  private timer?: TimerHandle;

  constructor(
    private readonly clock: Clock,
    private readonly keepAliveIntervalMs: number,
    private readonly tokens: TokenSource,
    private readonly logger: Logger,
    private readonly failed: (message: string) => void,
  ) {}

  attach(link: HubLink): void {
    this.link = link;
    this.schedule();
  }

  detach(): void {
    this.link = undefined;
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A hub call was answered: the session is active, and the keep-alive falls due an interval from now. */
  called(): void {
    this.tokens.noteActivity();
    if (this.link) this.schedule();
  }

  extend(accessToken: string): void {
    this.link?.invoke(HubMethod.ExtendSubscriptions, accessToken).then(
      () => this.called(),
      (error: unknown) => this.failed(`ExtendSubscriptions failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  private schedule(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      // The cheapest call the hub counts as activity: unsubscribing nothing changes nothing.
      this.link?.invoke(HubMethod.UnSubscribeQuotes, []).then(
        () => this.called(),
        (error: unknown) => this.logger.log("warn", `Keep-alive call failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, this.keepAliveIntervalMs);
  }
}
