import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  ConflictError,
  type DomainErrorCode,
  InvalidInputError,
  MissingError,
  NotFoundError,
  RateLimitedError,
  TooLargeError,
  UnauthenticatedError,
} from "../errors";
import { endpoint } from "./endpoint";
import { STATUS_BY_CODE } from "./error-status";
import { route } from "./handler";
import { errorResponse, notStored, toErrorResponse } from "./respond";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("toErrorResponse", () => {
  it("answers an InvalidInputError with 400, its message and details", async () => {
    const response = toErrorResponse(
      new InvalidInputError("name: must not be empty", [
        { property: "name", message: "must not be empty" },
      ]),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: "name: must not be empty",
      details: [{ property: "name", message: "must not be empty" }],
    });
  });

  it("leaves out empty details", async () => {
    const response = toErrorResponse(new InvalidInputError("Request body must be a JSON object"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "Request body must be a JSON object" });
  });

  it.each([
    [new UnauthenticatedError("Authentication failed"), 401],
    [new MissingError("The webhook URL is not set"), 404],
    [new TooLargeError("Request body too large"), 413],
    [new RateLimitedError("Too many"), 429],
  ])("answers %s with %i and its message", async (error, status) => {
    const response = toErrorResponse(error);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ message: error.message });
  });

  it("has a status for every domain error code, all 4xx but the database's outage (503)", () => {
    for (const [code, status] of Object.entries(STATUS_BY_CODE)) {
      if (code === "unavailable") continue;
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    expect(STATUS_BY_CODE.unavailable).toBe(503);
    const codes: DomainErrorCode[] = [
      "invalid_input",
      "unauthenticated",
      "forbidden",
      "not_found",
      "missing",
      "conflict",
      "too_large",
      "rate_limited",
      "unavailable",
    ];
    expect(Object.keys(STATUS_BY_CODE).sort()).toEqual([...codes].sort());
  });

  it("answers NotFoundError with 404", async () => {
    const response = toErrorResponse(new NotFoundError("Channel", "1234567890"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: `Channel "1234567890" not found` });
  });

  it("answers ConflictError with 409, naming the property", async () => {
    const response = toErrorResponse(
      new ConflictError("errorStatisticsAggregation", "Turn on Use webhook first"),
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      message: "Turn on Use webhook first",
      details: [{ property: "errorStatisticsAggregation", message: "Turn on Use webhook first" }],
    });
  });

  it.each([new Error("database is locked"), new TypeError("x is undefined"), "a string"])(
    "answers anything else with 500, hiding the cause (%s)",
    async (error) => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      const response = toErrorResponse(error);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: "Internal server error" });
      expect(logged).toHaveBeenCalledOnce();
    },
  );

  it.each([
    [
      "a refused connection",
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    ],
    [
      "PostgreSQL shutting down",
      Object.assign(new Error("terminating connection"), { code: "57P01" }),
    ],
    [
      "PostgreSQL starting up",
      Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
    ],
    ["a pg connection lost", new Error("Connection terminated unexpectedly")],
    [
      "Prisma's unreachable server",
      Object.assign(new Error("Can't reach database server"), { code: "P1001" }),
    ],
    [
      "Prisma's pool timeout",
      Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" }),
    ],
    [
      "an adapter's closed connection",
      new Error("wrapped", { cause: { kind: "ConnectionClosed" } }),
    ],
    [
      "a full SQLite disk",
      Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }),
    ],
    [
      "SQLite's write error",
      Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR_WRITE" }),
    ],
    [
      "Prisma's SQLite adapter, full",
      { message: "full", cause: { kind: "sqlite", extendedCode: 13 } },
    ],
  ])(
    "answers a database outage (%s) with 503 and Retry-After, logged as an outage",
    async (_, error) => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      const response = toErrorResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toEqual({
        message: "The database is unavailable at the moment; try again shortly.",
      });
      expect(logged.mock.calls[0]?.[0]).toMatch(/^Database unavailable/);
    },
  );

  it.each([
    ["a unique violation", Object.assign(new Error("duplicate key"), { code: "23505" })],
    ["Prisma's unique violation", Object.assign(new Error("Unique constraint"), { code: "P2002" })],
    [
      "a constraint in SQLite",
      Object.assign(new Error("CHECK failed"), { code: "SQLITE_CONSTRAINT_CHECK" }),
    ],
  ])("keeps a database error that is not an outage a 500 (%s)", async (_, error) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toErrorResponse(error).status).toBe(500);
  });

  it("sends JSON that is never cached", () => {
    const response = errorResponse(404, "gone");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("route", () => {
  // Endpoints anyone may call: the guard lets them through without reading the database.
  const byId = endpoint()({ method: "GET", path: "/api/test/[channelId]", access: "public" });
  const withInput = endpoint()({
    method: "POST",
    path: "/api/test",
    access: "public",
    query: async () => z.strictObject({ page: z.enum(["1", "2"]).optional() }),
    body: async () => z.strictObject({ name: z.string().min(1) }),
  });
  const post = (url: string, body: string) =>
    new Request(url, { method: "POST", body, headers: { "content-type": "application/json" } });

  it("passes the awaited params and returns the handler's response", async () => {
    const handler = route(byId, async ({ params }) =>
      Response.json({ channelId: params.channelId }),
    );
    const response = await handler(new Request("http://localhost/api/test/1234567890"), {
      params: Promise.resolve({ channelId: "1234567890" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ channelId: "1234567890" });
  });

  it("turns a thrown error into the error shape", async () => {
    const handler = route(byId, async () => {
      throw new NotFoundError("Provider", "1");
    });
    const response = await handler(new Request("http://localhost/api/test/1"), {
      params: Promise.resolve({ channelId: "1" }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: `Provider "1" not found` });
  });

  it("hands the handler the query and body its endpoint's schemas parsed", async () => {
    const handler = route(withInput, async ({ query, body }) => Response.json({ query, body }));
    const response = await handler(post("http://localhost/api/test?page=2", '{"name":"a"}'), {
      params: Promise.resolve({}),
    });
    expect(await response.json()).toEqual({ query: { page: "2" }, body: { name: "a" } });
  });

  it("refuses input its endpoint's schemas refuse, naming the field, without running the handler", async () => {
    const ran = vi.fn(async () => Response.json({}));
    const handler = route(withInput, ran);
    const refusals = [
      [post("http://localhost/api/test?page=3", '{"name":"a"}'), "page"],
      [post("http://localhost/api/test", '{"name":""}'), "name"],
      [post("http://localhost/api/test", '{"name":"a","extra":1}'), "extra"],
    ] as const;
    for (const [request, field] of refusals) {
      const response = await handler(request, { params: Promise.resolve({}) });
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(new RegExp(`^${field}: `));
    }
    expect(ran).not.toHaveBeenCalled();
  });

  it("refuses a method its endpoint does not declare, without running the handler", async () => {
    const ran = vi.fn(async () => Response.json({}));
    const handler = route(byId, ran);
    for (const method of ["POST", "DELETE", "PATCH"]) {
      const response = await handler(new Request("http://localhost/api/test/1", { method }), {
        params: Promise.resolve({ channelId: "1" }),
      });
      expect(response.status).toBe(404);
    }
    // HEAD is GET's, as Next serves it.
    const head = await handler(new Request("http://localhost/api/test/1", { method: "HEAD" }), {
      params: Promise.resolve({ channelId: "1" }),
    });
    expect(head.status).toBe(200);
  });
});

describe("NotFoundError messages", () => {
  it("quote the id and cut a long one short, so URL input cannot shape the message", () => {
    expect(new NotFoundError("Channel", "12\n34").message).toBe('Channel "12\\n34" not found');
    const long = "9".repeat(100);
    expect(new NotFoundError("Channel", long).message).toBe(
      `Channel "${"9".repeat(40)}…" not found`,
    );
  });

  it("marks answers never to be stored, unless their handler said otherwise", () => {
    expect(notStored(Response.json({ a: 1 })).headers.get("cache-control")).toBe("no-store");
    const kept = new Response("x", { headers: { "cache-control": "private, max-age=60" } });
    expect(notStored(kept).headers.get("cache-control")).toBe("private, max-age=60");
    const redirect = notStored(Response.redirect("http://127.0.0.1:3000/console", 303));
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("http://127.0.0.1:3000/console");
    expect(redirect.headers.get("cache-control")).toBe("no-store");
  });

  it("bounds an error's answer: ten problems, then how many more; long names cut", async () => {
    const details = Array.from({ length: 5000 }, (_, i) => ({
      property: `p${i}${"x".repeat(i === 0 ? 100_000 : 0)}`,
      message: "is not a known property",
    }));
    const response = toErrorResponse(
      new InvalidInputError(`${details[0]?.property}: bad`, details),
    );
    const text = await response.text();
    expect(text.length).toBeLessThan(5_000);
    const body = JSON.parse(text) as { message: string; details: { property: string }[] };
    expect(body.details).toHaveLength(11);
    expect(body.details[10]).toEqual({
      property: "(more)",
      message: "4990 more problems are not listed",
    });
    expect(body.message.length).toBeLessThanOrEqual(301);
    expect(body.details[0]?.property.length).toBeLessThanOrEqual(301);
  });
});
