import type { IncomingMessage } from "node:http";

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

/** Why a form body was refused; the message names the problem and the rule. */
export class FormBodyError extends Error {
  override readonly name = "FormBodyError";
}

/** The fields of a form body, each present at most once (RFC 6749 3.1, 3.2: parameters must not repeat). */
export class FormFields {
  constructor(private readonly fields: ReadonlyMap<string, string>) {}

  /** The value, or undefined when absent or empty. */
  get(name: string): string | undefined {
    const value = this.fields.get(name);
    return value === undefined || value === "" ? undefined : value;
  }
}

/** Reads an application/x-www-form-urlencoded body (UTF-8), refusing other types, oversize bodies and repeated fields. */
export async function readForm(request: IncomingMessage, maxBytes: number): Promise<FormFields> {
  const contentType = request.headers["content-type"];
  const [mediaType, ...parameters] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  if (mediaType !== FORM_CONTENT_TYPE) {
    throw new FormBodyError(`Content-Type must be ${FORM_CONTENT_TYPE}; got ${contentType ? `'${contentType}'` : "none"}.`);
  }
  const charset = parameters.find((parameter) => parameter.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  if (charset !== undefined && charset !== "utf-8") throw new FormBodyError(`The form charset must be utf-8; got '${charset}'.`);
  const text = await readText(request, maxBytes);
  const fields = new Map<string, string>();
  const params = new URLSearchParams(text);
  for (const name of new Set(params.keys())) {
    const count = params.getAll(name).length;
    if (count > 1) throw new FormBodyError(`Parameter '${name}' appears ${count} times; send it once.`);
    fields.set(name, params.get(name)!);
  }
  return new FormFields(fields);
}

async function readText(request: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    // Past the limit the rest is read and dropped, so the client gets the answer instead of a reset connection.
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  if (size > maxBytes) throw new FormBodyError(`The form body is ${size} bytes; at most ${maxBytes} are accepted.`);
  return Buffer.concat(chunks).toString("utf8");
}
