import type { Scope } from "../../../../src/core/wire/auth";
import { localize } from "../../i18n";
import type { Language } from "../../seed/people";
import type { AuthorizeRequest } from "../authorize-request";
import { Html, html, message, renderPage } from "./html";
import { countryTexts, fill, pageTexts, scopeTexts } from "./page-texts";

/**
 * The login origin's pages. Field ids follow ForgeRock's classic UI so scripts can drive them (API.md 2.1):
 * idToken2 user, idToken3 password, idToken4_0 submit; on the SMS page idToken1 code, idToken2_0 confirm,
 * idToken2_1 skip. Every form posts back with the page-state id in the hidden field `flow`.
 */
export interface FlowPage {
  /** Where the form posts: the authorize path the sign-in started on. */
  action: string;
  flowId: string;
  request: AuthorizeRequest;
}

type Text = keyof typeof pageTexts;

function t(language: Language, key: Text, values: Record<string, string | number> = {}): string {
  return fill(localize(pageTexts[key], language), values);
}

function form(page: FlowPage, content: Html): Html {
  // The language rides along so that even the "page expired" answer (no flow left to ask) speaks it.
  return html`<form method="post" action="${page.action}"><input type="hidden" name="flow" value="${page.flowId}"><input type="hidden" name="language" value="${page.request.language}">${content}</form>`;
}

export function loginPage(page: FlowPage, options: { username?: string; error?: string } = {}): string {
  const { language, clientName, realm } = page.request;
  const country = localize(countryTexts[realm], language);
  return renderPage(language, t(language, "signInTitle"), html`
<p>${t(language, "signInIntro", { client: clientName, country })}</p>
${message(options.error)}
${form(page, html`
<label for="idToken2">${t(language, "userLabel")}</label>
<input type="text" id="idToken2" name="IDToken2" value="${options.username ?? ""}" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
<label for="idToken3">${t(language, "passwordLabel")}</label>
<input type="password" id="idToken3" name="IDToken3" autocomplete="current-password" required>
<button type="submit" id="idToken4_0" name="IDToken4" value="0">${t(language, "signInButton")}</button>`)}`);
}

export function smsPage(page: FlowPage, error?: string): string {
  const { language } = page.request;
  return renderPage(language, t(language, "smsTitle"), html`
<p>${t(language, "smsIntro")}</p>
${message(error)}
${form(page, html`
<label for="idToken1">${t(language, "smsLabel")}</label>
<input type="text" id="idToken1" name="IDToken1" inputmode="numeric" autocomplete="one-time-code" maxlength="6" autofocus>
<button type="submit" id="idToken2_0" name="action" value="confirm">${t(language, "smsConfirm")}</button>
<button type="submit" id="idToken2_1" name="action" value="skip" class="secondary">${t(language, "smsSkip")}</button>
<p class="note">${t(language, "smsSkipExplained")}</p>`)}`);
}

export function consentPage(page: FlowPage): string {
  const { language, clientName, scopes } = page.request;
  return renderPage(language, t(language, "consentTitle"), html`
<p>${t(language, "consentIntro", { client: clientName })}</p>
<ul id="scopes">${scopes.map((scope: Scope) => html`<li data-scope="${scope}">${localize(scopeTexts[scope], language)}</li>`)}</ul>
${form(page, html`
<button type="submit" id="consentAllow" name="decision" value="allow" autofocus>${t(language, "consentAllow")}</button>
<button type="submit" id="consentDeny" name="decision" value="deny" class="secondary">${t(language, "consentDeny")}</button>`)}`);
}

/** A read-only sign-in cannot grant consent (guide: "to authorize, the user must login with the validation code"). */
export function consentNeedsSmsPage(page: FlowPage): string {
  const { language, clientName } = page.request;
  return renderPage(language, t(language, "consentNeedsSmsTitle"), html`
<p>${t(language, "consentNeedsSms", { client: clientName })}</p>
${form(page, html`
<button type="submit" id="backToSms" name="action" value="sms" autofocus>${t(language, "enterSmsCode")}</button>
<button type="submit" id="consentDeny" name="action" value="deny" class="secondary">${t(language, "consentDeny")}</button>`)}`);
}

/** A dead end: what went wrong, the technical detail for developers, and a way to start again when there is one. */
export function errorPage(language: Language, text: Text, options: { detail?: string; restartUrl?: string } = {}): string {
  return renderPage(language, t(language, "errorTitle"), html`
${message(t(language, text))}
${options.detail ? html`<p>${t(language, "details")}:</p><p class="details" id="errorDetail">${options.detail}</p>` : false}
${options.restartUrl ? html`<p><a id="startAgain" href="${options.restartUrl}">${t(language, "startAgain")}</a></p>` : false}`);
}

export function maintenancePage(language: Language): string {
  return renderPage(language, t(language, "maintenanceTitle"), html`<p role="alert">${t(language, "maintenance")}</p>`);
}

export function notFoundPage(language: Language, path: string): string {
  return renderPage(language, t(language, "notFoundTitle"), html`<p class="details">${path}</p>`);
}
