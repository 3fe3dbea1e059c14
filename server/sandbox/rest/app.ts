import express, { type NextFunction, type Request, type Response } from "express";
import type { SandboxContext } from "../context";
import { applyCors } from "../cors";
import { languageFromLocale, localize } from "../i18n";
import { findPersonById, type Language } from "../seed/people";
import { ApiError, endUser } from "./api-error";
import { authError, bearerToken } from "./auth";
import type { ApiRequest, ApiResult } from "./handler";
import { jsonBody } from "./json-body";
import { Query } from "./query";
import { SlidingWindowCounter } from "./rate-limit";
import { ROUTES, type Route } from "./routes";
import { SANDBOX_VERSION } from "./handlers/version";
import { maintenanceBody } from "../maintenance";
import { isPathDecodeError } from "../path-decode";

export const API_BASE_PATH = "/api/v1";

/** The REST API of the sandbox (`/api/v1`), as an Express app. The control surface is mounted beside it. */
export function createApiApp(ctx: SandboxContext, extra?: (app: express.Express) => void): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("query parser", "simple");
  const rate = new SlidingWindowCounter(ctx.clock, ctx.options.requestsPerWindow, ctx.options.rateWindowMs);

  // The control surface first: the API's CORS policy must not apply to it (it has its own, control/origin-guard.ts).
  extra?.(app);
  app.use((request, response, next) => {
    if (applyCors(request, response, ctx.options.corsOrigins)) return;
    next();
  });
  app.use((request, response, next) => {
    if (!ctx.faults.maintenance) return next();
    response.status(503).json(maintenanceBody(requestLanguage(request, ctx)));
  });
  app.use((request, _response, next) => {
    // Trailing slashes are not allowed (API.md 3.1).
    if (request.path.length > 1 && request.path.endsWith("/")) return next(new ApiError(404, "notFound", `No such path: ${request.path} (no trailing slashes).`, endUser.notFound));
    next();
  });
  app.use(jsonBody(ctx.options.maxBodyBytes));

  const router = express.Router({ caseSensitive: true, strict: true });
  for (const route of ROUTES) {
    router[route.method.toLowerCase() as "get" | "post" | "patch" | "delete"](route.path, (request, response, next) => {
      runRoute(route, request, response, ctx, rate).catch((error: unknown) => next(declaredStatus(route, error)));
    });
  }
  app.use(API_BASE_PATH, router);

  const routePaths = ROUTES.map((route) => new RegExp(`^${API_BASE_PATH}${route.path.replace(/:[A-Za-z]+/g, "[^/]+")}$`));
  app.use((request, _response, next) => {
    const known = routePaths.some((pattern) => pattern.test(request.path));
    if (known) {
      return next(new ApiError(405, "notFound", `${request.method} is not allowed on ${request.path}.`, endUser.notFound));
    }
    next(new ApiError(404, "notFound", `No such path: ${request.method} ${request.path}.`, endUser.notFound));
  });
  app.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    writeError(error, request, response, ctx);
  });
  return app;
}

async function runRoute(route: Route, request: Request, response: Response, ctx: SandboxContext, rate: SlidingWindowCounter): Promise<void> {
  if (route.scope === null) return send(response, route.handler());
  const token = bearerToken(request.headers);
  const auth = ctx.sessions.authenticate(token, true);
  if (!auth.ok) throw authError(auth);
  const session = auth.session;
  if (rate.hit(token!)) {
    ctx.sessions.endSession(session.id, "rateLimited");
    throw authError({ ok: false, failure: "ended", session });
  }
  const person = findPersonById(session.personId);
  if (!person) throw new ApiError(401, "sessionInvalid", "The session's person no longer exists.", endUser.unauthorized);
  if (!session.scopes.has(route.scope)) {
    throw new ApiError(401, "noAuthorization", `This operation needs the '${route.scope}' scope; the token has '${[...session.scopes].join(" ")}'.`, endUser.unauthorized);
  }
  const apiRequest: ApiRequest = {
    params: request.params as Record<string, string>,
    query: new Query(request.query as Record<string, unknown>),
    body: request.body,
    session,
    person,
    language: person.language,
    ctx,
  };
  response.locals.language = person.language;
  const result = await route.handler(apiRequest);
  if (route.operationId === "Orders_RegisterOrder" && ctx.faults.dropNextOrderResponse) {
    // Control surface fault: the order exists, but its answer is lost on the way.
    ctx.faults.dropNextOrderResponse = false;
    request.socket.destroy();
    return;
  }
  send(response, result);
}

/**
 * Keeps answers within the statuses swagger declares for the operation: where an operation declares no 404 or
 * 422 (an unknown account on /positions, an unknown order on GET /orders/{number}), the same error is a 400.
 */
function declaredStatus(route: Route, error: unknown): unknown {
  if (!(error instanceof ApiError) || route.errors.includes(error.status) || (error.status !== 404 && error.status !== 422)) return error;
  return new ApiError(400, error.errorId, error.developerMessage, error.endUserMessage);
}

function send(response: Response, result: ApiResult): void {
  if ("binary" in result) {
    response.status(result.status ?? 200)
      .type(result.contentType)
      .setHeader("Content-Disposition", `attachment; filename="${result.filename.replace(/"/g, "")}"`);
    response.end(result.binary);
    return;
  }
  response.status(result.status ?? 200).json({ ...result.body, metadata: metadata() });
}

export function metadata(): { version: string; timestamp: string } {
  return { version: SANDBOX_VERSION, timestamp: new Date().toISOString() };
}

function writeError(error: unknown, request: Request, response: Response, ctx: SandboxContext): void {
  const language = (response.locals.language as Language | undefined) ?? requestLanguage(request, ctx);
  let apiError: ApiError;
  if (error instanceof ApiError) {
    apiError = error;
  } else if (isPathDecodeError(error)) {
    apiError = new ApiError(400, "validationError", `The path ${JSON.stringify(request.originalUrl.split("?")[0].slice(0, 100))} is not valid percent-encoding.`, endUser.invalidInput);
  } else {
    ctx.logger.log("error", `Unexpected error on ${request.method} ${request.path}: ${error instanceof Error ? error.stack : String(error)}`);
    apiError = new ApiError(500, "unknown", "An unexpected error occurred in the sandbox.", endUser.generic);
  }
  if (apiError.status === 401) response.setHeader("WWW-Authenticate", 'Bearer realm="binck"');
  response.status(apiError.status).json({
    developerMessage: apiError.developerMessage,
    endUserMessage: localize(apiError.endUserMessage, language),
    errorCode: apiError.errorCode,
    errorId: apiError.errorId,
  });
}


function requestLanguage(request: Request, ctx: SandboxContext): Language {
  // An ended or expired session still names its customer: errors stay in the customer's language.
  const auth = ctx.sessions.authenticate(bearerToken(request.headers), false);
  const session = auth.session;
  if (session) {
    const person = findPersonById(session.personId);
    if (person) return person.language;
  }
  return languageFromLocale(request.headers["accept-language"]?.split(",")[0]);
}
