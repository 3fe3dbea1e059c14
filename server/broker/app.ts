import path from "node:path";
import cors from "cors";
import express, { type NextFunction, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import { createAuthRouter, type AuthRouteDeps } from "./auth-routes";
import { fail, sendFailure } from "./broker-errors";
import { failureOfRequestError } from "./request-errors";
import { dialogError, isDialogRoute } from "./sign-in-routes";

export interface BrokerAppOptions extends AuthRouteDeps {
  /** The built add-in (dist/), served on the same origin as /auth. Omitted: /auth only. */
  staticDir?: string;
}

/** The add-in origin: the built add-in plus the token broker under /auth. */
export function createBrokerApp(options: BrokerAppOptions): express.Express {
  const { config } = options;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", "https://appsforoffice.microsoft.com"],
        "connect-src": ["'self'", originOf(config.endpoints.apiBase), originOf(config.endpoints.realtimeUrl), wsOriginOf(config.endpoints.realtimeUrl)],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        // Excel hosts the add-in in a frame of its own origin.
        "frame-ancestors": ["'self'", "https://*.officeapps.live.com", "https://*.office.com", "https://*.microsoft365.com"],
      },
    },
    // The Office dialog must be able to reach its opener (12006 otherwise on the web).
    crossOriginOpenerPolicy: false,
    frameguard: false,
  }));
  const auth = express.Router();
  auth.use(cors({ origin: config.publicOrigin, methods: ["GET", "POST"], allowedHeaders: ["Content-Type"], maxAge: 600 }));
  auth.use(rateLimit({
    windowMs: 60_000,
    limit: config.requestsPerMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (request, response) => {
      const developerMessage = `More than ${config.requestsPerMinute} requests per minute from this client.`;
      // Sign-in routes run in the dialog: answer with a page that tells the add-in.
      if (isDialogRoute(request.method, request.path)) {
        return dialogError(response, 429, "tooManyRequests", "Too many sign-in attempts. Please wait a minute and try again.", developerMessage);
      }
      fail(response, 429, "tooManyRequests", developerMessage);
    },
  }));
  auth.use(express.json({ limit: "2kb" }));
  auth.use((_request, response, next) => {
    response.setHeader("Cache-Control", "no-store");
    next();
  });
  auth.use(createAuthRouter(options));
  auth.use((request, response) => fail(response, 404, "notFound", `No such broker route: ${request.method} /auth${request.path}.`));
  app.use("/auth", auth);
  if (options.staticDir) app.use(express.static(path.resolve(options.staticDir), { index: false, fallthrough: true }));
  app.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    const answer = failureOfRequestError(error, `${request.method} ${request.path}`);
    if (answer.status >= 500) options.log("error", `Broker error on ${request.method} ${request.path}: ${error instanceof Error ? error.stack : String(error)}`);
    if (response.headersSent) return void response.end();
    sendFailure(response, answer);
  });
  return app;
}

function originOf(url: string): string {
  return new URL(url).origin;
}

function wsOriginOf(url: string): string {
  return originOf(url).replace(/^https:/, "wss:");
}
