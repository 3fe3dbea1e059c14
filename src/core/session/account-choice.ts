import { tellEach } from "../listeners";
import { silentLogger, type Logger } from "../log";

/** Per-workbook settings (Office.context.document.settings), as far as core needs them. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  save(): void;
}

export const ACCOUNT_SETTING = "binck.accountNumber";

/**
 * The account picked in the taskpane, remembered per workbook. Functions without an account argument use it and
 * follow when the person picks another.
 */
export class AccountChoice {
  private selected: string | undefined;
  /** What the listeners were last told (nothing yet: undefined). */
  private told: string | undefined;
  private readonly listeners = new Set<(accountNumber: string | undefined) => void>();

  constructor(private readonly settings: () => SettingsStore | undefined, private readonly logger: Logger = silentLogger) {}

  current(): string | undefined {
    if (this.selected === undefined) {
      const stored = this.settings()?.get(ACCOUNT_SETTING);
      if (typeof stored === "string" && stored) {
        this.selected = stored;
        // The workbook's settings became readable after someone had seen "no account": tell them (not from
        // inside this call, which may come from a listener that is still deciding), the choice as it is by then.
        void Promise.resolve().then(() => this.tell(this.selected ?? stored));
      }
    }
    return this.selected;
  }

  /** Reads the workbook's settings again once they can be read (Office.onReady), telling listeners what they hold. */
  settingsReady(): void {
    this.current();
  }

  select(accountNumber: string): void {
    if (accountNumber === this.current()) return;
    this.selected = accountNumber;
    const settings = this.settings();
    settings?.set(ACCOUNT_SETTING, accountNumber);
    settings?.save();
    this.tell(accountNumber);
  }

  private tell(accountNumber: string): void {
    if (this.told === accountNumber) return;
    this.told = accountNumber;
    tellEach(this.listeners, accountNumber as string | undefined, this.logger, "the account choice");
  }

  onChange(listener: (accountNumber: string | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
