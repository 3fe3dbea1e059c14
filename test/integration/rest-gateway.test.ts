import { startTestSandbox, type TestSandbox } from "../support/sandbox";

describe("REST gateway rules", () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ requestsPerWindow: 5 });
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.control("maintenance", { on: false }));

  it("answers GET /version without a token, with metadata", async () => {
    const response = await sandbox.api("/api/v1/version");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      currentVersion: expect.any(String),
      buildDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      metadata: { version: expect.any(String), timestamp: expect.any(String) },
    });
  });

  it("refuses a missing token with 401 and the uniform error body", async () => {
    const response = await sandbox.api("/api/v1/accounts");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      developerMessage: expect.stringContaining("No access token"),
      endUserMessage: expect.any(String),
      errorCode: "Unauthorized",
      errorId: "sessionInvalid",
    });
  });

  it("answers a trailing slash with 404", async () => {
    const response = await sandbox.api("/api/v1/version/");
    expect(response.status).toBe(404);
    expect((await response.json()).errorId).toBe("notFound");
  });

  it("answers a method the path does not have with 405, and an unknown path with 404", async () => {
    const wrongMethod = await sandbox.api("/api/v1/version", { method: "PUT" });
    expect(wrongMethod.status).toBe(405);
    expect((await wrongMethod.json()).developerMessage).toBe("PUT is not allowed on /api/v1/version.");
    const unknown = await sandbox.api("/api/v1/nothing");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).developerMessage).toBe("No such path: GET /api/v1/nothing.");
  });

  it("refuses an operation outside the token's scope", async () => {
    const { access_token } = await sandbox.signIn("jansen", { scope: "read" });
    const response = await sandbox.api("/api/v1/sessions", { token: access_token });
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.errorId).toBe("noAuthorization");
    expect(body.developerMessage).toContain("'internal' scope");
  });

  it("answers every request with the PascalCase 503 body in maintenance", async () => {
    await sandbox.control("maintenance", { on: true });
    const response = await sandbox.api("/api/v1/version");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      DeveloperMessage: "Temporary maintenance mode",
      EndUserMessage: expect.stringContaining("maintenance"),
      ErrorCode: "ServiceUnavailable",
      ErrorId: 503,
    });
  });

  it("ends the session when a token makes more requests than the window allows, then answers 401", async () => {
    const { access_token } = await sandbox.signIn("jansen", { scope: "read internal" });
    const answers: Array<{ status: number; errorId?: string }> = [];
    for (let i = 0; i < 7; i++) {
      const response = await sandbox.api("/api/v1/sessions", { token: access_token });
      const body = await response.json();
      answers.push({ status: response.status, errorId: body.errorId });
    }
    expect(answers.slice(0, 5).map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.slice(5)).toEqual([
      { status: 401, errorId: "sessionMaxActivityExceeded" },
      { status: 401, errorId: "sessionMaxActivityExceeded" },
    ]);
  });
});
