import { describe, expect, it, vi } from "vitest";
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
  it("say the fallback in the page's language, and pass the server's message as it is", () => {
    expect(errorBodyMessage(null, 502, "ja")).toBe("リクエストが失敗しました（ステータス 502）");
    expect(errorBodyMessage({ message: "already a member" }, 409, "ja")).toBe("already a member");
  });

  it("read the page's language from <html lang>, English when it is not one of ours", () => {
    try {
      vi.stubGlobal("document", { documentElement: { lang: "ja" } });
      expect(errorBodyMessage(null, 503)).toBe("リクエストが失敗しました（ステータス 503）");
      vi.stubGlobal("document", { documentElement: { lang: "fr" } });
      expect(errorBodyMessage(null, 503)).toBe("Request failed with status 503");
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("read string fields only, falling back to the status", () => {
    expect(errorBodyMessage({ message: "already a member" }, 409)).toBe("already a member");
    expect(errorBodyMessage({ message: 42 }, 502)).toBe("Request failed with status 502");
    expect(errorBodyMessage(null, 502)).toBe("Request failed with status 502");
    expect(errorBodyMessage(null, 502, "en")).toBe("Request failed with status 502");
    expect(errorBodyField({ code: "INVALID_PASSWORD" }, "code")).toBe("INVALID_PASSWORD");
    expect(errorBodyField(["code"], "code")).toBeNull();
    expect(errorBodyField("code", "code")).toBeNull();
  });
});
