/**
 * Runs on the broker's last sign-in page inside the dialog: hands the result (inert JSON in the page) to the
 * add-in the only way Excel allows, Office.context.ui.messageParent once Office is ready. targetOrigin is the
 * add-in's own origin, where this page is served.
 */
const result = document.getElementById("binck-sign-in-result")?.textContent ?? "";
void Office.onReady(() => {
  Office.context.ui.messageParent(result, { targetOrigin: window.location.origin });
});
