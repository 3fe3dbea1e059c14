import { isRealm, type Realm } from "../wire/auth";
import type { KeyValueStorage } from "./storage";

export interface SignInPreference {
  realm: Realm;
  locale: string;
}

const PREFERENCE_KEY = "binck.signInPreference";

/** The country and language a person chose at their last sign-in, kept for the next one (per person, not per workbook). */
export class SignInPreferences {
  constructor(private readonly storage: KeyValueStorage) {}

  async load(): Promise<SignInPreference | undefined> {
    const text = await this.storage.getItem(PREFERENCE_KEY);
    if (!text) return undefined;
    try {
      const value = JSON.parse(text) as Partial<SignInPreference>;
      return isRealm(value.realm) && typeof value.locale === "string" && /^[a-zA-Z]{2}(BE)?$/.test(value.locale)
        ? { realm: value.realm, locale: value.locale }
        : undefined;
    } catch {
      return undefined;
    }
  }

  save(preference: SignInPreference): Promise<void> {
    return this.storage.setItem(PREFERENCE_KEY, JSON.stringify(preference));
  }
}
