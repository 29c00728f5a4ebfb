import { describe, expect, it } from "vitest";
import { VerificationRateLimit } from "./verification-rate-limit";

describe("VerificationRateLimit", () => {
  it("allows `limit` verifications per channel per window, then refuses until they age out", () => {
    const limit = new VerificationRateLimit(3, 1000);
    expect([0, 10, 20].map((t) => limit.tryAcquire("a", t))).toEqual([true, true, true]);
    expect(limit.tryAcquire("a", 30)).toBe(false);
    expect(limit.tryAcquire("b", 30)).toBe(true);
    expect(limit.tryAcquire("a", 1001)).toBe(true);
    expect(limit.tryAcquire("a", 1002)).toBe(false);
  });
});
