import { describe, expect, it } from "vitest";
import { InvalidSettingError } from "../settings/read-env";
import { twoFactorRequirementFromEnv } from "./two-factor-setting";

describe("TWO_FACTOR_REQUIRED", () => {
  it("is none by default, and admins when asked", () => {
    expect(twoFactorRequirementFromEnv({})).toBe("none");
    expect(twoFactorRequirementFromEnv({ TWO_FACTOR_REQUIRED: "admins" })).toBe("admins");
    expect(twoFactorRequirementFromEnv({ TWO_FACTOR_REQUIRED: "none" })).toBe("none");
  });

  it("refuses anything else, naming the setting", () => {
    expect(() => twoFactorRequirementFromEnv({ TWO_FACTOR_REQUIRED: "everyone" })).toThrow(
      InvalidSettingError,
    );
    expect(() => twoFactorRequirementFromEnv({ TWO_FACTOR_REQUIRED: "everyone" })).toThrow(
      /TWO_FACTOR_REQUIRED/,
    );
  });
});
