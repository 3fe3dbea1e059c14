import type { RefreshReport } from "../core";
import type { AddinRuntime } from "../platform/runtime";

/** The ribbon command's id (manifest.xml's FunctionName, Office.actions.associate). */
export const REFRESH_ACTION_ID = "refreshBinckData";

/**
 * "Refresh Binck data": every REST-backed cell's data fetched again through the runtime's budget (Portfolio.refreshAll),
 * then what it did is told in the taskpane (runtime.refreshNotice) and the log. Never throws: a command that
 * fails still completes, with the reason in the notice.
 */
export async function refreshBinckData(runtime: AddinRuntime): Promise<string> {
  let notice: string;
  try {
    if (runtime.session.current().status !== "signedIn") notice = "Nothing refreshed: sign in to Binck first.";
    else notice = refreshNotice(await (await runtime.portfolio()).refreshAll(), (ms) => new Date(ms).toLocaleTimeString());
  } catch (error) {
    notice = `Refreshing Binck data failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  runtime.logger.log("info", notice);
  runtime.refreshNotice.set(notice);
  return notice;
}

/** What a refresh did, for people: requests made, when the data was fetched, what failed. */
export function refreshNotice(report: RefreshReport, formatTime: (epochMs: number) => string): string {
  const tables = report.refreshed.length;
  if (tables === 0) return `Nothing to refresh at ${formatTime(report.finishedAtMs)}: no portfolio formulas are open.`;
  const fetched = report.refreshed.flatMap((item) => (item.fetchedAtMs === undefined ? [] : [item.fetchedAtMs]));
  const failed = report.refreshed.filter((item) => item.error);
  const parts = [`Binck data refreshed: ${report.requests} request${report.requests === 1 ? "" : "s"} for ${tables} table${tables === 1 ? "" : "s"}`];
  if (fetched.length > 0) parts.push(`data fetched at ${formatTime(Math.max(...fetched))}`);
  if (failed.length > 0) parts.push(`${failed.length} failed: ${failed[0].error!.endUserMessage.replace(/\.$/, "")}`);
  return `${parts.join("; ")}.`;
}
