import { unreachableMessage, whyFetchFailed } from "../../../server/shared/fetch-failure";

/** fetch's "fetch failed" with undici's cause, as Node 20 throws it. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}

function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("whyFetchFailed", () => {
  it.each([
    ["a certificate signed by an unknown CA", fetchFailed(systemError("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain")),
      "its TLS certificate is not trusted: trust the certificate authority that signed it (NODE_EXTRA_CA_CERTS; the local sandbox's is .certs/ca.crt) (SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain)"],
    ["a leaf whose issuer is unknown", fetchFailed(systemError("UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate")),
      "its TLS certificate is not trusted: trust the certificate authority that signed it (NODE_EXTRA_CA_CERTS; the local sandbox's is .certs/ca.crt) (UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate)"],
    ["an expired certificate", fetchFailed(systemError("CERT_HAS_EXPIRED", "certificate has expired")),
      "its TLS certificate is expired or not yet valid (CERT_HAS_EXPIRED: certificate has expired)"],
    ["a certificate for another host", fetchFailed(systemError("ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames")),
      "its TLS certificate is made out for another host name (ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames)"],
    ["a refused connection", fetchFailed(systemError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:3001")),
      "the connection was refused: nothing listens on that host and port (is the server running, is the URL right?) (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:3001)"],
    ["refusals on both addresses of localhost", fetchFailed(Object.assign(new AggregateError([systemError("ECONNREFUSED", "connect ECONNREFUSED ::1:3001"), systemError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:3001")], ""))),
      "the connection was refused: nothing listens on that host and port (is the server running, is the URL right?) (ECONNREFUSED: connect ECONNREFUSED ::1:3001; connect ECONNREFUSED 127.0.0.1:3001)"],
    ["an unknown host", fetchFailed(systemError("ENOTFOUND", "getaddrinfo ENOTFOUND login.binck.com")),
      "the host name cannot be resolved (DNS) (ENOTFOUND: getaddrinfo ENOTFOUND login.binck.com)"],
    ["a connect timeout", fetchFailed(systemError("UND_ERR_CONNECT_TIMEOUT", "Connect Timeout Error")),
      "the connection timed out (UND_ERR_CONNECT_TIMEOUT: Connect Timeout Error)"],
    ["a server that does not answer", fetchFailed(systemError("UND_ERR_HEADERS_TIMEOUT", "Headers Timeout Error")),
      "it accepted the connection but did not answer in time (UND_ERR_HEADERS_TIMEOUT: Headers Timeout Error)"],
    ["a connection closed early", fetchFailed(systemError("ECONNRESET", "Client network socket disconnected before secure TLS connection was established")),
      "the connection was closed before an answer came (ECONNRESET: Client network socket disconnected before secure TLS connection was established)"],
    ["an unreachable network", fetchFailed(systemError("ENETUNREACH", "connect ENETUNREACH 10.0.0.1:443")),
      "the network cannot reach the host (ENETUNREACH: connect ENETUNREACH 10.0.0.1:443)"],
    ["an AbortSignal.timeout", Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" }),
      "it did not answer in time (the request was aborted after its timeout)"],
    ["an unlisted code", fetchFailed(systemError("EWEIRD", "something odd")), "something odd (EWEIRD)"],
    ["a cause without a code", fetchFailed(new Error("bad port")), "bad port"],
    ["no cause at all", new TypeError("fetch failed"), "fetch failed"],
    ["something thrown that is not an Error", "offline", "offline"],
  ])("names %s", (_what, error, sentence) => {
    expect(whyFetchFailed(error)).toBe(sentence);
  });
});

describe("unreachableMessage", () => {
  it("names the server by its origin, never the path or query", () => {
    expect(unreachableMessage("The Binck login server", "https://localhost:3001/am/oauth2/realms/bincknlapi/access_token?x=1",
      fetchFailed(systemError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:3001"))))
      .toBe("The Binck login server (https://localhost:3001) cannot be reached: the connection was refused: nothing listens on that host and port (is the server running, is the URL right?) (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:3001).");
  });
});
