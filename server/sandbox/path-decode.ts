/**
 * Express's router failing to decode a path parameter (a broken %-escape such as `%zz`): it passes on
 * decodeURIComponent's URIError with status 400. Body errors also carry 400, so the class is what tells them apart.
 */
export function isPathDecodeError(error: unknown): boolean {
  return error instanceof URIError && (error as { status?: number }).status === 400;
}
