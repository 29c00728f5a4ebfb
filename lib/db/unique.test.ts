import { describe, expect, it } from "vitest";
import { isUniqueViolation, withFreshId } from "./unique";

const uniqueViolation = Object.assign(new Error("Unique constraint failed"), { code: "P2002" });

describe("isUniqueViolation", () => {
  it.each([
    [uniqueViolation, true],
    [{ code: "P2002" }, true],
    [Object.assign(new Error("Record not found"), { code: "P2025" }), false],
    [new Error("P2002"), false],
    [null, false],
    ["P2002", false],
  ])("%o → %s", (error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });
});

describe("withFreshId", () => {
  it("retries after a unique violation and returns the first success", async () => {
    let calls = 0;
    const result = await withFreshId(async () => {
      calls++;
      if (calls < 3) throw uniqueViolation;
      return `row ${calls}`;
    });
    expect(result).toBe("row 3");
    expect(calls).toBe(3);
  });

  it("gives up after the last attempt", async () => {
    let calls = 0;
    const attempt = withFreshId(async () => {
      calls++;
      throw uniqueViolation;
    }, 4);
    await expect(attempt).rejects.toBe(uniqueViolation);
    expect(calls).toBe(4);
  });

  it("does not retry other errors", async () => {
    let calls = 0;
    const failure = new Error("connection refused");
    const attempt = withFreshId(async () => {
      calls++;
      throw failure;
    });
    await expect(attempt).rejects.toBe(failure);
    expect(calls).toBe(1);
  });
});
