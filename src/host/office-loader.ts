import { bridgeOf } from "../platform/host-bridge";
import { installDialogOffice, installTaskpaneOffice } from "./office-standin";

/**
 * The first script of the add-in's pages (taskpane.html, the broker's last sign-in page). In the preview host's
 * taskpane frame, or in a dialog pop-up the preview opened, it installs the Office stand-in; everywhere else
 * (Excel) it writes office.js's script tag, so office.js loads synchronously before the add-in's bundles, as the
 * page would load it itself.
 */
const framedBy = window.parent !== window ? bridgeOf(window.parent) : undefined;
const openedBy = framedBy ? undefined : bridgeOf(window.opener as Window | null);
if (framedBy) installTaskpaneOffice(framedBy, window);
else if (openedBy) installDialogOffice(openedBy, window);
else {
  const self = (document.currentScript as HTMLScriptElement | null)?.src ?? window.location.href;
  document.write(`<script src="${new URL("office-js/office.js", self).href}"></script>`);
}
