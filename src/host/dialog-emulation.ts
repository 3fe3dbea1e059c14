/**
 * Office's dialog API, emulated with a real pop-up window: displayDialogAsync opens it, the page inside calls
 * Office.context.ui.messageParent (the stand-in the office loader installs there reaches this host through
 * window.opener), and closing the window raises DialogEventReceived 12006, as Office does.
 */
type Handler = (event: { message?: string; origin?: string; error?: number }) => void;

interface AsyncResultLike<T> {
  status: "succeeded" | "failed";
  value: T;
  error: { code: number; name: string; message: string };
}

export interface EmulatedDialog {
  addEventHandler(eventType: string, handler: Handler): void;
  close(): void;
}

export class DialogEmulation {
  private open: { window: Window; handlers: Map<string, Handler>; poll: number } | undefined;

  constructor(private readonly hostOrigin: string, private readonly onEvent: (line: string) => void = () => undefined) {}

  displayDialogAsync(url: string, options: { height?: number; width?: number }, callback: (result: AsyncResultLike<EmulatedDialog>) => void): void {
    const fail = (code: number, message: string) =>
      callback({ status: "failed", value: undefined as unknown as EmulatedDialog, error: { code, name: "Dialog error", message } });
    if (this.open) return fail(12007, "A dialog is already opened from this host window.");
    if (!/^https:\/\//.test(new URL(url, this.hostOrigin).href)) return fail(12005, "The URL must use HTTPS.");
    const width = Math.round((screen.availWidth * (options.width ?? 40)) / 100);
    const height = Math.round((screen.availHeight * (options.height ?? 70)) / 100);
    const popup = window.open(url, "binckSignInDialog", `popup=yes,width=${width},height=${height}`);
    if (!popup) return fail(12009, "The pop-up was blocked.");
    const handlers = new Map<string, Handler>();
    const poll = window.setInterval(() => {
      if (popup.closed) {
        this.finish();
        handlers.get("dialogEventReceived")?.({ error: 12006 });
      }
    }, 200);
    this.open = { window: popup, handlers, poll };
    this.onEvent(`dialog opened on ${url}`);
    callback({
      status: "succeeded",
      value: {
        addEventHandler: (eventType, handler) => handlers.set(eventType, handler),
        close: () => {
          this.finish();
          popup.close();
        },
      },
      error: undefined as unknown as AsyncResultLike<EmulatedDialog>["error"],
    });
  }

  /** messageParent from the dialog page; a targetOrigin other than the host's is dropped, as in Office. */
  messageParent(message: string, options?: { targetOrigin?: string }): void {
    const current = this.open;
    if (!current) return;
    if (options?.targetOrigin && options.targetOrigin !== "*" && options.targetOrigin !== this.hostOrigin) {
      this.onEvent(`messageParent dropped: targetOrigin ${options.targetOrigin} is not ${this.hostOrigin}`);
      return;
    }
    this.onEvent("Office.context.ui.messageParent: the dialog sent its message");
    current.handlers.get("dialogMessageReceived")?.({ message, origin: this.hostOrigin });
  }

  private finish(): void {
    if (this.open) window.clearInterval(this.open.poll);
    this.open = undefined;
  }
}
