import { describe, expect, it } from "vitest";
import { errorBodyField, errorBodyMessage, readJsonBody } from "./json-answer";

describe("readJsonBody", () => {
  it("parses JSON, and gives null for an empty body or one that is not JSON", async () => {
    await expect(readJsonBody(new Response('{"message":"no"}'))).resolves.toEqual({
      message: "no",
    });
    await expect(readJsonBody(new Response(null, { status: 204 }))).resolves.toBeNull();
    await expect(readJsonBody(new Response("<html>Bad gateway</html>"))).resolves.toBeNull();
  });
});

describe("errorBodyMessage and errorBodyField", () => {
  it("read string fields only, falling back to the status", () => {
    expect(errorBodyMessage({ message: "already a member" }, 409)).toBe("already a member");
    expect(errorBodyMessage({ message: 42 }, 502)).toBe("Request failed with status 502");
    expect(errorBodyMessage(null, 502)).toBe("Request failed with status 502");
    expect(errorBodyField({ code: "INVALID_PASSWORD" }, "code")).toBe("INVALID_PASSWORD");
    expect(errorBodyField(["code"], "code")).toBeNull();
    expect(errorBodyField("code", "code")).toBeNull();
  });
});
