import { BinckError } from "../core/errors";
import type { SignInMessage } from "../core/session/broker-messages";
import type { SignInDialog } from "../core/session/session-manager";
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

/** Sign-in through the Office dialog API (or the browser host's): resolves with the dialog's one message. */
export class OfficeSignInDialog implements SignInDialog {
  constructor(private readonly display: DisplayDialog, private readonly size = { height: 70, width: 40 }) {}

  open(url: string): Promise<SignInMessage> {
    return new Promise((resolve, reject) => {
      this.display(url, { height: this.size.height, width: this.size.width, promptBeforeOpen: false }, (result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(dialogError(result.error.code, result.error.message));
          return;
        }
        const dialog = result.value;
        let settled = false;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (event) => {
          if (settled) return;
          settled = true;
          dialog.close();
          const message = parseSignInMessage("message" in event ? event.message : "");
          if (message) resolve(message);
          else reject(new BinckError("dialogFailed", "The sign-in window sent an answer the add-in does not understand. Please try again.", "Unparseable dialog message."));
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (event) => {
          if (settled) return;
          settled = true;
          reject(dialogError("error" in event ? event.error : 0, "the dialog reported an event"));
        });
      });
    });
  }
}
