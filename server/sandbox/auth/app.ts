import express, { type NextFunction, type Request, type Response } from "express";
import { OAuthError, REALMS, type OAuthErrorCode } from "../../../src/core/wire/auth";
import { clip } from "../../shared/clip";
import { isPathDecodeError } from "../path-decode";
import type { SandboxContext } from "../context";
import { localize } from "../i18n";
import { LOGIN_FLOW_LIFETIME_MS, MAX_OPEN_LOGIN_FLOWS, SPENT_CODE_MEMORY_MS } from "./auth-policy";
import { AuthorizationCodeStore } from "./authorization-codes";
import { createContinueAuthorize, createShowAuthorize, pageLanguage, sendPage } from "./authorize-endpoint";
import { ClientRegistry } from "./client-registry";
import { ConsentStore } from "./consent-store";
import { LoginFlowStore } from "./login-flows";
import { LoginSteps } from "./login-steps";
import { errorPage, maintenancePage, notFoundPage } from "./pages/login-pages";
import { pageTexts } from "./pages/page-texts";
import { createTokenEndpoint } from "./token-endpoint";

/** Both spellings ForgeRock AM accepts: the short one Binck documented and the full root-realm path. */
function realmPaths(endpoint: "authorize" | "access_token"): string[] {
  return [`/am/oauth2/realms/:realm/${endpoint}`, `/am/oauth2/realms/root/realms/:realm/${endpoint}`];
}

// The pages run no script and load nothing; framing is refused so consent cannot be clickjacked.
const PAGE_SECURITY_HEADERS: Record<string, string> = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

/** The login origin (ForgeRock AM look-alike): authorize pages and the token endpoint, API.md section 2. */
export function createAuthApp(ctx: SandboxContext): express.Express {
  const clients = ClientRegistry.load(ctx.options, ctx.logger);
  const flows = new LoginFlowStore(ctx.clock, LOGIN_FLOW_LIFETIME_MS, MAX_OPEN_LOGIN_FLOWS);
  const codes = new AuthorizationCodeStore(ctx.clock, ctx.options.authorizationCodeLifetimeMs, SPENT_CODE_MEMORY_MS);
  const lockout = ctx.lockout;
  const consents = new ConsentStore();
  const steps = new LoginSteps({ clock: ctx.clock, logger: ctx.logger, flows, lockout, consents, codes });
  ctx.events.on("reset", () => {
    flows.clear();
    codes.clear();
    lockout.clear();
    consents.clear();
  });

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use((_request, response, next) => {
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) response.setHeader(name, value);
    next();
  });
  app.use((request, response, next) => {
    if (!ctx.faults.maintenance) return next();
    // Guide: "Sign in page shows a maintenance page"; the token endpoint answers in its own JSON shape.
    if (isTokenEndpointPath(request)) return sendTokenError(response, 503, OAuthError.temporarilyUnavailable, localize(pageTexts.maintenance, "en"));
    sendPage(response, 503, maintenancePage(pageLanguage(request)));
  });

  app.get(realmPaths("authorize"), createShowAuthorize({ clients, flows, steps }));
  app.post(realmPaths("authorize"), createContinueAuthorize({ clients, flows, steps }));
  app.post(realmPaths("access_token"), createTokenEndpoint({ ctx, clients, codes }));
  app.all(realmPaths("access_token"), (request, response) => {
    response.setHeader("Allow", "POST");
    sendTokenError(response, 405, OAuthError.invalidRequest, `${request.method} is not allowed on the token endpoint; use POST.`);
  });
  app.use((request, response) => {
    if (!isTokenEndpointPath(request)) return sendPage(response, 404, notFoundPage(pageLanguage(request), request.path));
    sendTokenError(response, 404, OAuthError.invalidRequest, `There is no token endpoint at ${clip(request.path)}; use /am/oauth2/realms/{realm}/access_token.`);
  });
  app.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    if (isPathDecodeError(error) && !response.headersSent) {
      // A broken %-escape in the path: the request's fault, not the server's.
      if (!isTokenEndpointPath(request)) return sendPage(response, 400, notFoundPage(pageLanguage(request), clip(request.originalUrl.split("?")[0])));
      const realm = /\/realms\/([^/]*)\/access_token$/.exec(request.path)?.[1] ?? "";
      return sendTokenError(response, 400, OAuthError.invalidRequest, `The realm '${clip(realm)}' in the path is not valid percent-encoding; Binck realms are ${REALMS.join(", ")}.`);
    }
    ctx.logger.log("error", `Login origin: unexpected error on ${request.method} ${request.path}: ${error instanceof Error ? error.stack : String(error)}`);
    if (response.headersSent) return void response.end();
    if (isTokenEndpointPath(request)) return sendTokenError(response, 500, OAuthError.serverError, "An unexpected error occurred in the sandbox's login server.");
    sendPage(response, 500, errorPage(pageLanguage(request), "unexpected"));
  });
  return app;
}

/** Whatever arrives for a token endpoint is answered in its `{error, error_description}` JSON shape (RFC 6749 5.2), never a page. */
function isTokenEndpointPath(request: Request): boolean {
  return request.path.endsWith("/access_token");
}

function sendTokenError(response: Response, status: number, error: OAuthErrorCode, description: string): void {
  response.status(status).json({ error, error_description: description });
}
