import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, fetchJson } from "./fetch-json";

function answerWith(status: number, body: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(body === null ? null : JSON.stringify(body), { status })),
  );
}

function browserAt(pathname: string, search = "") {
  const assign = vi.fn();
  vi.stubGlobal("window", { location: { pathname, search, assign } });
  return assign;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchJson", () => {
  it("returns the parsed body of a 2xx answer", async () => {
    answerWith(200, { ok: true });
    await expect(fetchJson("/api/x")).resolves.toEqual({ ok: true });
  });

  it("throws the server's message with the status", async () => {
    answerWith(409, { message: "already a member" });
    const error = await fetchJson("/api/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, message: "already a member" });
  });

  it("sends the browser to sign in on a 401, coming back to the page and query", async () => {
    answerWith(401, { message: "Sign in to use the console" });
    const assign = browserAt("/console/channel/1234567890/statistics", "?reason=request_timeout");
    const settled = vi.fn();
    void fetchJson("/api/channels/1234567890").then(settled, settled);
    await vi.waitFor(() => expect(assign).toHaveBeenCalled());
    expect(assign).toHaveBeenCalledWith(
      `/sign-in?next=${encodeURIComponent("/console/channel/1234567890/statistics?reason=request_timeout")}`,
    );
    // Neither data nor an error reaches the page it is leaving.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).not.toHaveBeenCalled();
  });
});
