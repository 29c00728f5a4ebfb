import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "./sign-in-return";

describe("safeReturnPath", () => {
  it("keeps a path on this console, with its query", () => {
    expect(safeReturnPath("/console/channel/1234567890/statistics?range=24h")).toBe(
      "/console/channel/1234567890/statistics?range=24h",
    );
  });

  it.each([
    null,
    "",
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "console",
    "/console\n/x",
  ])("sends %j to the console's home instead", (next) => {
    expect(safeReturnPath(next)).toBe("/console");
  });

  it("builds the sign-in URL that comes back", () => {
    expect(signInPath("/console/provider/1234567890")).toBe(
      "/sign-in?next=%2Fconsole%2Fprovider%2F1234567890",
    );
    expect(signInPath("/console")).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
  });
});
