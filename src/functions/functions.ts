import { ADDIN_VERSION } from "../core/version";

/**
 * The add-in's version: a first custom function, so the functions runtime and its metadata build end to end.
 * @customfunction VERSION
 * @returns The binck-excel version.
 */
export function version(): string {
  return ADDIN_VERSION;
}
