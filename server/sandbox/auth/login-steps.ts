import { ACCESS_DENIED_DESCRIPTION, OAuthError } from "../../../src/core/wire/auth";
import type { Clock } from "../../../src/core/clock";
import { localize } from "../i18n";
import type { Logger } from "../../shared/logger";
import { accountsInRealm, findPersonById, findPersonByUsername } from "../seed/people";
import { MAX_SMS_CODE_FAILURES } from "./auth-policy";
import type { AuthorizationCodeStore } from "./authorization-codes";
import type { AuthorizeRequest } from "./authorize-request";
import type { ConsentStore } from "./consent-store";
import type { FormFields } from "./form-body";
import type { LoginFlow, LoginFlowStore } from "./login-flows";
import { consentNeedsSmsPage, consentPage, errorPage, loginPage, smsPage, type FlowPage } from "./pages/login-pages";
import { countryTexts, fill, pageTexts } from "./pages/page-texts";
import { plural, pluralTexts } from "./pages/plural-texts";
import type { PasswordLockout } from "./password-lockout";
import { redirectWithQuery } from "./redirects";

export type StepOutcome = { kind: "page"; status: number; html: string } | { kind: "redirect"; location: string };

export interface LoginStepsDeps {
  clock: Clock;
  logger: Logger;
  flows: LoginFlowStore;
  lockout: PasswordLockout;
  consents: ConsentStore;
  codes: AuthorizationCodeStore;
}

/** The sign-in pages as a small state machine: login, SMS code (or skip), consent, then the redirect back (API.md 2.1). */
export class LoginSteps {
  constructor(private readonly deps: LoginStepsDeps) {}

  start(request: AuthorizeRequest): StepOutcome {
    const flowId = this.deps.flows.open(request);
    return page(loginPage(flowPage(flowId, request)));
  }

  /** Handles one form post of the flow; the flow's own step decides what the form means, never the form. */
  continue(flow: LoginFlow, form: FormFields): StepOutcome {
    switch (flow.step) {
      case "login": return this.login(flow, form);
      case "sms": return this.sms(flow, form);
      case "consent": return this.consent(flow, form);
      case "consentNeedsSms": return this.consentNeedsSms(flow, form);
    }
  }

  private login(flow: LoginFlow, form: FormFields): StepOutcome {
    const { language, realm } = flow.request;
    const username = form.get("IDToken2")?.trim();
    const password = form.get("IDToken3");
    const again = (error: string, status = 200) => page(loginPage(this.next(flow), { username, error }), status);
    if (!username || !password) return again(text(flow, "missingCredentials"), 400);
    const person = findPersonByUsername(username);
    const lockedUntil = person && this.deps.lockout.lockedUntilMs(realm, person.id);
    if (lockedUntil) return again(plural(pluralTexts.locked, language, minutesUntil(lockedUntil, this.deps.clock)), 403);
    if (!person || person.password !== password) {
      this.deps.logger.log("info", `Login: wrong user name or password for '${username}' in ${realm}.`);
      if (!person) return again(text(flow, "wrongCredentials"));
      const failure = this.deps.lockout.recordFailure(realm, person.id);
      if (failure.locked) {
        this.deps.logger.log("warn", `Login: ${person.username} is locked in ${realm} after too many wrong passwords.`);
        return again(plural(pluralTexts.locked, language, minutesUntil(failure.lockedUntilMs, this.deps.clock)), 403);
      }
      return again(`${text(flow, "wrongCredentials")} ${plural(pluralTexts.attemptsLeft, language, failure.attemptsLeft)}`);
    }
    this.deps.lockout.recordSuccess(realm, person.id);
    if (accountsInRealm(person, realm).length === 0) {
      const country = localize(countryTexts[realm], language);
      return again(text(flow, "noAccountInRealm", { user: person.username, country, client: flow.request.clientName }), 403);
    }
    flow.personId = person.id;
    flow.step = "sms";
    return page(smsPage(this.next(flow)));
  }

