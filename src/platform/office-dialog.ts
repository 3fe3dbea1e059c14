import { BinckError, type SignInDialog, type SignInMessage } from "../core";
import { parseSignInMessage } from "./sign-in-message";

type DisplayDialog = (url: string, options: Office.DialogOptions, callback: (result: Office.AsyncResult<Office.Dialog>) => void) => void;

/** Office dialog error codes (displayDialogAsync and DialogEventReceived) and what a person is told. */
const DIALOG_ERRORS: Record<number, { code: "dialogBlocked" | "signInCancelled" | "dialogFailed"; text: string }> = {
  12002: { code: "dialogFailed", text: "The sign-in page could not be opened. Please try again." },
  12003: { code: "dialogFailed", text: "The sign-in page must be served over HTTPS." },
  12004: { code: "dialogFailed", text: "The sign-in page is not on a trusted domain of the add-in." },
  12005: { code: "dialogFailed", text: "The sign-in page must be served over HTTPS." },
  12006: { code: "signInCancelled", text: "The sign-in window was closed before signing in finished. Click Sign in to try again." },
  12007: { code: "dialogFailed", text: "A sign-in window is already open. Finish or close it first." },
  12009: { code: "dialogBlocked", text: "The browser blocked the sign-in window. Allow pop-ups for this add-in (choose Allow when Office asks), then click Sign in again." },
  12011: { code: "dialogBlocked", text: "The browser's settings block the sign-in window. Allow pop-ups for this add-in, then click Sign in again." },
};

function dialogError(errorCode: number, detail: string): BinckError {
  const known = DIALOG_ERRORS[errorCode] ?? { code: "dialogFailed" as const, text: "The sign-in window failed. Please try again." };
  return new BinckError(known.code, known.text, `Office dialog error ${errorCode}: ${detail}`);
}

/**
 * Sign-in through the Office dialog API (or the browser host's): resolves with the dialog's one message.
 * Only a message from the add-in's own origin (where the broker's last page lives) is believed.
 */
export class OfficeSignInDialog implements SignInDialog {
  constructor(
    private readonly display: DisplayDialog,
    private readonly trustedOrigin: string,
    private readonly size = { height: 70, width: 40 },
  ) {}

  open(url: string): Promise<SignInMessage> {
    return new Promise((resolve, reject) => {
      this.display(url, { height: this.size.height, width: this.size.width, promptBeforeOpen: false }, (result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(dialogError(result.error.code, result.error.message));
          return;
        }
        const dialog = result.value;
        let settled = false;
        const settle = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          outcome();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (event) => {
          const received = event as { message?: string; origin?: string };
          // Hosts that report the sender's origin let us refuse pages of other domains (AppDomains) outright.
          if (received.origin !== undefined && received.origin !== this.trustedOrigin) return;
          settle(() => {
            dialog.close();
            const message = parseSignInMessage(received.message ?? "");
            if (message) resolve(message);
            else reject(new BinckError("dialogFailed", "The sign-in window sent an answer the add-in does not understand. Please try again.", "Unparseable dialog message."));
          });
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (event) => {
          const code = "error" in event ? event.error : 0;
          settle(() => {
            // 12006 means the window is already closed; after any other event it may still be open.
            if (code !== 12006) dialog.close();
            reject(dialogError(code, "the dialog reported an event"));
          });
        });
      });
    });
  }
}
