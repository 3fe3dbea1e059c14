import { bridgeOf } from "../platform/host-bridge";

/**
 * Runs on the broker's last sign-in page inside the dialog: hands the result (inert JSON in the page) to the
 * add-in. targetOrigin is the add-in's own origin, where this page is served.
 */
function deliver(): void {
  const result = document.getElementById("binck-sign-in-result")?.textContent ?? "";
  const options = { targetOrigin: window.location.origin };
  const host = bridgeOf(window.opener as Window | null);
  if (host) {
    host.messageParent(result, options);
    return;
  }
  Office.onReady(() => {
    Office.context.ui.messageParent(result, options);
  });
}

deliver();
