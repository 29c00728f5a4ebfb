import { describe, expect, it } from "vitest";
import { AuthApiError } from "./auth-api";
import { changePasswordErrorMessage } from "./change-password-errors";
import { NEW_PASSWORDS_DIFFER, newPasswordProblems, PASSWORDS_DIFFER } from "./password-rules";

describe("changePasswordErrorMessage", () => {
  it("reads Better Auth's codes, not its messages", () => {
    expect(
      changePasswordErrorMessage(new AuthApiError(400, "Invalid password", "INVALID_PASSWORD")),
    ).toBe("The current password is not right.");
    expect(
      changePasswordErrorMessage(new AuthApiError(400, "Password too short", "PASSWORD_TOO_SHORT")),
    ).toBe("Use at least 12 characters.");
  });

  it("tells an ended session and too many attempts apart from other failures", () => {
    expect(
      changePasswordErrorMessage(new AuthApiError(401, "Unauthorized", "UNAUTHORIZED")),
    ).toMatch(/Sign in again/);
    expect(changePasswordErrorMessage(new AuthApiError(429, "Too many requests", null))).toMatch(
      /Too many attempts/,
    );
    expect(changePasswordErrorMessage(new AuthApiError(500, "Internal", null))).toBe(
      "The password was not changed. Try again.",
    );
    expect(changePasswordErrorMessage(new TypeError("Failed to fetch"))).toBe(
      "The console did not answer. Try again.",
    );
  });
});

describe("newPasswordProblems", () => {
  it("asks for 12 to 128 characters, typed the same twice", () => {
    const problems = (password: string, confirmation: string) =>
      newPasswordProblems(password, confirmation, NEW_PASSWORDS_DIFFER);
    expect(problems("a".repeat(12), "a".repeat(12))).toEqual({});
    expect(problems("a".repeat(11), "a".repeat(11)).password).toBe("Use at least 12 characters.");
    expect(problems("a".repeat(129), "a".repeat(129)).password).toBe("Use at most 128 characters.");
    expect(problems("a".repeat(12), "a".repeat(13)).confirmation).toBe(
      "The two new passwords are not the same.",
    );
  });

  it("words a differing confirmation as the form asks", () => {
    expect(newPasswordProblems("a".repeat(12), "b".repeat(12), PASSWORDS_DIFFER)).toEqual({
      confirmation: "The two passwords are not the same.",
    });
  });
});
