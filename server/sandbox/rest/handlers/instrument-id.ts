import { badRequest } from "../api-error";

/** What the REST paths and queries accept as an instrument id (the sandbox's own ids are 5 characters). */
export const INSTRUMENT_ID_PATTERN = /^[A-Za-z0-9]{1,20}$/;

/** The id itself, or a 400 on `field` when it cannot be an instrument id. */
export function checkInstrumentId(field: string, id: string): string {
  if (!INSTRUMENT_ID_PATTERN.test(id)) throw badRequest(field, `'${id.slice(0, 40)}' is not an instrument id (letters and digits).`);
  return id;
}
