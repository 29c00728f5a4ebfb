import { describe, expect, it } from "vitest";
import { describeError, redactCredentials } from "./describe-error";

const SECRET = "0123456789abcdef0123456789abcdef";
const SEALED = "v1:AAECAwQFBgcICQoL:c2VhbGVkIHNlY3JldCB3aXRoIGl0cyB0YWc";
const TOKEN = `${"A".repeat(60)}${"b+c/d".repeat(20)}=`;

describe("logged errors", () => {
  it("mask secrets, sealed secrets, keys and tokens in a message", () => {
    const text = redactCredentials(
      `secret ${SECRET}, stored ${SEALED}, header "Authorization: Bearer ${TOKEN}", token=${TOKEN}`,
    );
    for (const credential of [SECRET, SEALED, TOKEN, TOKEN.slice(0, 50)]) {
      expect(text).not.toContain(credential);
    }
    expect(text).toContain("Bearer [redacted]");
    expect(redactCredentials("webhook 01JABCDEF0123456789ABCDEFG failed: 500")).toBe(
      "webhook 01JABCDEF0123456789ABCDEFG failed: 500",
    );
  });

  it("log only the class and code of a Prisma error, whose message quotes the query", () => {
    class PrismaClientKnownRequestError extends Error {
      readonly code = "P2002";
      readonly clientVersion = "6.0.0";
      constructor() {
        super(
          `Invalid \`prisma.channel.create()\` invocation:\n{ data: { channelSecret: "${SEALED}", name: "plain words" } }`,
        );
        this.name = "PrismaClientKnownRequestError";
      }
    }
    const text = describeError(
      new Error("claim failed", { cause: new PrismaClientKnownRequestError() }),
    );
    expect(text).toContain("PrismaClientKnownRequestError P2002");
    expect(text).not.toContain("plain words");
    expect(text).not.toContain(SEALED);
  });

  it("keep an ordinary error's message and stack frames", () => {
    const error = new TypeError(`cannot read x of ${SECRET}`);
    const text = describeError(error);
    expect(text).toMatch(/^TypeError: cannot read x of \[redacted\]\n\s+at /);
    expect(text).not.toContain(SECRET);
    expect(describeError(`thrown string ${SECRET}`)).toBe("thrown string [redacted]");
  });
});
