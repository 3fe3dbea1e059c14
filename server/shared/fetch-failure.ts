/**
 * Why a call with fetch failed, as a sentence for logs and developer messages. Node's fetch (undici) throws
 * "fetch failed" and keeps the reason in `error.cause`: a TLS verification code, a socket error code or an
 * undici code; happy-eyeballs connection attempts report an AggregateError whose `errors` hold the codes.
 */
export function whyFetchFailed(error: unknown): string {
  if (isTimeout(error)) return "it did not answer in time (the request was aborted after its timeout)";
  const cause = causeOf(error);
  const code = codeOf(cause) ?? codeOf(error);
  const detail = messageOf(cause) ?? messageOf(error) ?? String(error);
  const reason = code ? REASONS.find(([codes]) => codes.includes(code))?.[1] : undefined;
  if (reason) return `${reason} (${code}: ${detail})`;
  return code ? `${detail} (${code})` : detail;
}

/** "The Binck login server (https://host:port) cannot be reached: <why>." */
export function unreachableMessage(what: string, url: string, error: unknown): string {
  return `${what} (${originOf(url)}) cannot be reached: ${whyFetchFailed(error)}.`;
}

const UNTRUSTED = "its TLS certificate is not trusted: trust the certificate authority that signed it (NODE_EXTRA_CA_CERTS; the local sandbox's is .certs/ca.crt)";

const REASONS: ReadonlyArray<readonly [readonly string[], string]> = [
  [["SELF_SIGNED_CERT_IN_CHAIN", "DEPTH_ZERO_SELF_SIGNED_CERT", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "UNABLE_TO_GET_ISSUER_CERT",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_UNTRUSTED", "CERT_SIGNATURE_FAILURE", "CERT_REJECTED"], UNTRUSTED],
  [["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"], "its TLS certificate is expired or not yet valid"],
  [["ERR_TLS_CERT_ALTNAME_INVALID"], "its TLS certificate is made out for another host name"],
  [["ECONNREFUSED"], "the connection was refused: nothing listens on that host and port (is the server running, is the URL right?)"],
  [["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME"], "the host name cannot be resolved (DNS)"],
  [["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT"], "the connection timed out"],
  [["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"], "it accepted the connection but did not answer in time"],
  [["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"], "the connection was closed before an answer came"],
  [["EHOSTUNREACH", "ENETUNREACH", "ENETDOWN"], "the network cannot reach the host"],
  [["EPROTO", "ERR_SSL_WRONG_VERSION_NUMBER"], "the TLS handshake failed (is it an https server?)"],
];

function causeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null && "cause" in error ? (error as { cause: unknown }).cause : undefined;
}

function codeOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { code, errors } = value as { code?: unknown; errors?: unknown };
  if (typeof code === "string") return code;
  return Array.isArray(errors) ? errors.map(codeOf).find((inner) => inner !== undefined) : undefined;
}

/** Duck-typed: errors from Node's internals may come from another realm (a vm context, jest), so no instanceof. */
function messageOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { message, errors } = value as { message?: unknown; errors?: unknown };
  if (typeof message === "string" && message) return message;
  return Array.isArray(errors) ? errors.map(messageOf).filter(Boolean).join("; ") || undefined : undefined;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TimeoutError";
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
