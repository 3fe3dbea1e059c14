import { ROUTES } from "../../../server/sandbox/rest/routes";
import { swaggerOperations } from "../../support/swagger";

describe("the sandbox route table", () => {
  const operations = swaggerOperations();
  const toSwaggerPath = (expressPath: string) => expressPath.replace(/:([A-Za-z]+)/g, "{$1}");

  it("has exactly the 33 operations of swagger.json", () => {
    expect(operations).toHaveLength(33);
    expect(ROUTES.map((route) => route.operationId).sort()).toEqual(operations.map((operation) => operation.operationId).sort());
  });

  it.each(ROUTES.map((route) => [route.operationId, route] as const))("%s has swagger's method, path, scope and error statuses", (operationId, route) => {
    const operation = operations.find((candidate) => candidate.operationId === operationId)!;
    expect({ method: route.method, path: toSwaggerPath(route.path), scope: route.scope, errors: route.errors }).toEqual({
      method: operation.method,
      path: operation.path,
      scope: operation.scope,
      errors: Object.keys(operation.responses).filter((status) => /^[45]/.test(status)).map(Number).sort(),
    });
  });

  it("lists literal segments before the parameters that would swallow them", () => {
    const index = (operationId: string) => ROUTES.findIndex((route) => route.operationId === operationId);
    expect(index("Instruments_GetListContents")).toBeLessThan(index("Instruments_GetInstrument"));
    expect(index("Instruments_GetDerivatives")).toBeLessThan(index("Instruments_GetInstrument"));
    expect(index("Orders_GetHistoricalOrders")).toBeLessThan(index("Orders_GetOrder"));
  });
});
