import { localize } from "./i18n";
import { endUser } from "./rest/api-error";
import type { Language } from "./seed/people";

/** The maintenance answer: the one error body with PascalCase keys and a numeric ErrorId (API.md 4.2). */
export function maintenanceBody(language: Language): Record<string, string | number> {
  return {
    DeveloperMessage: "Temporary maintenance mode",
    EndUserMessage: localize(endUser.maintenance, language),
    ErrorCode: "ServiceUnavailable",
    ErrorId: 503,
  };
}
