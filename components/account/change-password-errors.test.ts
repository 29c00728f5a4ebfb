import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { AuthApiError } from "./auth-api";
import { changePasswordErrorMessage } from "./change-password-errors";
import { NEW_PASSWORDS_DIFFER, newPasswordProblems, PASSWORDS_DIFFER } from "./password-rules";

const t = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "account" });
const ja = createTranslator({ locale: "ja", messages: MESSAGES.ja, namespace: "account" });
const message = (error: unknown) => changePasswordErrorMessage(error, t);

describe("changePasswordErrorMessage", () => {
  it("reads Better Auth's codes, not its messages", () => {
    expect(message(new AuthApiError(400, "Invalid password", "INVALID_PASSWORD"))).toBe(
      "The current password is not right.",
    );
    expect(message(new AuthApiError(400, "Password too short", "PASSWORD_TOO_SHORT"))).toBe(
      "Use at least 12 characters.",
    );
  });

  it("tells an ended session and too many attempts apart from other failures", () => {
    expect(message(new AuthApiError(401, "Unauthorized", "UNAUTHORIZED"))).toMatch(/Sign in again/);
    expect(message(new AuthApiError(429, "Too many requests", null))).toMatch(/Too many attempts/);
    expect(message(new AuthApiError(500, "Internal", null))).toBe(
      "The password was not changed. Try again.",
    );
    expect(message(new TypeError("Failed to fetch"))).toBe(
      "The console did not answer. Try again.",
    );
  });

  it("speaks Japanese with a Japanese translator", () => {
    expect(
      changePasswordErrorMessage(new AuthApiError(400, "Invalid password", "INVALID_PASSWORD"), ja),
    ).toBe("現在のパスワードが正しくありません。");
    expect(
      changePasswordErrorMessage(
        new AuthApiError(400, "Password too long", "PASSWORD_TOO_LONG"),
        ja,
      ),
    ).toBe("128文字以内で入力してください。");
  });
});

describe("newPasswordProblems", () => {
  it("asks for 12 to 128 characters, typed the same twice", () => {
    const problems = (password: string, confirmation: string) =>
      newPasswordProblems(password, confirmation, NEW_PASSWORDS_DIFFER, t);
    expect(problems("a".repeat(12), "a".repeat(12))).toEqual({});
    expect(problems("a".repeat(11), "a".repeat(11)).password).toBe("Use at least 12 characters.");
    expect(problems("a".repeat(129), "a".repeat(129)).password).toBe("Use at most 128 characters.");
    expect(problems("a".repeat(12), "a".repeat(13)).confirmation).toBe(
      "The two new passwords are not the same.",
    );
  });

  it("words a differing confirmation as the form asks", () => {
    expect(newPasswordProblems("a".repeat(12), "b".repeat(12), PASSWORDS_DIFFER, t)).toEqual({
      confirmation: "The two passwords are not the same.",
    });
    expect(newPasswordProblems("a".repeat(11), "b".repeat(12), PASSWORDS_DIFFER, ja)).toEqual({
      password: "12文字以上で入力してください。",
      confirmation: "2つのパスワードが一致しません。",
    });
  });
});
