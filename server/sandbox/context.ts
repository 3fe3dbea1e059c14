import type { Clock } from "../../src/core/clock";
import type { PasswordLockout } from "./auth/password-lockout";
import type { SessionStore } from "./auth/session-store";
import type { Faults } from "./control/faults";
import type { SandboxEvents } from "./events";
import type { Logger } from "../shared/logger";
import type { Market } from "./market/market";
import type { NewsDesk } from "./market/news-desk";
import type { SandboxOptions } from "./options";
import type { Trading } from "./trading/trading";

/** Everything a part of the sandbox may use, built once by createSandbox and passed down. */
export interface SandboxContext {
  readonly clock: Clock;
  readonly options: SandboxOptions;
  readonly logger: Logger;
  readonly events: SandboxEvents;
  readonly sessions: SessionStore;
  /** Sign-in locks after wrong passwords: the login pages set them, the control surface's status shows them. */
  readonly lockout: PasswordLockout;
  readonly market: Market;
  readonly news: NewsDesk;
  readonly trading: Trading;
  readonly faults: Faults;
}
