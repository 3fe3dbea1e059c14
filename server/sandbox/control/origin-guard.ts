import type { RequestHandler } from "express";

const REFUSED = "The control surface answers only tools and the project's own pages, never another web page";

/**
 * The control surface hands out tokens and resets everything, so no other web page may use it, whatever
 * SANDBOX_CORS_ORIGINS allows on the API: a request passes when it carries no Origin (a tool, a script, a test;
 * browsers add Origin to every POST and every cross-origin fetch) and no cross-site Sec-Fetch-Site, or when its
 * Origin is the add-in's or one of the sandbox's own. Only those origins get CORS headers.
 */
export function controlOriginGuard(addinOrigin: string, ownOrigins: () => readonly string[]): RequestHandler {
  return (request, response, next) => {
    const origin = request.headers.origin;
    response.setHeader("Vary", "Origin");
    const refuse = (why: string) => response.status(403).json({ error: `${REFUSED}: ${why}` });
    if (origin === undefined) {
      const site = request.headers["sec-fetch-site"];
      if (site !== undefined && site !== "none" && site !== "same-origin") return refuse(`this is a ${site} request (Sec-Fetch-Site: ${site}).`);
      return next();
    }
    if (origin !== addinOrigin && !ownOrigins().includes(origin)) {
      return refuse(`Origin '${origin.slice(0, 100)}' is not the add-in's (${addinOrigin}) or the sandbox's own. Call it without an Origin header (curl, a script, a test).`);
    }
    response.setHeader("Access-Control-Allow-Origin", origin);
    if (request.method === "OPTIONS" && request.headers["access-control-request-method"]) {
      response.setHeader("Access-Control-Allow-Methods", "GET, POST");
      response.setHeader("Access-Control-Allow-Headers", "Content-Type");
      response.setHeader("Access-Control-Max-Age", "600");
      return void response.status(204).end();
    }
    next();
  };
}
