/**
 * Redirects back to the client. Parameters are percent-encoded with %20 for spaces, as ForgeRock sent them
 * (API.md 2.1: `error_description=Resource%20Owner%20did%20not%20authorize%20the%20request`). Absent values are left out.
 */
export type RedirectParams = Record<string, string | undefined>;

export function redirectWithQuery(redirectUri: string, params: RedirectParams): string {
  const query = encodeParams(params);
  if (!query) return redirectUri;
  return `${redirectUri}${redirectUri.includes("?") ? "&" : "?"}${query}`;
}

/** ForgeRock put some errors (unsupported_response_type) in the fragment (API.md 2.1). */
export function redirectWithFragment(redirectUri: string, params: RedirectParams): string {
  return `${redirectUri}#${encodeParams(params)}`;
}

function encodeParams(params: RedirectParams): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join("&");
}
