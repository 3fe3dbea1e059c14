import type { Request, Response } from "express";
import { isRealm } from "../../../src/core/wire/auth";
import { languageFromLocale } from "../i18n";
import type { Language } from "../seed/people";
import { MAX_FORM_BODY_BYTES } from "./auth-policy";
import { REALM_LANGUAGE, parseAuthorizeRequest } from "./authorize-request";
import type { ClientRegistry } from "./client-registry";
import { FormBodyError, readForm, type FormFields } from "./form-body";
import type { LoginFlowStore } from "./login-flows";
import type { LoginSteps, StepOutcome } from "./login-steps";
import { errorPage } from "./pages/login-pages";

export interface AuthorizeEndpointDeps {
  clients: ClientRegistry;
  flows: LoginFlowStore;
  steps: LoginSteps;
}

/** GET {authBase}realms/{realm}/authorize (API.md 2.1): checks the request, then shows the login page. */
export function createShowAuthorize(deps: AuthorizeEndpointDeps) {
  return function showAuthorize(request: Request, response: Response): void {
    const url = new URL(request.originalUrl, "https://login.invalid");
    const parsed = parseAuthorizeRequest(String(request.params.realm), url, deps.clients);
    if (parsed.kind === "page") return sendPage(response, parsed.status, errorPage(parsed.language, "invalidLink", { detail: parsed.detail }));
    if (parsed.kind === "redirect") return sendRedirect(response, parsed.location);
    send(response, deps.steps.start(parsed.request));
  };
}

/** POST to the same path: the forms of the sign-in pages, identified by their one-time page-state id. */
export function createContinueAuthorize(deps: AuthorizeEndpointDeps) {
  return async function continueAuthorize(request: Request, response: Response): Promise<void> {
    const realm = String(request.params.realm);
    const fallbackLanguage = pageLanguage(request);
    let form: FormFields;
    try {
      form = await readForm(request, MAX_FORM_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof FormBodyError)) throw error;
      return sendPage(response, 400, errorPage(fallbackLanguage, "flowExpired", { detail: error.message }));
    }
    const flow = deps.flows.take(form.get("flow"));
    const formLanguage = form.get("language");
    const language = flow?.request.language ?? (formLanguage ? languageFromLocale(formLanguage) : fallbackLanguage);
    if (!flow || flow.request.realm !== realm) return sendPage(response, 400, errorPage(language, "flowExpired"));
    send(response, deps.steps.continue(flow, form));
  };
}

export function send(response: Response, outcome: StepOutcome): void {
  if (outcome.kind === "redirect") return sendRedirect(response, outcome.location);
  sendPage(response, outcome.status, outcome.html);
}

export function sendPage(response: Response, status: number, html: string): void {
  response.status(status).type("html").send(html);
}

function sendRedirect(response: Response, location: string): void {
  // Set as is: the parameters are already encoded the way ForgeRock did (res.redirect would re-encode).
  response.status(302).setHeader("Location", location);
  response.end();
}

/** The page language without a sign-in to ask: ui_locales, else the realm's country (from the path), else English. */
export function pageLanguage(request: Request): Language {
  const locale = new URL(request.originalUrl, "https://login.invalid").searchParams.get("ui_locales");
  if (locale) return languageFromLocale(locale.trim().split(/\s+/)[0]);
  const realm = /\/realms\/([^/]+)\/(?:authorize|access_token)$/.exec(request.path)?.[1];
  return realm && isRealm(realm) ? REALM_LANGUAGE[realm] : "en";
}
