import { ADDIN_VERSION } from "../core/version";

/** Taskpane entry. Sign-in and the account picker arrive with the sign-in issue. */
Office.onReady(() => {
  const status = document.getElementById("status");
  if (status) status.textContent = `binck-excel ${ADDIN_VERSION} is ready.`;
});
