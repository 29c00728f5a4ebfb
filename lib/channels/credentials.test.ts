import { describe, expect, it } from "vitest";
import {
  generateBotUserId,
  generateChannelSecret,
  generateNumericId,
  NUMERIC_ID_PATTERN,
} from "./credentials";

const SAMPLES = 2000;

describe("credentials", () => {
  it("generates 10-digit ids without a leading zero, spread over the range", () => {
    const ids = Array.from({ length: SAMPLES }, generateNumericId);
    for (const id of ids) expect(id).toMatch(/^[1-9][0-9]{9}$/);
    expect(new Set(ids).size).toBe(SAMPLES);
    // Every leading digit 1-9 shows up: ids are not stuck in part of the range.
    expect(new Set(ids.map((id) => id[0])).size).toBe(9);
  });

  it("matches ids with NUMERIC_ID_PATTERN and nothing else", () => {
    expect(NUMERIC_ID_PATTERN.test("1234567890")).toBe(true);
    for (const id of ["0123456789", "123456789", "12345678901", "12345a7890", " 1234567890"]) {
      expect(NUMERIC_ID_PATTERN.test(id)).toBe(false);
    }
  });

  it("generates 32-hex-character channel secrets", () => {
    const secrets = Array.from({ length: SAMPLES }, generateChannelSecret);
    for (const secret of secrets) expect(secret).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(secrets).size).toBe(SAMPLES);
  });

  it("generates bot user ids: U and 32 hex characters", () => {
    const ids = Array.from({ length: SAMPLES }, generateBotUserId);
    for (const id of ids) expect(id).toMatch(/^U[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(SAMPLES);
  });
});
