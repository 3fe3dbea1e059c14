/**
 * Calls `save` when the runtime's page may go away without notice: it is hidden (a closed workbook, a minimised
 * window; the page may be discarded after) or unloaded (pagehide). Saves there must start synchronously: the
 * page may not run another task. Returns a function that stops listening.
 */
export function onPageExit(save: () => void, target: Window = window): () => void {
  const hidden = () => {
    if (target.document.visibilityState === "hidden") save();
  };
  target.addEventListener("pagehide", save);
  target.document.addEventListener("visibilitychange", hidden);
  return () => {
    target.removeEventListener("pagehide", save);
    target.document.removeEventListener("visibilitychange", hidden);
  };
}
