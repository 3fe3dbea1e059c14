import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The official swagger.json (the wire truth): ../shared's when it is beside the project, else the unchanged copy in
 * spec/ (MIT, see spec/NOTICE-swagger.txt).
 */
const SHARED_SWAGGER = path.resolve(__dirname, "..", "..", "..", "shared", "binck-api", "swagger.json");
export const SWAGGER_PATH = existsSync(SHARED_SWAGGER) ? SHARED_SWAGGER : path.resolve(__dirname, "..", "..", "spec", "swagger.json");

interface SwaggerOperation {
  operationId: string;
  "x-scope"?: string;
  responses: Record<string, { schema?: { $ref?: string; type?: string } }>;
}

export interface SwaggerDocument {
  paths: Record<string, Record<string, SwaggerOperation>>;
  definitions: Record<string, unknown>;
}

export function loadSwagger(): SwaggerDocument {
  return JSON.parse(readFileSync(SWAGGER_PATH, "utf8")) as SwaggerDocument;
}

export interface OperationInfo {
  method: string;
  path: string;
  operationId: string;
  scope: string | null;
  responses: SwaggerOperation["responses"];
}

export function swaggerOperations(swagger = loadSwagger()): OperationInfo[] {
  return Object.entries(swagger.paths).flatMap(([pathName, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ["get", "post", "patch", "delete", "put"].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path: pathName,
        operationId: operation.operationId,
        scope: operation["x-scope"] ?? null,
        responses: operation.responses,
      })));
}

/**
 * Makes every object schema with declared properties closed (additionalProperties: false), so that a misspelt
 * or invented wire name fails validation instead of passing silently.
 */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!schema || typeof schema !== "object") return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = key === "properties" ? Object.fromEntries(Object.entries(value as object).map(([name, child]) => [name, closeObjects(child)])) : closeObjects(value);
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

/** Validates response bodies against the response schemas of swagger.json, fed from the file itself. */
export class SwaggerValidator {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  readonly operations: OperationInfo[];

  constructor(swagger = loadSwagger()) {
    this.operations = swaggerOperations(swagger);
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    const integer = { type: "number" as const, validate: (value: number) => Number.isInteger(value) };
    this.ajv.addFormat("int32", integer);
    this.ajv.addFormat("int64", integer);
    this.ajv.addFormat("double", { type: "number", validate: () => true });
    this.ajv.addFormat("float", { type: "number", validate: () => true });
    this.ajv.addSchema({ $id: "swagger", definitions: closeObjects(swagger.definitions) });
  }

  /** Errors of `body` against the schema of `operationId`'s `status` response; [] when it conforms. */
  check(operationId: string, status: number, body: unknown): string[] {
    const operation = this.operations.find((candidate) => candidate.operationId === operationId);
    if (!operation) return [`unknown operation ${operationId}`];
    const response = operation.responses[String(status)];
    if (!response) return [`${operationId} declares no ${status} response (declared: ${Object.keys(operation.responses).join(", ")})`];
    const ref = response.schema?.$ref;
    if (!ref) return [];
    const key = ref.replace("#/", "swagger#/");
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: key });
      this.cache.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || "(root)"} ${error.message ?? ""} ${JSON.stringify(error.params)}`);
  }
}
