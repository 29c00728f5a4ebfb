import { decodeTime } from "ulid";
import { describe, expect, it } from "vitest";
import { newUlid, smallestUlidAt } from "./new-ulid";

describe("smallestUlidAt", () => {
  it("sorts above every ULID of an earlier millisecond and below every one of its own or later", () => {
    const t = Date.parse("2026-11-27T12:00:00Z");
    const floor = smallestUlidAt(t);
    expect(floor).toHaveLength(26);
    expect(decodeTime(floor)).toBe(t);
    for (let i = 0; i < 200; i++) {
      expect(newUlid(t - 1) < floor).toBe(true);
      expect(newUlid(t) >= floor).toBe(true);
      expect(newUlid(t + 1) > floor).toBe(true);
    }
  });
});
