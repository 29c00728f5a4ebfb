import { describe, expect, it } from "vitest";
import { authLogLine } from "./auth-log";

describe("Better Auth's log lines", () => {
  it("are one line: an email typed with a newline cannot forge a second entry", () => {
    const line = authLogLine(
      "warn",
      "Invalid password for x@example.com\n[auth] error: forged",
      [],
    );
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toBe("[auth] warn: Invalid password for x@example.com\\n[auth] error: forged");
  });

  it("log a database error by its class and code only, and mask credentials", () => {
    const prisma = Object.assign(
      new Error('Unique constraint on "token" = abcdef0123456789abcdef0123456789'),
      {
        name: "PrismaClientKnownRequestError",
        code: "P2002",
        clientVersion: "6",
      },
    );
    const line = authLogLine("error", "Failed to create session", [
      prisma,
      { token: "0123456789abcdef0123456789abcdef" },
    ]);
    expect(line).toContain("PrismaClientKnownRequestError P2002");
    expect(line).not.toContain("abcdef0123456789abcdef0123456789");
    expect(line).not.toContain("0123456789abcdef0123456789abcdef");
    expect(line.split("\n")).toHaveLength(1);
  });
});

describe("errors a request ends with", () => {
  it("a refusal is the client's and not logged; anything else is, by class and code", async () => {
    const { APIError } = await import("better-auth/api");
    const { logAuthError } = await import("./auth-log");
    const lines: string[] = [];
    const original = console.error;
    console.error = (line: string) => lines.push(line);
    try {
      logAuthError(new APIError("UNAUTHORIZED", { message: "Invalid password" }));
      expect(lines).toEqual([]);
      const prisma = Object.assign(
        new Error("Timed out on token = 0123456789abcdef0123456789abcdef"),
        {
          name: "PrismaClientKnownRequestError",
          code: "P1008",
          clientVersion: "6",
        },
      );
      logAuthError(prisma);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^\[auth\] error: a request failed: PrismaClientKnownRequestError P1008/,
      );
      expect(lines[0]).not.toContain("0123456789abcdef0123456789abcdef");
    } finally {
      console.error = original;
    }
  });
});
