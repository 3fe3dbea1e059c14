import express from "express";
import { REALMS, isRealm, isScope, type Realm, type Scope } from "../../../src/core/wire/auth";
import type { SandboxContext } from "../context";
import { findPersonById, findPersonByUsername } from "../seed/people";
import { controlOriginGuard } from "./origin-guard";

export const CONTROL_BASE_PATH = "/_sandbox";

export interface ControlActions {
  reset(): void;
  /** The sandbox's own origins (login, API, realtime), known once it listens. */
  ownOrigins(): readonly string[];
}

/**
 * The sandbox-only control surface for tests (README: "Control surface"). Never part of the real API.
 * Every answer is JSON; bad input gets 400 with a message naming the field.
 */
export function createControlRouter(ctx: SandboxContext, actions: ControlActions): express.Router {
  const router = express.Router();
  router.use(controlOriginGuard(ctx.options.addinOrigin, actions.ownOrigins));
  router.use(express.json({ limit: "16kb", strict: false, type: () => true }));
  const fail = (response: express.Response, status: number, message: string) => {
    response.status(status).json({ error: message });
  };

  router.get("/status", (_request, response) => {
    response.json({
      maintenance: ctx.faults.maintenance,
      dropNextOrderResponse: ctx.faults.dropNextOrderResponse,
      ticksPerSecond: ctx.options.ticksPerSecond,
      activeSessions: ctx.sessions.activeSessions().length,
      lockedOut: lockedOutByRealm(ctx),
    });
  });

  router.post("/maintenance", (request, response) => {
    const on = (request.body as { on?: unknown } | undefined)?.on;
    if (typeof on !== "boolean") return fail(response, 400, "Body must be {\"on\": true|false}.");
    ctx.faults.maintenance = on;
    ctx.events.emit("maintenance", { on });
    ctx.logger.log("info", `Control: maintenance mode ${on ? "on" : "off"}.`);
    response.json({ maintenance: on });
  });

  router.post("/realtime/drop", (_request, response) => {
    ctx.events.emit("dropRealtime", {});
    ctx.logger.log("info", "Control: dropped every realtime connection.");
    response.json({ dropped: true });
  });

  router.post("/orders/drop-next-response", (_request, response) => {
    ctx.faults.dropNextOrderResponse = true;
    response.json({ dropNextOrderResponse: true });
  });

  router.post("/tick-rate", (request, response) => {
    const rate = (request.body as { ticksPerSecond?: unknown } | undefined)?.ticksPerSecond;
    if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0 || rate > 1000) {
      return fail(response, 400, "Body must be {\"ticksPerSecond\": n} with 0 <= n <= 1000.");
    }
    ctx.options.ticksPerSecond = rate;
    ctx.market.setTicksPerSecond(rate);
    response.json({ ticksPerSecond: rate });
  });

  router.post("/reset", (_request, response) => {
    actions.reset();
    ctx.logger.log("info", "Control: all sandbox state reset.");
    response.json({ reset: true });
  });

  /** Test shortcut: a session as if the person had signed in through the pages (no browser needed). */
  router.post("/sessions", (request, response) => {
    const body = (request.body ?? {}) as { username?: unknown; realm?: unknown; scope?: unknown; readOnly?: unknown; clientId?: unknown };
    const person = typeof body.username === "string" ? findPersonByUsername(body.username) : undefined;
    if (!person) return fail(response, 400, "username must name a test person (see README).");
    const realm = body.realm ?? person.accounts[0].realm;
    if (!isRealm(realm)) return fail(response, 400, `realm '${String(realm)}' is not a Binck realm.`);
    const scopeText = body.scope ?? "read write news quotes";
    if (typeof scopeText !== "string") return fail(response, 400, "scope must be a space-separated string.");
    const scopes = scopeText.split(/\s+/).filter(Boolean);
    const unknown = scopes.find((scope) => !isScope(scope));
    if (unknown !== undefined) return fail(response, 400, `scope '${unknown}' is not a Binck scope.`);
    if (body.readOnly !== undefined && typeof body.readOnly !== "boolean") return fail(response, 400, "readOnly must be a boolean.");
    const { tokens } = ctx.sessions.createSession({
      personId: person.id,
      realm,
      clientId: typeof body.clientId === "string" ? body.clientId : "sandbox-control",
      scopes: scopes as Scope[],
      readOnly: body.readOnly === true,
    });
    response.json(tokens);
  });

  router.use((_request, response) => fail(response, 404, "No such control action; see README, section Control surface."));
  router.use((error: unknown, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    fail(response, status, status === 500 ? "Control action failed." : `Bad request: ${(error as Error).message}`);
  });
  return router;
}

type LockedOut = Record<Realm, { username: string; lockedUntil: string }[]>;

/** Who may not sign in now, per realm, and until when (usernames only: nothing secret). */
function lockedOutByRealm(ctx: SandboxContext): LockedOut {
  const byRealm = Object.fromEntries(REALMS.map((realm) => [realm, []])) as unknown as LockedOut;
  for (const lock of ctx.lockout.lockedOut()) {
    byRealm[lock.realm].push({ username: findPersonById(lock.personId)?.username ?? lock.personId, lockedUntil: new Date(lock.lockedUntilMs).toISOString() });
  }
  return byRealm;
}
