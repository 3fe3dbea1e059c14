import type { RequestBudgetFigures } from "../rest/request-budget-policy";

/**
 * Seconds until `requests` more user-action requests have started, as the request budget lets them: those that
 * fit in the window's free capacity start at once, every further one waits its share of the window
 * (windowMs / maxRequestsPerWindow), behind the user actions already queued. Answer times are not counted.
 */
export function secondsForRequests(requests: number, figures: RequestBudgetFigures): number {
  if (requests <= 0) return 0;
  const free = Math.max(0, figures.maxRequestsPerWindow - figures.requestsInWindow - figures.queuedByPriority.userAction);
  const beyond = Math.max(0, requests - free);
  return Math.ceil((beyond * figures.windowMs) / figures.maxRequestsPerWindow / 1000);
}
