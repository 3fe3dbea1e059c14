import { sandboxOptionsFromEnv } from "../../../server/sandbox/env";

describe("sandboxOptionsFromEnv", () => {
  it("takes the add-in origin the control surface answers from ADDIN_ORIGIN, without a trailing slash", () => {
    expect(sandboxOptionsFromEnv({ ADDIN_ORIGIN: "https://addin.example:8443/" }).addinOrigin).toBe("https://addin.example:8443");
    expect(sandboxOptionsFromEnv({}).addinOrigin).toBeUndefined();
  });
});
