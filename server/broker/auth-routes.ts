import express, { type NextFunction, type Request, type Response } from "express";
import { ORDER_RELAY_PATH, SESSION_HANDLE_PATTERN, type BrokerPublicConfig } from "../../src/core/wire/broker";
import { REALMS } from "../../src/core/wire/auth";
import { clip } from "../shared/clip";
import { fail, isFailure, sendFailure } from "./broker-errors";
import type { OrderRelay } from "./order-relay";
import { checkPlacement } from "./order-relay-body";
import type { SessionRefresher } from "./session-refresher";
import { DIALOG_PATHS, finishSignIn, startSignIn, type SignInDeps } from "./sign-in-routes";

export interface AuthRouteDeps extends SignInDeps {
  refresher: SessionRefresher;
  relay: OrderRelay;
}

const HANDLE_RULE = "Body must be {\"sessionHandle\": \"…\"} with the handle given at sign-in.";

/** The broker's route table under /auth. */
export function createAuthRouter(deps: AuthRouteDeps): express.Router {
  const { config, refresher, relay } = deps;
  const router = express.Router();

  router.get("/config", (_request, response) => {
    const body: BrokerPublicConfig = {
      environment: config.environment,
      environmentDescription: config.environmentDescription,
      apiBase: config.endpoints.apiBase,
      realtimeUrl: config.endpoints.realtimeUrl,
      defaultRealm: config.defaultRealm,
      realms: [...REALMS],
      orderRelay: `${config.publicOrigin}${ORDER_RELAY_PATH}`,
    };
    response.json(body);
  });
  router.get(DIALOG_PATHS.start, startSignIn(deps));
  router.get(DIALOG_PATHS.finish, finishSignIn(deps));

  const fromTheAddin = sameOriginOnly(config.publicOrigin);
  router.post("/refresh", fromTheAddin, jsonBodyOnly, async (request, response) => {
    const handle = sessionHandle(request);
    if (!handle) return fail(response, 400, "invalidRequest", HANDLE_RULE);
    const force = (request.body as { force?: unknown }).force;
    if (force !== undefined && typeof force !== "boolean") return fail(response, 400, "invalidRequest", `force ${clip(JSON.stringify(force))} must be true or false.`);
    const answer = await refresher.refresh(handle, force === true);
    if (isFailure(answer)) return sendFailure(response, answer);
    response.json(answer);
  });
  router.post("/logout", fromTheAddin, jsonBodyOnly, async (request, response) => {
    const handle = sessionHandle(request);
    if (!handle) return fail(response, 400, "invalidRequest", HANDLE_RULE);
    response.json({ signedOut: true, upstream: await refresher.signOut(handle) });
  });
  // Placements go through the broker, which sends each referenceId to Binck once (README "Orders"; order-relay.ts).
  router.post("/orders/:accountNumber", fromTheAddin, async (request, response) => {
    const token = /^Bearer ([^\s]+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!token) return fail(response, 401, "signInRequired", "POST /auth/orders/{accountNumber} needs the header Authorization: Bearer <access token>.");
    if (request.is("application/json") === false) {
      const type = request.headers["content-type"];
      return fail(response, 415, "invalidRequest", `Content-Type ${type ? `'${clip(type)}'` : "(none)"} is not accepted on POST /auth${request.path}: send the NewOrderModel as application/json.`);
    }
    const placement = checkPlacement(String(request.params.accountNumber), request.body);
    if (typeof placement === "string") return fail(response, 400, "invalidRequest", placement, `The order was not sent: ${placement}`);
    const answer = await relay.place(token, placement);
    response.status(answer.status).type(answer.contentType).send(answer.body);
  });
  return router;
}

/**
 * Refresh and sign-out answer only the add-in's own pages: a browser says where a request comes from
 * (Origin, Sec-Fetch-Site), and another site's page is refused even before CORS hides the answer.
 */
function sameOriginOnly(publicOrigin: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const origin = request.headers.origin;
    const site = request.headers["sec-fetch-site"];
    if ((origin !== undefined && origin !== publicOrigin) || (site !== undefined && site !== "same-origin" && site !== "none")) {
      return fail(response, 403, "forbiddenOrigin", `Requests from ${origin ?? String(site)} may not use the session; only ${publicOrigin} may.`);
    }
    next();
  };
}

/** express.json leaves other media types unread: say so, instead of "no sessionHandle" for a body that has one. */
function jsonBodyOnly(request: Request, response: Response, next: NextFunction): void {
  if (request.is("application/json") === false) {
    const type = request.headers["content-type"];
    return fail(response, 415, "invalidRequest",
      `Content-Type ${type ? `'${clip(type)}'` : "(none)"} is not accepted on POST /auth${request.path}: send {"sessionHandle": "…"} as application/json.`);
  }
  next();
}

function sessionHandle(request: Request): string | undefined {
  const handle = (request.body as { sessionHandle?: unknown } | undefined)?.sessionHandle;
  return typeof handle === "string" && SESSION_HANDLE_PATTERN.test(handle) ? handle : undefined;
}
