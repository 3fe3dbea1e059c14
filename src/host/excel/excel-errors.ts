/**
 * Errors as office.js raises them from Excel (OfficeExtension.Error, name "RichApi.Error"): `code` is one of
 * Excel.ErrorCodes, `debugInfo` names it again with where it happened.
 */
export class ExcelApiError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(readonly code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const propertyNotLoaded = (property: string, where: string) =>
  new ExcelApiError("PropertyNotLoaded", `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, where);

export const itemNotFound = (where: string, detail?: string) =>
  new ExcelApiError("ItemNotFound", `The requested resource doesn't exist.${detail ? ` ${detail}` : ""}`, where);

export const invalidArgument = (where: string, detail: string) =>
  new ExcelApiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. ${detail}`, where);

export const invalidOperation = (where: string, detail: string) =>
  new ExcelApiError("InvalidOperation", `The operation is invalid for the object. ${detail}`, where);
