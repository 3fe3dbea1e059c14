import type { AvailabilityProbe } from "./availability-monitor";

type ProbeFetch = (url: string, init?: RequestInit) => Promise<Response>;

/** GET {apiBase}/version needs no token and costs no request of the session's budget: 503 is maintenance. */
export function versionProbe(apiBase: string, fetchFn: ProbeFetch = (url, init) => fetch(url, init)): AvailabilityProbe {
  return async () => {
    const response = await fetchFn(`${apiBase}/version`, { headers: { Accept: "application/json; charset=utf-8" } });
    await response.text();
    if (response.status === 503) return "maintenance";
    return response.ok ? "online" : "offline";
  };
}