  private sms(flow: LoginFlow, form: FormFields): StepOutcome {
    const person = findPersonById(flow.personId ?? "");
    if (!person) return page(errorPage(flow.request.language, "flowExpired", { restartUrl: flow.request.restartUrl }), 400);
    const action = form.get("action");
    if (action === "skip") {
      flow.readOnly = true;
      return this.afterSecondFactor(flow);
    }
    const code = form.get("IDToken1")?.trim();
    if (action !== "confirm" || !code) return page(smsPage(this.next(flow), text(flow, "missingSmsCode")), 400);
    if (code !== person.smsCode) {
      flow.smsFailures += 1;
      const left = MAX_SMS_CODE_FAILURES - flow.smsFailures;
      this.deps.logger.log("info", `Login: wrong SMS code for ${person.username} (${flow.smsFailures} of ${MAX_SMS_CODE_FAILURES}).`);
      // The flow is not stored again: after the last wrong code this sign-in is over.
      if (left <= 0) return page(errorPage(flow.request.language, "tooManySmsCodes", { restartUrl: flow.request.restartUrl }), 403);
      return page(smsPage(this.next(flow), plural(pluralTexts.wrongSmsCode, flow.request.language, left)));
    }
    flow.readOnly = false;
    return this.afterSecondFactor(flow);
  }

  private afterSecondFactor(flow: LoginFlow): StepOutcome {
    const { clientId, scopes } = flow.request;
    if (this.deps.consents.covers(flow.personId!, clientId, scopes)) return this.grant(flow);
    flow.step = flow.readOnly ? "consentNeedsSms" : "consent";
    return page(flow.readOnly ? consentNeedsSmsPage(this.next(flow)) : consentPage(this.next(flow)));
  }

  private consent(flow: LoginFlow, form: FormFields): StepOutcome {
    const decision = form.get("decision");
    if (decision === "deny") return this.refuse(flow);
    if (decision !== "allow") return page(consentPage(this.next(flow)), 400);
    this.deps.consents.grant(flow.personId!, flow.request.clientId, flow.request.scopes);
    return this.grant(flow);
  }

  private consentNeedsSms(flow: LoginFlow, form: FormFields): StepOutcome {
    const action = form.get("action");
    if (action === "deny") return this.refuse(flow);
    if (action !== "sms") return page(consentNeedsSmsPage(this.next(flow)), 400);
    flow.step = "sms";
    return page(smsPage(this.next(flow)));
  }

  /** Success redirect with code, granted scope and state (guide, step 2). */
  private grant(flow: LoginFlow): StepOutcome {
    const { clientId, redirectUri, realm, scopes, state } = flow.request;
    const code = this.deps.codes.issue({ clientId, redirectUri, realm, personId: flow.personId!, scopes, readOnly: flow.readOnly });
    this.deps.logger.log("info", `Login: ${flow.personId} signed in to ${realm} for client ${clientId}${flow.readOnly ? " (read-only)" : ""}.`);
    return { kind: "redirect", location: redirectWithQuery(redirectUri, { code, scope: scopes.join(" "), state }) };
  }

  private refuse(flow: LoginFlow): StepOutcome {
    const { clientId, redirectUri, state } = flow.request;
    this.deps.logger.log("info", `Login: ${flow.personId} refused access to client ${clientId}.`);
    return {
      kind: "redirect",
      location: redirectWithQuery(redirectUri, { error: OAuthError.accessDenied, error_description: ACCESS_DENIED_DESCRIPTION, state }),
    };
  }

  /** Stores the flow under a new page-state id for the page about to be shown. */
  private next(flow: LoginFlow): FlowPage {
    return flowPage(this.deps.flows.put(flow), flow.request);
  }
}

function flowPage(flowId: string, request: AuthorizeRequest): FlowPage {
  return { flowId, request, action: request.restartUrl.split("?")[0] };
}

function page(html: string, status = 200): StepOutcome {
  return { kind: "page", status, html };
}

function text(flow: LoginFlow, key: keyof typeof pageTexts, values: Record<string, string | number> = {}): string {
  return fill(localize(pageTexts[key], flow.request.language), values);
}

function minutesUntil(untilMs: number, clock: Clock): number {
  return Math.max(1, Math.ceil((untilMs - clock.now()) / 60_000));
}
